// Group commit for small, frequent writes (MxDC's dataset uploads): writes that arrive while a
// transaction is being written wait for it and then share the next one, so a burst of N requests
// costs one commit instead of N. Each caller is answered only after its group's COMMIT, so what
// is acknowledged is as durable as a write committed alone. A lone write waits for nothing.
import type { Db } from './database.ts';

/** The most writes one transaction takes; the rest wait for the next one. */
const MAX_GROUP = 64;

interface Pending {
  write: (trx: Db) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

export class GroupCommit {
  private readonly waiting: Pending[] = [];
  private writing = false;

  constructor(private readonly db: Db) {}

  /** Runs `write` in a transaction shared with other waiting writes; resolves once it has committed. */
  run<T>(write: (trx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ write, resolve: resolve as (value: unknown) => void, reject });
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

  private async commit(group: Pending[]): Promise<void> {
    let results: unknown[];
    try {
      results = await this.db.transaction().execute(async (trx) => {
        const done: unknown[] = [];
        for (const pending of group) done.push(await pending.write(trx));
        return done;
      });
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      // One write failed and rolled the others back with it: each runs again on its own, so only
      // the one at fault fails (rare: a constraint broken by a concurrent change).
      for (const pending of group) await this.db.transaction().execute(pending.write).then(pending.resolve, pending.reject);
      return;
    }
    group.forEach((pending, index) => pending.resolve(results[index]));
  }
}
