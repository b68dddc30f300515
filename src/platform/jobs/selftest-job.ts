// A built-in job for checking a deployment's workers end to end (`lightpath jobs selftest`):
// it waits the requested time and reports which process ran it.
import os from 'node:os';
import { sleep } from '../time.ts';
import type { JobDefinition } from './types.ts';

export interface SelftestPayload {
  /** How long the job takes, in milliseconds (at most 10 minutes). */
  sleepMs?: number;
  /** How long the first attempt takes instead (to leave time for killing its worker). */
  firstAttemptSleepMs?: number;
  /** Makes the attempt fail with this message (to check retries). */
  failWith?: string;
}

export const selftestJob: JobDefinition<SelftestPayload> = {
  type: 'selftest',
  retryLimit: 2,
  retryDelaySeconds: 0,
  timeLimitSeconds: 600,
  async run(payload, context) {
    const wanted = context.attempt === 1 && payload.firstAttemptSleepMs !== undefined ? payload.firstAttemptSleepMs : payload.sleepMs ?? 0;
    await sleep(Math.min(Math.max(0, wanted), 600_000), context.signal);
    if (context.signal.aborted) throw new Error('aborted');
    if (payload.failWith) throw new Error(payload.failWith);
    return { host: os.hostname(), pid: process.pid, attempt: context.attempt };
  },
};
