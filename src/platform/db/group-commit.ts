// Group commit for small, frequent writes (MxDC's dataset uploads): writes that arrive while a
// transaction is being written wait for it and then share the next one, written together by one
// call of the group's writer (one multi-row statement per table instead of one per write), so a
// burst of N requests costs a few statements and one commit instead of N of each. Each caller is
// answered only after its group's COMMIT, so what is acknowledged is as durable as a write
// committed alone. A lone write waits for nothing.
import type { Db } from './database.ts';

/** The most writes one transaction takes; the rest wait for the next one. */
const MAX_GROUP = 64;

/** Writes a whole group in the transaction given, returning one result per item, in their order. */
export type GroupWriter<Item, Result> = (trx: Db, items: Item[]) => Promise<Result[]>;

interface Pending<Item, Result> {
  item: Item;
  resolve: (value: Result) => void;
  reject: (reason: unknown) => void;
}

export class GroupCommit<Item, Result> {
  private readonly waiting: Array<Pending<Item, Result>> = [];
  private writing = false;

  constructor(private readonly db: Db, private readonly writeGroup: GroupWriter<Item, Result>) {}

  /** Writes `item` in a transaction shared with other waiting items; resolves once it has committed. */
  write(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        // Requests read in the same turn of the event loop join the first group.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) await this.commit(this.waiting.splice(0, MAX_GROUP));
    this.writing = false;
  }

  private async commit(group: Array<Pending<Item, Result>>): Promise<void> {
    let results: Result[];
    try {
      results = await this.inTransaction(group.map((pending) => pending.item));
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      // One item failed and rolled the others back with it: each is written again on its own, so
      // only the one at fault fails (rare: a constraint broken by a concurrent change).
      for (const pending of group) await this.inTransaction([pending.item]).then(([result]) => pending.resolve(result), pending.reject);
      return;
    }
    group.forEach((pending, index) => pending.resolve(results[index]));
  }

  private async inTransaction(items: Item[]): Promise<Result[]> {
    return this.db.transaction().execute(async (trx) => {
      const results = await this.writeGroup(trx, items);
      // Checked before COMMIT: a writer that lost track of an item must not commit it unanswered.
      if (results.length !== items.length) throw new Error(`a group writer answered ${results.length} results for ${items.length} items`);
      return results;
    });
  }
}
