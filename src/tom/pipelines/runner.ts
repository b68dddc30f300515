// Runs a pipeline process (spec §2.3 and §4.2): checks its target, inputs and their suffixes,
// runs the pipeline in a scratch directory, saves its outputs (data products in the group
// "<identifier>_outputs", reduced datums), and ends the process created or failed with a clear
// message. Outputs of a failed run are removed again: nothing half-saved.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createReadStream } from 'node:fs';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { addToGroup, deleteDataProducts, groupByName, saveDataProduct } from '../data-products.ts';
import { appendLog, CREATED, FAILED, finishProcess, getProcess, processInputs, setStatus, TERMINAL } from '../processes.ts';
import type { ProcessRow } from '../processes.ts';
import { PipelineError } from './types.ts';
import type { Pipeline, PipelineInput, PipelineOutput } from './types.ts';

export interface RunnerDependencies {
  db: Db;
  files: FileStore;
  config: Config;
  log: Logger;
  pipelines: Map<string, Pipeline>;
}

export interface RunOptions {
  settings?: Record<string, unknown>;
  signal?: AbortSignal;
  /** Sees every log line as it is written (the command line draws its progress bar from them). */
  onLog?: (message: string) => void;
}

function failureMessage(error: unknown): string {
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
  const created: number[] = [];
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lightpath-pipeline-'));
  try {
    const pipeline = deps.pipelines.get(process.pipeline_name ?? '');
    if (!pipeline) throw new PipelineError(`Unknown pipeline '${process.pipeline_name}'`);
    const target = process.target_id === null ? undefined
      : await db.selectFrom('targets').selectAll().where('id', '=', process.target_id).executeTakeFirst();
    if (!target) throw new PipelineError('Process must have an associated target');
    const inputs = await localInputs(deps, process.id);
    if (inputs.length === 0) throw new PipelineError('No input files to process');
    checkSuffixes(pipeline, inputs);
    const outputs = await pipeline.run({
      identifier: process.identifier, target, inputs, workDir, config: deps.config, logger: deps.log,
      flags: process.flags ? JSON.parse(process.flags) : defaultFlags(pipeline),
      settings: options.settings ?? {},
      signal: options.signal ?? new AbortController().signal,
      log: (message) => {
        options.onLog?.(message);
        return appendLog(db, process, message);
      },
      setStatus: (status) => setStatus(db, process, status),
    });
    const groupId = await saveOutputs(deps, process, target, inputs, outputs, created);
    await finishProcess(db, process, { status: CREATED }, groupId);
  } catch (error) {
    if (!(error instanceof PipelineError)) deps.log.error({ err: error, process: process.identifier }, 'pipeline failed unexpectedly');
    await deleteDataProducts(db, deps.files, created);
    await finishProcess(db, process, { status: FAILED, message: failureMessage(error) });
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
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

async function saveOutputs(
  deps: RunnerDependencies, process: ProcessRow, target: { id: number; identifier: string }, inputs: PipelineInput[], outputs: PipelineOutput[], created: number[],
): Promise<number | null> {
  const { db } = deps;
  for (const output of outputs) {
    if (output.kind === 'data_product') {
      const fileName = output.fileName ?? `${process.identifier}_${path.basename(output.path)}`;
      const product = await saveDataProduct(db, deps.files, {
        targetId: target.id, targetIdentifier: target.identifier, facility: null, fileName, productId: fileName, dataProductType: output.dataProductType,
      }, createReadStream(output.path));
      created.push(product.id);
    } else if (output.kind === 'reduced_datum') {
      const source = inputs.find((input) => input.name === output.inputName);
      await db.insertInto('reduced_datums').values({
        target_id: target.id, data_product_id: source?.id ?? null, data_type: output.dataType, source_name: output.sourceName,
        source_location: '', timestamp: new Date(output.timestamp).toISOString(), value: JSON.stringify(output.value),
      }).execute();
    } else {
      throw new PipelineError(`Invalid output type '${(output as { kind: string }).kind}'`);
    }
  }
  if (created.length === 0) return null;
  const groupId = (await groupByName(db, `${process.identifier}_outputs`, true))!;
  await addToGroup(db, groupId, created);
  return groupId;
}
