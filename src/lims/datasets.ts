// Datasets recorded at a beamline (AddData, spec §3.5 with decisions D6–D8).
import type { Insertable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { isoNow } from '../platform/time.ts';
import type { DatasetsTable } from './tables.ts';
import { logActivity } from './activity.ts';
import { recordEvent } from './events/record.ts';

export type DatasetFields = Omit<Insertable<DatasetsTable>, 'id' | 'created_at' | 'updated_at' | 'state'>;

export interface SaveDatasetOptions {
  id: number | null;
  userId: number;
  address: string | null;
  description: string;
}

/**
 * Updates the caller's dataset `id` when it is theirs; otherwise (no id, unknown id, another
 * project's id) inserts a new one owned by the caller (D6). Returns the dataset id.
 */
export async function saveDataset(db: Db, fields: DatasetFields, options: SaveDatasetOptions): Promise<number> {
  return db.transaction().execute((trx) => writeDataset(trx, fields, options));
}

/** saveDataset's writes (the dataset, its event and its activity entry) in the caller's transaction. */
export async function writeDataset(trx: Db, fields: DatasetFields, options: SaveDatasetOptions): Promise<number> {
  const now = isoNow();
  let id: number | null = null;
  if (options.id !== null) {
    const updated = await trx.updateTable('datasets').set({ ...fields, updated_at: now })
      .where('id', '=', options.id).where('project_id', '=', fields.project_id).returning('id').executeTakeFirst();
    id = updated?.id ?? null;
  }
  const created = id === null;
  if (id === null) {
    const inserted = await trx.insertInto('datasets').values({ ...fields, state: 'active', created_at: now, updated_at: now })
      .returning('id').executeTakeFirstOrThrow();
    id = inserted.id;
  }
  await recordEvent(trx, created ? 'dataset.created' : 'dataset.changed', { projectId: fields.project_id, beamlineId: fields.beamline_id }, {
    dataset_id: id, session_id: fields.session_id ?? null,
  });
  await logActivity(trx, {
    projectId: fields.project_id, userId: options.userId, address: options.address, action: 'create',
    objectType: 'dataset', objectId: id, description: options.description,
  });
  return id;
}
