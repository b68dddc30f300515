// Confining a client-named path to a directory, decided on real locations (symlinks resolved):
// a path is inside a directory only if its real location is.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { isMissing } from './fs-errors.ts';
import { isInside } from './descriptor-paths.ts';

export async function realpathOrNull(target: string): Promise<string | null> {
  try {
    return await fsp.realpath(target);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/**
 * The real path of `relative` inside the directory `realDir` (itself already real), or null when
 * it does not exist or leaves the directory — by "..", or through a symlink pointing outside.
 * A leading "/" is dropped: "/a/b" means "a/b" inside the directory.
 */
export async function existingInside(realDir: string, relative: string): Promise<string | null> {
  if (relative.includes('\0')) return null;
  const joined = path.join(realDir, relative.replace(/^\/+/, ''));
  if (!isInside(realDir, joined)) return null;
  const real = await realpathOrNull(joined);
  return real !== null && isInside(realDir, real) ? real : null;
}
