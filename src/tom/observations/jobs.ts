// Queue jobs of the observation side: following observations (states, frames, alerts) and
// sending the email outbox. A scheduler enqueues them at intervals (scheduler.ts).
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import type { JobDefinition } from '../../platform/jobs/types.ts';
import { sendOutbox } from '../../platform/mail.ts';
import type { Facility } from './facility.ts';
import { followObservations } from './follow.ts';
import { processAlerts } from './alerts.ts';
import type { Enqueue } from '../thumbnails/request.ts';

export const FOLLOW_JOB = 'observations-follow';
export const OUTBOX_JOB = 'email-outbox';

export interface ObservationJobDependencies {
  db: Db;
  files: FileStore;
  config: Config;
  log: Logger;
  facilities: Map<string, Facility>;
  enqueue: Enqueue;
}

export function followJob(deps: ObservationJobDependencies): JobDefinition<Record<string, never>> {
  return {
    type: FOLLOW_JOB,
    retryLimit: 0,
    retryDelaySeconds: 0,
    timeLimitSeconds: 3600,
    async run(_payload, context) {
      const follow = await followObservations({ ...deps, log: context.log });
      const alerts = await processAlerts({ ...deps, log: context.log });
      return { follow, alerts };
    },
  };
}

export function outboxJob(deps: ObservationJobDependencies): JobDefinition<Record<string, never>> {
  return {
    type: OUTBOX_JOB,
    retryLimit: 3,
    retryDelaySeconds: 30,
    timeLimitSeconds: 600,
    run: (_payload, context) => sendOutbox(deps.db, deps.config, context.log),
  };
}
