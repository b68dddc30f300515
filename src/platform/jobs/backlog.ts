// Jobs that are due and still waiting for a worker, by type: how many and since when. Read by
// /metrics (queue depth and age) and /readyz (a backlog older than the threshold).
import type { Db } from '../db/database.ts';

export interface WaitingJobs {
  type: string;
  count: number;
  /** Seconds since the longest-waiting of them became due. */
  oldestSeconds: number;
}

export async function waitingJobs(db: Db, now: Date = new Date()): Promise<WaitingJobs[]> {
  const rows = await db.selectFrom('jobs')
    .select((eb) => ['type', eb.fn.countAll<number>().as('count'), eb.fn.min('run_after').as('oldest')])
    .where('state', '=', 'queued').where('run_after', '<=', now.toISOString())
    .groupBy('type').orderBy('type').execute();
  return rows.map((row) => ({
    type: row.type,
    count: Number(row.count),
    oldestSeconds: Math.max(0, (now.getTime() - Date.parse(row.oldest)) / 1000),
  }));
}
