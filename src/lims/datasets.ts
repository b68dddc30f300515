// Datasets recorded at a beamline (AddData, spec §3.5 with decisions D6–D8).
import type { Insertable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { isoNow } from '../platform/time.ts';
import type { DatasetsTable } from './tables.ts';
import { logActivities } from './activity.ts';
import { recordEvents } from './events/record.ts';

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
  const [id] = await writeDatasets(trx, [{ fields, options }]);
  return id;
}

export interface DatasetWrite {
  fields: DatasetFields;
  options: SaveDatasetOptions;
}

/**
 * writeDataset for several datasets in the caller's transaction, with one statement per table for
 * all of them (MxDC's uploads committed together): the ids come back in the order given.
 */
export async function writeDatasets(trx: Db, writes: DatasetWrite[]): Promise<number[]> {
  const now = isoNow();
  const ids: number[] = [];
  const updated: boolean[] = [];
  for (const { fields, options } of writes) {
    // An update names its dataset: rare (MxDC sends an id when it saves a dataset again), so one at a time.
    const row = options.id === null ? undefined : await trx.updateTable('datasets').set({ ...fields, updated_at: now })
      .where('id', '=', options.id).where('project_id', '=', fields.project_id).returning('id').executeTakeFirst();
    ids.push(row?.id ?? 0);
    updated.push(row !== undefined);
  }
  const created = writes.filter((_, index) => !updated[index]);
  if (created.length > 0) {
    const inserted = await trx.insertInto('datasets')
      .values(created.map(({ fields }) => ({ ...fields, state: 'active' as const, created_at: now, updated_at: now })))
      .returning('id').execute();
    // Both databases number the rows of one INSERT in the order of its VALUES, though RETURNING
    // need not list them in that order.
    const newIds = inserted.map((row) => row.id).sort((a, b) => a - b);
    if (newIds.length !== created.length) throw new Error(`inserted ${newIds.length} datasets of ${created.length}`);
    let next = 0;
    for (let index = 0; index < ids.length; index++) if (!updated[index]) ids[index] = newIds[next++];
  }
  await recordEvents(trx, writes.map(({ fields }, index) => ({
    kind: updated[index] ? 'dataset.changed' : 'dataset.created',
    scope: { projectId: fields.project_id, beamlineId: fields.beamline_id },
    subject: { dataset_id: ids[index], session_id: fields.session_id ?? null },
  })));
  await logActivities(trx, writes.map(({ fields, options }, index) => ({
    projectId: fields.project_id, userId: options.userId, address: options.address, action: 'create',
    objectType: 'dataset', objectId: ids[index], description: options.description,
  })));
  return ids;
}
