// Who sends the bytes of a Data Proxy `raw` download: Lightpath itself (the default), or nginx in
// front of it, told where with an X-Accel-Redirect header (LIGHTPATH_DOWNLOAD_FRONTEND=nginx).

interface SettingsReader {
  string(name: string, fallback: string): string;
  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T;
}

export const DEFAULT_ACCEL_PREFIX = '/protected';
// Plain path segments only: the prefix is pasted into a header nginx parses as a URI.
const PREFIX = /^(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+$/;

/** The X-Accel-Redirect prefix when nginx sends the files; null when Lightpath does. */
export function readAccelRedirectPrefix(read: SettingsReader, problems: string[]): string | null {
  const frontend = read.oneOf('LIGHTPATH_DOWNLOAD_FRONTEND', 'lightpath', ['lightpath', 'nginx']);
  const prefix = read.string('LIGHTPATH_DOWNLOAD_ACCEL_PREFIX', '');
  if (frontend !== 'nginx') {
    if (prefix !== '') problems.push('LIGHTPATH_DOWNLOAD_ACCEL_PREFIX is only used with LIGHTPATH_DOWNLOAD_FRONTEND=nginx: set both, or neither');
    return null;
  }
  const chosen = prefix.replace(/\/+$/, '') || DEFAULT_ACCEL_PREFIX;
  if (!PREFIX.test(chosen) || chosen.split('/').some((part) => part === '.' || part === '..')) {
    problems.push(`LIGHTPATH_DOWNLOAD_ACCEL_PREFIX must be a URL path such as /protected (letters, digits, "-", "_", "." and "~" between slashes; got "${prefix}")`);
  }
  return chosen;
}
