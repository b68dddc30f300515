// Error codes that mean "there is nothing servable here", never a server fault.
const MISSING_CODES = new Set(['ENOENT', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG', 'EACCES', 'EPERM', 'EINVAL']);

export function isMissing(error: unknown): boolean {
  return MISSING_CODES.has((error as NodeJS.ErrnoException)?.code ?? '');
}
