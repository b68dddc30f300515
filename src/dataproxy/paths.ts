// Path confinement for the proxy. Data roots are arbitrary directories, so every decision is made
// on real locations (symlinks resolved): a path is inside a directory only if its real location is.
import fsp from 'node:fs/promises';
import path from 'node:path';

import { isMissing } from '../platform/storage/fs-errors.ts';
import { isInside } from '../platform/storage/descriptor-paths.ts';

export { isInside, isMissing };

export async function realpathOrNull(target: string): Promise<string | null> {
  try {
    return await fsp.realpath(target);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/**
 * Where an absolute, normalised path really leads, even if it does not exist yet: the real path of
 * its deepest existing ancestor joined with the parts that do not exist.
 */
export async function realLocation(target: string): Promise<string> {
  let existing = target;
  for (;;) {
    const real = await realpathOrNull(existing);
    if (real !== null) return existing === target ? real : path.join(real, path.relative(existing, target));
    const parent = path.dirname(existing);
    if (parent === existing) return target;
    existing = parent;
  }
}

/** The real paths of the configured roots (a root that does not exist yet is taken as written). */
export async function realRoots(roots: readonly string[]): Promise<string[]> {
  return Promise.all(roots.map(async (root) => (await realpathOrNull(root)) ?? root));
}

/**
 * The real path of `relative` inside the directory `realDir` (itself already real), or null when
 * it does not exist or leaves the directory — by "..", or through a symlink pointing outside.
 * A leading "/" is dropped, as MxLIVE's proxy did: "/a/b" means "a/b" inside the directory.
 */
export async function existingInside(realDir: string, relative: string): Promise<string | null> {
  if (relative.includes('\0')) return null;
  const joined = path.join(realDir, relative.replace(/^\/+/, ''));
  if (!isInside(realDir, joined)) return null;
  const real = await realpathOrNull(joined);
  return real !== null && isInside(realDir, real) ? real : null;
}
