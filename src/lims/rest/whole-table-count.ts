// The count of a list that shows a whole table: staff asking with no search and no filter. With a
// million rows, counting them reads a whole index (0.1–0.2 s on PostgreSQL); the triggers of
// migration 0019 keep that number instead, exact. Anything else is counted as before.
import type { Db } from '../../platform/db/database.ts';
import { keptCount } from '../../platform/db/row-counts.ts';
import type { CountedColumn } from '../../platform/db/row-counts.ts';
import type { Actor } from '../visibility.ts';

/** Query parameters that choose a page or its order, never which rows are in the list. */
const PAGING = new Set(['limit', 'offset', 'ordering']);

/** The kept count when `query` lists every row of the counter's table for `actor`; null when it must be counted. */
export function wholeTableCount(db: Db, actor: Actor, query: object, counter: CountedColumn): (() => Promise<number>) | null {
  if (!actor.isStaff) return null;
  const filtered = Object.entries(query).some(([name, value]) => value !== undefined && !PAGING.has(name));
  return filtered ? null : () => keptCount(db, counter);
}
