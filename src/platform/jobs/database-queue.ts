// The embedded queue: jobs live in the `jobs` table and run inside this process.
// Queued jobs survive a restart; a job left running by a process that died is retried once its
// lease expires.
import os from 'node:os';
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { JobRegistry } from './registry.ts';
import { JobExecutor } from './executor.ts';
import { claimNextDue, findExpiredLeases, findJob, insertJob } from './job-rows.ts';
import type { EnqueueOptions, JobQueue, JobRecord } from './types.ts';
import { sleep } from '../time.ts';

export interface PollingOptions {
  concurrency: number;
  leaseSeconds: number;
  pollMilliseconds: number;
}

export class DatabaseQueue implements JobQueue {
  readonly backend = 'database' as const;
  private executor: JobExecutor | null = null;
  private loop: Promise<void> | null = null;
  private readonly stopping = new AbortController();
  private wake: (() => void) | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly registry: JobRegistry,
    private readonly log: Logger,
    private readonly options: PollingOptions,
  ) {}

  async enqueue(type: string, payload: unknown, options: EnqueueOptions = {}): Promise<number> {
    const id = await insertJob(options.db ?? this.db, this.registry.get(type), payload, options.startAfterSeconds);
    this.wake?.();
    return id;
  }

  get(id: number): Promise<JobRecord | null> {
    return findJob(this.db, id);
  }

  async startWorking(): Promise<void> {
    if (this.loop) return;
    const workerId = `${os.hostname()}:${process.pid}`;
    this.executor = new JobExecutor(this.db, this.registry, this.log, workerId, this.options.leaseSeconds);
    this.loop = this.run(this.executor);
  }

  private async run(executor: JobExecutor): Promise<void> {
    const types = this.registry.types();
    let lastSweep = 0;
    while (!this.stopping.signal.aborted) {
      try {
        if (Date.now() - lastSweep >= this.options.leaseSeconds * 1000 / 2) {
          lastSweep = Date.now();
          await executor.reclaimExpired(await findExpiredLeases(this.db, types));
        }
        while (executor.busy < this.options.concurrency && !this.stopping.signal.aborted) {
          const row = await claimNextDue(this.db, types, executor.workerId, this.options.leaseSeconds);
          if (!row) break;
          const running = executor.execute(row).finally(() => {
            this.inFlight.delete(running);
            this.wake?.();
          });
          this.inFlight.add(running);
        }
      } catch (error) {
        this.log.error({ err: error }, 'job polling failed; trying again');
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        sleep(this.options.pollMilliseconds, this.stopping.signal).then(resolve);
      });
      this.wake = null;
    }
  }

  async stop(graceSeconds = 30): Promise<void> {
    this.stopping.abort();
    this.wake?.();
    await this.loop;
    if (this.inFlight.size === 0) return;
    const graceEnded = new AbortController();
    const graceOver = sleep(graceSeconds * 1000, graceEnded.signal).then(() => 'timeout' as const);
    const outcome = await Promise.race([Promise.allSettled([...this.inFlight]).then(() => 'done' as const), graceOver]);
    graceEnded.abort();
    if (outcome === 'timeout') await this.executor?.interruptAll('interrupted: the worker shut down before the job finished');
  }
}
