// The tom_education wire shapes (spec §1.1–1.3): key order, epoch-float times, null for an empty
// failure message, "/pipeline/<pk>" view URLs and "/dataproducts/data/group/<pk>/" group URLs.
import type { Db } from '../../platform/db/database.ts';
import { epochSeconds } from '../../platform/time.ts';
import type { ProcessRow } from '../processes.ts';
import { dataUrl } from '../data-products.ts';

export function processSummary(process: ProcessRow) {
  return {
    identifier: process.identifier,
    created: epochSeconds(process.created_at),
    status: process.status,
    terminal_timestamp: process.terminal_at === null ? null : epochSeconds(process.terminal_at),
    failure_message: process.failure_message === '' ? null : process.failure_message,
    view_url: process.is_pipeline ? `/pipeline/${process.id}` : null,
  };
}

export function asyncStatus(processes: ProcessRow[]) {
  return {
    timestamp: Date.now() / 1000,
    processes: processes.map((p) => ({ ...processSummary(p), process_type: p.process_type })),
  };
}

export async function pipelineDetail(db: Db, process: ProcessRow) {
  const group = process.group_id === null ? null
    : await db.selectFrom('data_product_groups').select(['id', 'name']).where('id', '=', process.group_id).executeTakeFirst();
  return {
    ...processSummary(process),
    logs: process.logs,
    group_name: group?.name ?? null,
    group_url: group ? `/dataproducts/data/group/${group.id}/` : null,
  };
}

/** Finished timelapses whose file still exists, newest first (decision T4). */
export async function targetTimelapses(db: Db, targetId: number) {
  const rows = await db.selectFrom('processes')
    .innerJoin('data_product_group_members as m', 'm.group_id', 'processes.group_id')
    .innerJoin('data_products as dp', 'dp.id', 'm.data_product_id')
    .select(['processes.id', 'dp.file_key', 'dp.created_at', 'dp.id as product_id'])
    .select((eb) => eb.selectFrom('process_inputs').select((e) => e.fn.countAll<number>().as('n')).whereRef('process_inputs.process_id', '=', 'processes.id').as('frames'))
    .where('processes.target_id', '=', targetId).where('processes.process_type', '=', 'timelapse').where('processes.status', '=', 'created')
    .where('dp.data_product_type', '=', 'timelapse')
    .orderBy('dp.created_at', 'desc').orderBy('dp.id', 'desc')
    .execute();
  const seen = new Set<number>();
  const timelapses = [];
  for (const row of rows) {
    if (seen.has(row.id)) continue; // one file per timelapse process
    seen.add(row.id);
    const name = row.file_key.slice(row.file_key.lastIndexOf('/') + 1);
    timelapses.push({
      name,
      format: name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '',
      url: dataUrl(row.file_key),
      created: epochSeconds(row.created_at),
      frames: Number(row.frames ?? 0),
    });
  }
  return timelapses;
}
