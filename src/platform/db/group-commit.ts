// Group commit for small, frequent writes (MxDC's dataset uploads): writes that arrive while a
// transaction is being written wait for it and then share the next one, written together by one
// call of the group's writer (one multi-row statement per table instead of one per write), so a
// burst of N requests costs a few statements and one commit instead of N of each. Each caller is
// answered only after its group's COMMIT, so what is acknowledged is as durable as a write
// committed alone. A lone write waits for nothing.
//
// Clients answered together come back together: without care the first of them would start a
// group alone and the rest would form the next (groups of 1, 7, 1, 7… at 8 clients). So a request
// reserves its place when it starts (reserve()), and a group about to start waits for the
// reserved writes to arrive or give up, for MAX_WAIT_MS at most.
import type { Db } from './database.ts';

/** The most writes one transaction takes; the rest wait for the next one. */
const MAX_GROUP = 64;
/** The longest a group waits for reserved writes (they are usually a fraction of this away). */
const MAX_WAIT_MS = 2;

/** Writes a whole group in the transaction given (see oneStatement), returning one result per item, in their order. */
export type GroupWriter<Item, Result> = (trx: Db, items: Item[]) => Promise<Result[]>;

export interface GroupCommitOptions<Item> {
  /**
   * Whether the writer writes these items with a single statement, which is atomic and durable
   * on its own: it is then sent without BEGIN and COMMIT, two round trips fewer.
   */
  oneStatement?: (items: Item[]) => boolean;
}

/** A place in the next group, taken by a request that is still checking its input. */
export interface Reservation<Item, Result> {
  /** write() in the reserved place. */
  write(item: Item): Promise<Result>;
  /** Gives the place up without writing (the request failed); nothing once written. */
  release(): void;
}

interface Pending<Item, Result> {
  item: Item;
  resolve: (value: Result) => void;
  reject: (reason: unknown) => void;
}

export class GroupCommit<Item, Result> {
  private readonly waiting: Array<Pending<Item, Result>> = [];
  private writing = false;
  /** Reserved writes not yet arrived, and what a group waiting for them calls when they have. */
  private reserved = 0;
  private arrived: (() => void) | null = null;

  constructor(private readonly db: Db, private readonly writeGroup: GroupWriter<Item, Result>, private readonly options: GroupCommitOptions<Item> = {}) {}

  /** Reserves a place for a write this request is about to make: a group starting meanwhile waits for it briefly. */
  reserve(): Reservation<Item, Result> {
    this.reserved++;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      this.reserved--;
      if (this.reserved === 0) this.arrived?.();
    };
    return {
      write: (item) => {
        // Queued before the place is given up, so a group woken by its arrival takes it.
        const written = this.write(item);
        release();
        return written;
      },
      release,
    };
  }

  /** Writes `item` in a transaction shared with other waiting items; resolves once it has committed. */
  write(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= MAX_GROUP) this.arrived?.();
      if (!this.writing) {
        this.writing = true;
        // Requests read in the same turn of the event loop join the first group.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      if (this.reserved > 0 && this.waiting.length < MAX_GROUP) await this.reservedArrivals();
      await this.commit(this.waiting.splice(0, MAX_GROUP));
    }
    this.writing = false;
  }

  /** Resolves once every reserved write has arrived or been given up, or after MAX_WAIT_MS. */
  private reservedArrivals(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.arrived = null;
        resolve();
      };
      const timer = setTimeout(done, MAX_WAIT_MS);
      this.arrived = done;
    });
  }

  private async commit(group: Array<Pending<Item, Result>>): Promise<void> {
    let results: Result[];
    try {
      results = await this.writeAll(group.map((pending) => pending.item));
    } catch (error) {
      if (group.length === 1 || error instanceof WrittenUnanswered) return group.forEach((pending) => pending.reject(error));
      // One item failed and rolled the others back with it: each is written again on its own, so
      // only the one at fault fails (rare: a constraint broken by a concurrent change).
      for (const pending of group) await this.writeAll([pending.item]).then(([result]) => pending.resolve(result), pending.reject);
      return;
    }
    group.forEach((pending, index) => pending.resolve(results[index]));
  }

  private async writeAll(items: Item[]): Promise<Result[]> {
    if (this.options.oneStatement?.(items)) {
      const results = await this.writeGroup(this.db, items);
      // Already committed: written again, the items would be written twice.
      if (results.length !== items.length) throw new WrittenUnanswered(results.length, items.length);
      return results;
    }
    return this.db.transaction().execute(async (trx) => {
      const results = await this.writeGroup(trx, items);
      // Checked before COMMIT: a writer that lost track of an item must not commit it unanswered.
      if (results.length !== items.length) throw new Error(`a group writer answered ${results.length} results for ${items.length} items`);
      return results;
    });
  }
}

/** A one-statement writer committed a group but did not answer for each item. */
class WrittenUnanswered extends Error {
  constructor(answered: number, items: number) {
    super(`a group writer answered ${answered} results for ${items} items it wrote`);
  }
}
