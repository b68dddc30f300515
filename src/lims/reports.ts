// Analysis reports (AddReport, spec §3.6 with decision D6): linked only to the caller's datasets,
// and the links only ever grow.
import type { Db } from '../platform/db/database.ts';
import { isoNow } from '../platform/time.ts';
import { logActivity } from './activity.ts';
import { recordEvent } from './events/record.ts';
import type { ReportsTable } from './tables.ts';

export type ReportFields = Pick<ReportsTable, 'project_id' | 'name' | 'kind' | 'score' | 'proxy_key' | 'details'>;

export async function saveReport(
  db: Db,
  fields: ReportFields,
  options: { id: number | null; datasetIds: number[]; userId: number; address: string | null; description: string },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const now = isoNow();
    let id: number | null = null;
    if (options.id !== null) {
      const updated = await trx.updateTable('reports').set({ ...fields, updated_at: now })
        .where('id', '=', options.id).where('project_id', '=', fields.project_id).returning('id').executeTakeFirst();
      id = updated?.id ?? null;
    }
    const created = id === null;
    if (id === null) {
      id = (await trx.insertInto('reports').values({ ...fields, state: 'active', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    }
    const own = options.datasetIds.length === 0 ? [] : await trx.selectFrom('datasets').select('id')
      .where('project_id', '=', fields.project_id).where('id', 'in', options.datasetIds).execute();
    const reportId = id;
    if (own.length > 0) {
      await trx.insertInto('report_datasets').values(own.map((d) => ({ report_id: reportId, dataset_id: d.id })))
        .onConflict((oc) => oc.columns(['report_id', 'dataset_id']).doNothing()).execute();
    }
    // The page of the session the report's data came from is the one to hear of it.
    const covered = await trx.selectFrom('report_datasets as rd').innerJoin('datasets as d', 'd.id', 'rd.dataset_id')
      .select(['d.id', 'd.session_id', 'd.beamline_id']).where('rd.report_id', '=', reportId).orderBy('d.id').execute();
    await recordEvent(trx, created ? 'report.created' : 'report.changed', { projectId: fields.project_id, beamlineId: covered[0]?.beamline_id ?? null }, {
      report_id: reportId, session_id: covered[0]?.session_id ?? null, dataset_ids: covered.map((d) => d.id),
    });
    await logActivity(trx, {
      projectId: fields.project_id, userId: options.userId, address: options.address, action: 'create',
      objectType: 'report', objectId: id, description: options.description,
    });
    return id;
  });
}
