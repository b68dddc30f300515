// Types for the tests, which import the post-processor (plain JS, run by node during install).
export function externalizeBootScript(buildDir: string, pageName?: string): string;
export function compressAssets(buildDir: string): number;
export function postprocessBundle(buildDir: string): { bootScript: string; compressed: number };
