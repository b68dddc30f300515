// The queue job that runs a pipeline process. A run whose worker died (killed, machine lost, shut
// down before the run finished) is started again, up to three attempts in all: the runner saves
// outputs in one transaction at the very end, so a second run never finds half of the first's.
// A run that fails (a PipelineError, a bug) or passes its time limit is not retried: its process
// has already ended failed with the reason.
import type { JobDefinition } from '../../platform/jobs/types.ts';
import { FAILED, finishProcess, getProcess } from '../processes.ts';
import { runPipelineProcess } from './runner.ts';
import type { RunnerDependencies } from './runner.ts';
import { PIPELINE_JOB } from './start.ts';
import type { PipelineJobPayload } from './start.ts';

export function pipelineJob(deps: RunnerDependencies): JobDefinition<PipelineJobPayload> {
  return {
    type: PIPELINE_JOB,
    retryLimit: 2,
    retryDelaySeconds: 5,
    retryOnlyAfterCrash: true,
    timeLimitSeconds: deps.config.tom.pipelineTimeLimitSeconds,
    async run(payload, context) {
      const process = await runPipelineProcess({ ...deps, log: context.log }, payload.processId, {
        settings: payload.settings, signal: context.signal, attempt: context.attempt,
      });
      return process ? { identifier: process.identifier, status: process.status } : null;
    },
    async onGiveUp(payload, message) {
      const process = await getProcess(deps.db, payload.processId);
      if (process) await finishProcess(deps.db, process, { status: FAILED, message: `The pipeline did not finish: ${message}` });
    },
  };
}
