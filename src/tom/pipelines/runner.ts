// Runs a pipeline process (spec §2.3 and §4.2): checks its target, inputs and their suffixes,
// runs the pipeline in a scratch directory, saves its outputs (data products in the group
// "<identifier>_outputs", reduced datums) and ends the process created, all in one transaction,
// or ends it failed with a clear message. So nothing is ever half-saved, and a run started
// again after its worker died saves its outputs once.
import path from 'node:path';
import { createReadStream } from 'node:fs';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { makeScratchDir, removeScratchDir } from '../../platform/storage/scratch.ts';
import { JobInterrupted } from '../../platform/jobs/types.ts';
import { addToGroup, groupByName, saveDataProduct } from '../data-products.ts';
import { appendLog, CREATED, FAILED, finishProcess, getProcess, PENDING, processInputs, setStatus, TERMINAL } from '../processes.ts';
import type { ProcessRow } from '../processes.ts';
import { processChanged } from '../process-events.ts';
import { PipelineError } from './types.ts';
import type { Enqueue } from '../thumbnails/request.ts';
import type { Pipeline, PipelineInput, PipelineOutput } from './types.ts';

export interface RunnerDependencies {
  db: Db;
  files: FileStore;
  config: Config;
  log: Logger;
  /** Queues the thumbnails of FITS outputs. */
  enqueue: Enqueue;
  pipelines: Map<string, Pipeline>;
}

export interface RunOptions {
  settings?: Record<string, unknown>;
  /** Aborting stops the run; the process ends failed with the reason (unless the job was interrupted to be retried). */
  signal?: AbortSignal;
  /** Sees every log line as it is written (the command line draws its progress bar from them). */
  onLog?: (message: string) => void;
  /** The job attempt (1 = first); a later one starts the process over and says so in its log. */
  attempt?: number;
}

function failureMessage(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    return `The pipeline did not finish: ${reason instanceof Error ? reason.message : String(reason)}`;
  }
  if (error instanceof PipelineError) return error.message;
  return `An unexpected error occurred ${error instanceof Error ? error.message : String(error)}`.trim();
}

export async function runPipelineProcess(deps: RunnerDependencies, processId: number, options: RunOptions = {}): Promise<ProcessRow | null> {
  const { db } = deps;
  const process = await getProcess(db, processId);
  if (!process) {
    deps.log.warn({ process: processId }, 'pipeline process no longer exists');
    return null;
  }
  if (TERMINAL.has(process.status)) return process;
  const signal = options.signal ?? new AbortController().signal;
  const log = (message: string) => {
    options.onLog?.(message);
    return appendLog(db, process, message);
  };
  if ((options.attempt ?? 1) > 1) {
    await setStatus(db, process, PENDING);
    await log(`Started again (attempt ${options.attempt}): the previous run stopped before it finished`);
  }
  const workDir = await makeScratchDir('pipeline');
  try {
    const pipeline = deps.pipelines.get(process.pipeline_name ?? '');
    if (!pipeline) throw new PipelineError(`Unknown pipeline '${process.pipeline_name}'`);
    const target = process.target_id === null ? undefined
      : await db.selectFrom('targets').selectAll().where('id', '=', process.target_id).executeTakeFirst();
    if (!target) throw new PipelineError('Process must have an associated target');
    const inputs = await localInputs(deps, process.id);
    if (inputs.length === 0) throw new PipelineError('No input files to process');
    checkSuffixes(pipeline, inputs);
    signal.throwIfAborted();
    const outputs = await pipeline.run({
      identifier: process.identifier, target, inputs, workDir, config: deps.config, logger: deps.log,
      flags: process.flags ? JSON.parse(process.flags) : defaultFlags(pipeline),
      settings: options.settings ?? {},
      signal,
      log,
      setStatus: (status) => setStatus(db, process, status),
    });
    signal.throwIfAborted();
    await saveOutputsAndFinish(deps, process, target, inputs, outputs);
  } catch (error) {
    // Interrupted by a shutdown: the job runs again, so the process is left to that run.
    if (signal.reason instanceof JobInterrupted) throw error;
    if (!(error instanceof PipelineError) && !signal.aborted) deps.log.error({ err: error, process: process.identifier }, 'pipeline failed unexpectedly');
    await finishProcess(db, process, { status: FAILED, message: failureMessage(error, signal) });
  } finally {
    await removeScratchDir(workDir);
  }
  return getProcess(db, process.id);
}

