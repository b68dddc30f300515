// Asking a facility for the state of some of its observations and recording what changed: the
// follow job does it for every open observation, a target page's "Update status" for its own.
import type { Db } from '../../platform/db/database.ts';
import { isoNow } from '../../platform/time.ts';
import type { Facility } from './facility.ts';
import type { ObservationRow } from './records.ts';

/** The facility's observations among `records` that have not ended yet. */
export function stillOpen(facility: Facility, records: ObservationRow[]): ObservationRow[] {
  const terminal = new Set([...facility.successStates, ...facility.failedStates]);
  return records.filter((r) => r.facility === facility.name && !terminal.has(r.status));
}

/** One batched state query; returns how many records changed. Facility errors are the caller's to handle. */
export async function refreshStates(db: Db, facility: Facility, open: ObservationRow[]): Promise<number> {
  if (open.length === 0) return 0;
  const states = await facility.states(open.map((r) => r.observation_id));
  let changed = 0;
  for (const record of open) {
    const state = states.get(record.observation_id);
    if (!state || (state.state === record.status && state.scheduledStart === record.scheduled_start && state.scheduledEnd === record.scheduled_end)) continue;
    await db.updateTable('observation_records')
      .set({ status: state.state, scheduled_start: state.scheduledStart, scheduled_end: state.scheduledEnd, updated_at: isoNow() })
      .where('id', '=', record.id).execute();
    changed++;
  }
  return changed;
}
