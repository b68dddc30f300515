// The platform's reasons for a "degraded" /readyz: due jobs nobody takes, and a mail server that
// keeps refusing. Both are read from the database, so any process sees what the workers met.
import type { Db } from '../db/database.ts';
import type { DegradedCheck } from '../http/health-routes.ts';
import { waitingJobs } from '../jobs/backlog.ts';

export function jobBacklogCheck(db: Db, thresholdSeconds: number): DegradedCheck {
  return async () => {
    const late = (await waitingJobs(db)).filter((waiting) => waiting.oldestSeconds > thresholdSeconds);
    if (late.length === 0) return null;
    const types = late.map((waiting) => `${waiting.type} (${waiting.count})`).join(', ');
    const oldest = Math.round(Math.max(...late.map((waiting) => waiting.oldestSeconds)));
    return `Jobs have waited longer than ${thresholdSeconds} s for a worker: ${types}; the oldest for ${oldest} s. Are the workers running?`;
  };
}

/** A queued email has failed once per attempt, so `attempts` counts its failures in a row. */
export function emailFailureCheck(db: Db, failuresInARow: number): DegradedCheck {
  return async () => {
    const row = await db.selectFrom('email_outbox').select((eb) => eb.fn.countAll<number>().as('count'))
      .where('state', '=', 'queued').where('attempts', '>=', failuresInARow).executeTakeFirstOrThrow();
    const count = Number(row.count);
    if (count === 0) return null;
    return `The mail server refused or could not be reached the last ${failuresInARow} or more times: ${count} email(s) waiting. The server log has the errors.`;
  };
}
