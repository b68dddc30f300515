// The queue job that runs a pipeline process. It is not retried (a pipeline may have written
// outputs); a run that times out or whose worker dies ends its process failed with the reason.
import type { JobDefinition } from '../../platform/jobs/types.ts';
import { FAILED, finishProcess, getProcess, TERMINAL } from '../processes.ts';
import { runPipelineProcess } from './runner.ts';
import type { RunnerDependencies } from './runner.ts';
import { PIPELINE_JOB } from './start.ts';
import type { PipelineJobPayload } from './start.ts';

export function pipelineJob(deps: RunnerDependencies): JobDefinition<PipelineJobPayload> {
  return {
    type: PIPELINE_JOB,
    retryLimit: 0,
    retryDelaySeconds: 0,
    timeLimitSeconds: 3600,
    async run(payload, context) {
      const process = await runPipelineProcess({ ...deps, log: context.log }, payload.processId, { settings: payload.settings, signal: context.signal });
      return process ? { identifier: process.identifier, status: process.status } : null;
    },
    async onGiveUp(payload, message) {
      const process = await getProcess(deps.db, payload.processId);
      if (process && !TERMINAL.has(process.status)) {
        await finishProcess(deps.db, process, { status: FAILED, message: `The pipeline did not finish: ${message}` });
      }
    },
  };
}
