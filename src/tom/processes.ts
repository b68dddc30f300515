// Asynchronous processes (spec §2): a pipeline or timelapse run for a target, with status text,
// logs, the moment it finished, a failure message, its input files and its output group.
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { isoNow } from '../platform/time.ts';
import type { ProcessesTable } from './tables.ts';
import { processChanged } from './process-events.ts';
import { recordProcessChange } from './events-feed.ts';

export type ProcessRow = Selectable<ProcessesTable>;

export const PENDING = 'pending';
export const CREATED = 'created';
export const FAILED = 'failed';
export const TERMINAL = new Set([CREATED, FAILED]);

/** "2019-08-02-100944" in UTC (decision T1). */
export function identifierTime(at: Date = new Date()): string {
  return at.toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '');
}

export interface NewProcess {
  /** The identifier before uniqueness: e.g. "timelapse_m13_2019-08-02-100944" and suffix ".webm". */
  stem: string;
  suffix?: string;
  processType: string;
  isPipeline: boolean;
  pipelineName: string | null;
  targetId: number | null;
  flags: Record<string, boolean> | null;
  inputIds: number[];
}

/**
 * Creates the process with its inputs; two in the same second get "-2", "-3"… (decision T1).
 * Call it inside a transaction so the process and its inputs appear together.
 */
export async function createProcess(trx: Db, input: NewProcess): Promise<ProcessRow> {
  const row = await (async () => {
    for (let attempt = 1; ; attempt++) {
      const identifier = `${input.stem}${attempt === 1 ? '' : `-${attempt}`}${input.suffix ?? ''}`;
      const inserted = await trx.insertInto('processes').values({
        identifier, process_type: input.processType, is_pipeline: input.isPipeline, pipeline_name: input.pipelineName,
        target_id: input.targetId, status: PENDING, failure_message: '', logs: '', flags: input.flags ? JSON.stringify(input.flags) : null,
        group_id: null, job_id: null, created_at: isoNow(), terminal_at: null,
      }).onConflict((oc) => oc.column('identifier').doNothing()).returningAll().executeTakeFirst();
      if (!inserted) continue;
      if (input.inputIds.length > 0) {
        await trx.insertInto('process_inputs').values(input.inputIds.map((id, position) => ({ process_id: inserted.id, data_product_id: id, position }))).execute();
      }
      return inserted;
    }
  })();
  await recordProcessChange(trx, row);
  processChanged(row.target_id);
  return row;
}

export async function getProcess(db: Db, id: number): Promise<ProcessRow | null> {
  return (await db.selectFrom('processes').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function appendLog(db: Db, process: ProcessRow, line: string): Promise<void> {
  // Concatenation in SQL, so lines from concurrent writers are never lost.
  await db.updateTable('processes').set({ logs: sql<string>`logs || ${`${line}\n`}` }).where('id', '=', process.id).execute();
  await recordProcessChange(db, process);
  processChanged(process.target_id);
}

export async function setStatus(db: Db, process: ProcessRow, status: string): Promise<void> {
  await db.updateTable('processes').set({ status }).where('id', '=', process.id).execute();
  await recordProcessChange(db, process);
  processChanged(process.target_id);
}

/**
 * Ends the process as created or failed, once: a process that has already ended keeps its outcome
 * and terminal time (decision T6), so a run stopped at its time limit cannot later turn into a
 * success. Returns whether this call ended it.
 */
export async function finishProcess(db: Db, process: ProcessRow, outcome: { status: typeof CREATED } | { status: typeof FAILED; message: string }, groupId: number | null = null): Promise<boolean> {
  const updated = await db.updateTable('processes')
    .set({
      status: outcome.status,
      failure_message: outcome.status === FAILED ? outcome.message : '',
      group_id: groupId,
      terminal_at: isoNow(),
    })
    .where('id', '=', process.id).where('terminal_at', 'is', null).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 1) await recordProcessChange(db, process);
  processChanged(process.target_id);
  return Number(updated.numUpdatedRows) === 1;
}

export async function processesOfTarget(db: Db, targetId: number): Promise<ProcessRow[]> {
  return db.selectFrom('processes').selectAll().where('target_id', '=', targetId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function processInputs(db: Db, processId: number) {
  return db.selectFrom('process_inputs').innerJoin('data_products', 'data_products.id', 'process_inputs.data_product_id')
    .selectAll('data_products').where('process_inputs.process_id', '=', processId).orderBy('process_inputs.position').execute();
}
