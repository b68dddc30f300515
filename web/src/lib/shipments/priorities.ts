// Groups and samples are ordered by priority (1 first). After a drag or a "Move up/down" the new
// order is saved as priorities 1…n, changing only the records whose priority moved.

export interface Prioritised {
  id: number;
  priority: number | null;
}

/** Records by priority; those without one come last, in the order given. */
export function byPriority<T extends Prioritised>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.priority ?? Number.MAX_SAFE_INTEGER) - (b.priority ?? Number.MAX_SAFE_INTEGER));
}

/** The list with the item at `from` moved to `to`. */
export function moved<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length || from === to) return items;
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** Saves the order as priorities 1…n, one request per record whose priority changes. */
export async function savePriorities(items: Prioritised[], save: (id: number, priority: number) => Promise<unknown>): Promise<void> {
  for (const [index, item] of items.entries()) {
    if (item.priority !== index + 1) await save(item.id, index + 1);
  }
}