export function defaultFlags(pipeline: Pipeline): Record<string, boolean> {
  return Object.fromEntries(Object.entries(pipeline.flags).map(([name, flag]) => [name, flag.default]));
}

async function localInputs(deps: RunnerDependencies, processId: number): Promise<PipelineInput[]> {
  const rows = await processInputs(deps.db, processId);
  const inputs: PipelineInput[] = [];
  for (const row of rows) {
    const local = await deps.files.localPath(row.file_key);
    if (!local) throw new PipelineError(`File of data product '${row.product_id}' is not available`);
    inputs.push({ id: row.id, name: path.basename(row.file_key), path: local, dataProductType: row.data_product_type, extraData: JSON.parse(row.extra_data) });
  }
  return inputs;
}

function checkSuffixes(pipeline: Pipeline, inputs: PipelineInput[]): void {
  const allowed = pipeline.allowedSuffixes;
  if (!allowed) return;
  for (const input of inputs) {
    if (!allowed.some((suffix) => input.name.endsWith(suffix))) {
      throw new PipelineError(`Error running pipeline File '${input.name}' does not end an allowed filename suffix (${allowed.join(', ')})`);
    }
  }
}

/**
 * Saves every output and ends the process created in one transaction: a run that dies on the way
 * leaves no rows, and its files (named after the process) are replaced by the next run's. A
 * measurement replaces the datums of the same type an earlier run took from the same input, so
 * measuring a frame again never repeats it.
 */
async function saveOutputsAndFinish(
  deps: RunnerDependencies, process: ProcessRow, target: { id: number; identifier: string }, inputs: PipelineInput[], outputs: PipelineOutput[],
): Promise<void> {
  const written: string[] = [];
  try {
    await deps.db.transaction().execute(async (trx) => {
      const created: number[] = [];
      const remeasured = new Set<string>();
      for (const output of outputs) {
        if (output.kind === 'data_product') {
          const fileName = output.fileName ?? `${process.identifier}_${path.basename(output.path)}`;
          const product = await saveDataProduct(trx, deps.files, {
            targetId: target.id, targetIdentifier: target.identifier, facility: null, fileName, productId: fileName, dataProductType: output.dataProductType,
            enqueue: deps.enqueue,
          }, createReadStream(output.path));
          written.push(product.file_key);
          created.push(product.id);
        } else if (output.kind === 'reduced_datum') {
          const source = inputs.find((input) => input.name === output.inputName);
          if (source && !remeasured.has(`${source.id} ${output.dataType}`)) {
            remeasured.add(`${source.id} ${output.dataType}`);
            await trx.deleteFrom('reduced_datums').where('data_product_id', '=', source.id).where('data_type', '=', output.dataType).execute();
          }
          await trx.insertInto('reduced_datums').values({
            target_id: target.id, data_product_id: source?.id ?? null, data_type: output.dataType, source_name: output.sourceName,
            source_location: '', timestamp: new Date(output.timestamp).toISOString(), value: JSON.stringify(output.value),
          }).execute();
        } else {
          throw new PipelineError(`Invalid output type '${(output as { kind: string }).kind}'`);
        }
      }
      let groupId: number | null = null;
      if (created.length > 0) {
        groupId = (await groupByName(trx, `${process.identifier}_outputs`, true))!;
        await addToGroup(trx, groupId, created);
      }
      if (!(await finishProcess(trx, process, { status: CREATED }, groupId))) {
        throw new PipelineError('The process ended while its outputs were being saved');
      }
    });
  } catch (error) {
    for (const key of written) await deps.files.delete(key).catch(() => false);
    throw error;
  }
  processChanged(process.target_id); // again, now that the outcome is committed
}
