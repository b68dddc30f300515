// How a pipeline or async process looks in the REST API: its summary in lists, and in full with
// its log, input files and output group.
import { Type } from '@sinclair/typebox';
import type { Db } from '../../platform/db/database.ts';
import { processInputs } from '../processes.ts';
import type { ProcessRow } from '../processes.ts';
import { Nullable, Timestamp } from './common.ts';
import { DataProductOut, productsOut } from './product-out.ts';

export const ProcessOut = Type.Object({
  id: Type.Integer(),
  identifier: Type.String(),
  process_type: Type.String({ description: '"timelapse", or the pipeline\'s name.' }),
  pipeline_name: Nullable(Type.String()),
  target_id: Nullable(Type.Integer()),
  status: Type.String({ description: 'pending, created (finished), failed, or a status text the pipeline set meanwhile.' }),
  failure_message: Nullable(Type.String()),
  flags: Nullable(Type.Record(Type.String(), Type.Boolean())),
  created_at: Timestamp,
  terminal_at: Nullable(Timestamp),
  view_url: Nullable(Type.String({ description: 'The process page (pipelines only).' })),
});

export const ProcessDetailOut = Type.Composite([ProcessOut, Type.Object({
  logs: Type.String(),
  inputs: Type.Array(DataProductOut),
  output_group: Nullable(Type.Object({ id: Type.Integer(), name: Type.String(), products: Type.Array(DataProductOut) })),
})]);

export function processOut(row: ProcessRow) {
  return {
    id: row.id, identifier: row.identifier, process_type: row.process_type, pipeline_name: row.pipeline_name, target_id: row.target_id,
    status: row.status, failure_message: row.failure_message === '' ? null : row.failure_message,
    flags: row.flags === null ? null : JSON.parse(row.flags) as Record<string, boolean>,
    created_at: row.created_at, terminal_at: row.terminal_at, view_url: row.is_pipeline ? `/pipeline/${row.id}` : null,
  };
}

export async function processDetailOut(db: Db, row: ProcessRow) {
  const group = row.group_id === null ? null
    : await db.selectFrom('data_product_groups').select(['id', 'name']).where('id', '=', row.group_id).executeTakeFirst();
  // Outputs are the target's own files; the group may also hold others added later by hand, left out here.
  const outputs = group && row.target_id !== null
    ? await db.selectFrom('data_product_group_members as m').innerJoin('data_products', 'data_products.id', 'm.data_product_id')
      .selectAll('data_products').where('m.group_id', '=', group.id).where('data_products.target_id', '=', row.target_id)
      .orderBy('data_products.id').execute()
    : [];
  return {
    ...processOut(row),
    logs: row.logs,
    inputs: await productsOut(db, await processInputs(db, row.id)),
    output_group: group ? { id: group.id, name: group.name, products: await productsOut(db, outputs) } : null,
  };
}
