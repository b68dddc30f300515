// Path confinement for the proxy. Data roots are arbitrary directories, so every decision is made
// on real locations (symlinks resolved): a path is inside a directory only if its real location is.
import path from 'node:path';

import { isMissing } from '../platform/storage/fs-errors.ts';
import { isInside } from '../platform/storage/descriptor-paths.ts';
import { existingInside, realpathOrNull } from '../platform/storage/confined-paths.ts';

export { existingInside, isInside, isMissing, realpathOrNull };

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
