// Starting a pipeline run: the process record, its inputs and its job are created together, so a
// run is either queued whole or not at all.
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/types.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { createProcess, identifierTime } from '../processes.ts';
import type { ProcessRow } from '../processes.ts';
import type { TargetRow } from '../targets.ts';
import type { Pipeline } from './types.ts';
import { defaultFlags } from './runner.ts';

export const PIPELINE_JOB = 'pipeline';

export interface PipelineJobPayload {
  processId: number;
  settings?: Record<string, unknown>;
}

export interface StartRequest {
  pipeline: Pipeline;
  target: TargetRow;
  productIds: number[];
  /** Flags given by the caller; unknown names are refused, missing ones take their defaults. */
  flags?: Record<string, boolean>;
  settings?: Record<string, unknown>;
}

export function resolveFlags(pipeline: Pipeline, given: Record<string, boolean> = {}): Record<string, boolean> {
  const unknown = Object.keys(given).filter((name) => !(name in pipeline.flags));
  if (unknown.length > 0) {
    throw badRequest(`Unknown flag${unknown.length > 1 ? 's' : ''} for ${pipeline.name}: ${unknown.join(', ')} (known: ${Object.keys(pipeline.flags).join(', ') || 'none'})`, { flags: ['unknown flag'] });
  }
  return { ...defaultFlags(pipeline), ...given };
}

/** Makes the process (inputs in the given order) without queueing it. */
export async function createPipelineProcess(db: Db, config: Config, request: StartRequest): Promise<ProcessRow> {
  const flags = resolveFlags(request.pipeline, request.flags);
  return createProcess(db, {
    stem: `${request.pipeline.shortName}_${request.target.identifier}_${identifierTime()}`,
    suffix: request.pipeline.identifierSuffix?.(request.settings ?? {}, config) ?? '',
    processType: request.pipeline.processType,
    isPipeline: true,
    pipelineName: request.pipeline.name,
    targetId: request.target.id,
    flags: Object.keys(flags).length > 0 ? flags : null,
    inputIds: request.productIds,
  });
}

/** Creates the process and queues its job in one transaction. */
export async function startPipeline(db: Db, config: Config, jobs: JobQueue, request: StartRequest): Promise<ProcessRow> {
  return db.transaction().execute(async (trx) => {
    const process = await createPipelineProcess(trx, config, request);
    const jobId = await jobs.enqueue(PIPELINE_JOB, { processId: process.id, settings: request.settings } satisfies PipelineJobPayload, { db: trx });
    await trx.updateTable('processes').set({ job_id: jobId }).where('id', '=', process.id).execute();
    return { ...process, job_id: jobId };
  });
}
