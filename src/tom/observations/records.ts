// Observation records and their alerts: created together, and only once the portal has accepted
// the request (one record per observation id the portal returns, decision T9).
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { isoNow } from '../../platform/time.ts';
import type { ObservationRecordsTable } from './tables.ts';

export type ObservationRow = Selectable<ObservationRecordsTable>;

export async function recordObservations(
  db: Db,
  input: { targetId: number; facility: string; parameters: Record<string, unknown>; observationIds: string[]; alertEmail: string | null },
): Promise<ObservationRow[]> {
  const { groups: _groups, ...parameters } = input.parameters;
  return db.transaction().execute(async (trx) => {
    const now = isoNow();
    const rows: ObservationRow[] = [];
    for (const observationId of input.observationIds) {
      const row = await trx.insertInto('observation_records').values({
        target_id: input.targetId, facility: input.facility, parameters: JSON.stringify(parameters), observation_id: observationId,
        status: '', scheduled_start: null, scheduled_end: null, ingested_at: null, created_at: now, updated_at: now,
      }).returningAll().executeTakeFirstOrThrow();
      if (input.alertEmail !== null) {
        await trx.insertInto('observation_alerts').values({ observation_record_id: row.id, email: input.alertEmail, created_at: now }).execute();
      }
      rows.push(row);
    }
    return rows;
  });
}
