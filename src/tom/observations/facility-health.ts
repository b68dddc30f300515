// A reason for a "degraded" /readyz: a facility (the LCO portal or archive) that failed in each of
// the last few observation checks. The follow job records its failures in its result, each
// starting with the facility's name, so whichever process ran the checks, the database tells.
import type { Db } from '../../platform/db/database.ts';
import type { DegradedCheck } from '../../platform/http/health-routes.ts';
import { FOLLOW_JOB } from './jobs.ts';

export function facilityFailureCheck(db: Db, facilityNames: string[], failuresInARow: number): DegradedCheck {
  return async () => {
    // A run that failed as a whole met some other trouble (the job's own error is in its record).
    const runs = await db.selectFrom('jobs').select('result')
      .where('type', '=', FOLLOW_JOB).where('state', '=', 'succeeded')
      .orderBy('id', 'desc').limit(failuresInARow).execute();
    if (runs.length < failuresInARow) return null;
    const failuresOf = runs.map((run) => followFailures(run.result));
    const failing = facilityNames.filter((name) => failuresOf.every((failures) => failures.some((f) => f.startsWith(`${name}:`) || f.startsWith(`${name} `))));
    if (failing.length === 0) return null;
    return `Checking observations with ${failing.join(', ')} failed in each of the last ${failuresInARow} runs. The server log has the errors.`;
  };
}

function followFailures(result: string | null): string[] {
  try {
    const failures = (JSON.parse(result ?? 'null') as { follow?: { failures?: unknown } } | null)?.follow?.failures;
    return Array.isArray(failures) ? failures.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}
