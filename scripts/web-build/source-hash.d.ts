// Types for the tests, which import the source hash (plain JS, run by node during install).
export function sourceFiles(root: string): string[];
export function sourceHash(root: string): string;
