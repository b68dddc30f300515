// Items of one list in a load file that share their key: the second would silently overwrite the
// first, so a file that lists anything twice is refused.
import { LoadError } from './load-file.ts';

/** Throws a LoadError (from `describe(first, second)`) when two items have the same key. */
export function refuseRepeats<T>(items: readonly T[] | undefined, key: (item: T) => string, describe: (first: T, second: T) => string): void {
  const seen = new Map<string, T>();
  for (const item of items ?? []) {
    const first = seen.get(key(item));
    if (first !== undefined) throw new LoadError(describe(first, item));
    seen.set(key(item), item);
  }
}
