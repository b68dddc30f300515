// Runs one claimed job: renews its lease while it runs, enforces its time limit, and records the
// outcome. Every attempt ends succeeded, queued for retry, or failed with a message.
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { JobRegistry } from './registry.ts';
import { markAttemptFailed, markSucceeded, renewLease } from './job-rows.ts';
import type { JobRow } from './job-rows.ts';
import { JobInterrupted } from './types.ts';
import { jobAttempts, jobDuration } from '../metrics/process-metrics.ts';

export type AttemptOutcome = { state: 'succeeded' } | { state: 'queued' | 'failed' | 'lost'; error: string };

class TimeLimitExceeded extends Error {}

export class JobExecutor {
  private readonly running = new Map<number, { row: JobRow; controller: AbortController }>();

  constructor(
    private readonly db: Db,
    private readonly registry: JobRegistry,
    private readonly log: Logger,
    readonly workerId: string,
    private readonly leaseSeconds: number,
  ) {}

  get busy(): number {
    return this.running.size;
  }

  async execute(row: JobRow): Promise<AttemptOutcome> {
    const started = performance.now();
    const outcome = await this.attempt(row);
    jobAttempts.inc({ type: row.type, outcome: outcome.state });
    jobDuration.observe({ type: row.type }, (performance.now() - started) / 1000);
    return outcome;
  }

  private async attempt(row: JobRow): Promise<AttemptOutcome> {
    const definition = this.registry.get(row.type);
    const controller = new AbortController();
    this.running.set(row.id, { row, controller });
    const log = this.log.child({ job: row.id, type: row.type, attempt: row.attempts });
    const heartbeat = setInterval(() => {
      renewLease(this.db, row, this.leaseSeconds).catch((error) => log.warn({ err: error }, 'could not renew job lease'));
    }, Math.max(200, (this.leaseSeconds * 1000) / 3));
    let timer: NodeJS.Timeout | undefined;
    const timeLimit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeLimitExceeded(`timed out after ${definition.timeLimitSeconds} s`)), definition.timeLimitSeconds * 1000);
    });
    try {
      log.info('job started');
      const result = await Promise.race([
        definition.run(JSON.parse(row.payload), { jobId: row.id, attempt: row.attempts, signal: controller.signal, log }),
        timeLimit,
      ]);
      if (await markSucceeded(this.db, row, result)) {
        log.info('job succeeded');
        return { state: 'succeeded' };
      }
      log.warn('job finished after another worker had taken it over; result dropped');
      return { state: 'lost', error: 'taken over by another worker' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The reason tells a run still going (past its time limit) why it must stop.
      controller.abort(error);
      const lost = controller.signal.reason instanceof JobInterrupted; // shutdown got here first
      const state = await markAttemptFailed(this.db, row, definition, message, lost || !definition.retryOnlyAfterCrash);
      log.warn({ err: error, next: state }, 'job attempt failed');
      if (state === 'failed') await this.giveUp(row, message);
      return { state: state ?? 'lost', error: message };
    } finally {
      clearInterval(heartbeat);
      clearTimeout(timer);
      this.running.delete(row.id);
    }
  }

  /** Lets the job's owner record the failure (e.g. a pipeline process marked failed). */
  private async giveUp(row: JobRow, message: string): Promise<void> {
    try {
      await this.registry.get(row.type).onGiveUp?.(JSON.parse(row.payload), message);
    } catch (error) {
      this.log.error({ err: error, job: row.id }, 'recording a failed job failed');
    }
  }

  /**
   * Shutdown's grace period ran out: ask every running job to stop and record the attempt as failed
   * now, so it is retried elsewhere at once instead of waiting for its lease to expire.
   */
  async interruptAll(message: string): Promise<JobRow[]> {
    const interrupted: JobRow[] = [];
    for (const { row, controller } of this.running.values()) {
      controller.abort(new JobInterrupted(message));
      const state = await markAttemptFailed(this.db, row, this.registry.get(row.type), message);
      if (state) interrupted.push(row);
      if (state === 'failed') await this.giveUp(row, message);
    }
    return interrupted;
  }

  /** Running jobs whose worker stopped renewing the lease: the attempt counts as failed. */
  async reclaimExpired(rows: JobRow[]): Promise<Array<{ row: JobRow; state: 'queued' | 'failed' }>> {
    const reclaimed: Array<{ row: JobRow; state: 'queued' | 'failed' }> = [];
    for (const row of rows) {
      const message = `worker ${row.locked_by} stopped responding (lease expired)`;
      const state = await markAttemptFailed(this.db, row, this.registry.get(row.type), message);
      if (state) reclaimed.push({ row, state });
      if (state === 'failed') await this.giveUp(row, message);
    }
    return reclaimed;
  }
}
