// Following observations (spec §6, decisions T12, T13): one batched state query per facility for
// the observations still open, frames fetched in the run that sees an observation succeed (and
// retried on later runs if that failed), and alerts handled for every new-data event.
import type { Logger } from 'pino';
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { isoNow } from '../../platform/time.ts';
import type { Facility } from './facility.ts';
import type { ObservationRow } from './records.ts';
import { ingestFrames } from './ingest.ts';
import { refreshStates } from './refresh-states.ts';
import type { Enqueue } from '../thumbnails/request.ts';

export interface FollowDependencies {
  db: Db;
  files: FileStore;
  facilities: Map<string, Facility>;
  log: Logger;
  /** Queues the thumbnails of ingested frames. */
  enqueue: Enqueue;
}

export interface FollowReport {
  checked: number;
  changed: number;
  ingested: number;
  failures: string[];
}

export async function followObservations(deps: FollowDependencies): Promise<FollowReport> {
  const report: FollowReport = { checked: 0, changed: 0, ingested: 0, failures: [] };
  for (const facility of deps.facilities.values()) {
    const terminal = [...facility.successStates, ...facility.failedStates];
    const open = await deps.db.selectFrom('observation_records').selectAll()
      .where('facility', '=', facility.name).where('status', 'not in', terminal).execute();
    if (open.length > 0) {
      try {
        report.changed += await refreshStates(deps.db, facility, open as ObservationRow[]);
        report.checked += open.length;
      } catch (error) {
        report.failures.push(`${facility.name}: ${(error as Error).message}`);
        deps.log.warn({ err: error, facility: facility.name }, 'observation states could not be updated');
      }
    }
    // Succeeded and not yet ingested: those that just succeeded, and earlier ones whose download failed.
    const due = await deps.db.selectFrom('observation_records').selectAll()
      .where('facility', '=', facility.name).where('status', 'in', facility.successStates).where('ingested_at', 'is', null).execute();
    for (const record of due as ObservationRow[]) {
      try {
        report.ingested += await ingestFrames(deps.db, deps.files, deps.enqueue, facility, record);
      } catch (error) {
        report.failures.push(`${facility.name} ${record.observation_id}: ${(error as Error).message}`);
        deps.log.warn({ err: error, observation: record.id }, 'frames could not be ingested; will retry');
      }
    }
  }
  return report;
}
