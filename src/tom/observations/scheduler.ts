// Enqueues the observation jobs at intervals, in every process that runs jobs. Before enqueueing
// it checks that no such job is already waiting or running, so several processes do not pile up
// duplicates (an occasional duplicate is harmless: both jobs are idempotent).
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/types.ts';
import type { Logger } from 'pino';
import { FOLLOW_JOB, OUTBOX_JOB } from './jobs.ts';

async function pending(db: Db, type: string): Promise<boolean> {
  return (await db.selectFrom('jobs').select('id').where('type', '=', type).where('state', 'in', ['queued', 'running']).executeTakeFirst()) !== undefined;
}

export async function enqueueFollow(db: Db, jobs: JobQueue): Promise<boolean> {
  if (await pending(db, FOLLOW_JOB)) return false;
  await jobs.enqueue(FOLLOW_JOB, {});
  return true;
}

export async function enqueueOutbox(db: Db, jobs: JobQueue): Promise<boolean> {
  const waiting = await db.selectFrom('email_outbox').select('id').where('state', '=', 'queued').executeTakeFirst();
  if (!waiting || (await pending(db, OUTBOX_JOB))) return false;
  await jobs.enqueue(OUTBOX_JOB, {});
  return true;
}

export function startObservationScheduler(db: Db, jobs: JobQueue, log: Logger, pollSeconds: number): () => void {
  if (pollSeconds <= 0) return () => {};
  const tick = (enqueue: () => Promise<boolean>) => () => void enqueue().catch((error) => log.warn({ err: error }, 'could not schedule observation job'));
  const follow = setInterval(tick(() => enqueueFollow(db, jobs)), pollSeconds * 1000);
  // The outbox is looked at more often, so alert emails leave soon after the follow job queues them.
  const outbox = setInterval(tick(() => enqueueOutbox(db, jobs)), Math.min(pollSeconds, 30) * 1000);
  follow.unref();
  outbox.unref();
  return () => {
    clearInterval(follow);
    clearInterval(outbox);
  };
}
