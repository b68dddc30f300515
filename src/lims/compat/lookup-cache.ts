// Keeps answers of a look-up that rarely changes (a project by username, a beamline by acronym)
// so MxDC's calls need not ask the database each time. An answer is dropped at once when this
// process writes to one of the tables it was read from, and in any case after LOOKUP_LIFETIME_MS,
// which bounds how long a change made by another process (a second server on PostgreSQL, a
// `lightpath` command) can go unseen.
import { tableWrites } from '../../platform/db/table-writes.ts';

export const LOOKUP_LIFETIME_MS = 1000;
/** Longer than the transactions that write these tables take between their write and commit. */
const SETTLE_MS = 250;
const MAX_ENTRIES = 10_000;

interface Entry<V> {
  at: number;
  value: Promise<V>;
}

export class LookupCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private writes: number;
  private changedAt = -Infinity;

  constructor(private readonly tables: readonly string[], private readonly load: (key: string) => Promise<V>) {
    this.writes = tableWrites(tables);
  }

  get(key: string): Promise<V> {
    const now = performance.now();
    const writes = tableWrites(this.tables);
    if (writes !== this.writes) {
      this.writes = writes;
      this.entries.clear();
      this.changedAt = now;
    }
    const cached = this.entries.get(key);
    if (cached && now - cached.at < LOOKUP_LIFETIME_MS) return cached.value;
    if (cached) this.entries.delete(key);
    const value = this.load(key);
    // On PostgreSQL a write is counted before its transaction commits, and a read on another
    // connection meanwhile still sees the old row: answers read just after a write are not kept.
    if (now - this.changedAt >= SETTLE_MS) this.keep(key, { at: now, value });
    return value;
  }

  private keep(key: string, entry: Entry<V>): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    // A failed look-up is asked again next time.
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
  }
}
