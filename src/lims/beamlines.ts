// Beamlines and the automounter installed on each.
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { BeamlinesTable } from './tables.ts';

export type Beamline = Selectable<BeamlinesTable>;

export async function beamlineByAcronym(db: Db, acronym: string): Promise<Beamline | null> {
  return (await db.selectFrom('beamlines').selectAll().where('acronym', '=', acronym).executeTakeFirst()) ?? null;
}

/** The root container of the beamline's active automounter, or null when none is active. */
export async function activeAutomounterContainer(db: Db, beamlineId: number): Promise<number | null> {
  const row = await db.selectFrom('automounters').select('container_id')
    .where('beamline_id', '=', beamlineId).where('active', '=', true).orderBy('id').executeTakeFirst();
  return row?.container_id ?? null;
}
