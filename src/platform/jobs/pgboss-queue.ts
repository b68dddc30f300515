// The scale-out queue: pg-boss on PostgreSQL delivers jobs to any number of `lightpath worker`
// processes; the `jobs` table stays the record of each job's state. A worker that dies stops
// renewing its lease; any live process then fails that attempt in pg-boss, which retries it.
import os from 'node:os';
import PgBoss from 'pg-boss';
import { CompiledQuery } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { JobRegistry } from './registry.ts';
import { JobExecutor } from './executor.ts';
import { claimJob, findExpiredLeases, findJob, insertJob } from './job-rows.ts';
import type { EnqueueOptions, JobQueue, JobRecord } from './types.ts';
import type { PollingOptions } from './database-queue.ts';

interface Delivery {
  jobId: number;
}

/** Lets pg-boss run its SQL on a Kysely connection or transaction. */
function asBossDb(db: Db): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as any[] };
    },
  };
}

export class PgBossQueue implements JobQueue {
  readonly backend = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private readonly executor: JobExecutor;
  private sweeper: NodeJS.Timeout | null = null;
  private started = false;
  private working = false;

  constructor(
    private readonly db: Db,
    private readonly registry: JobRegistry,
    private readonly log: Logger,
    private readonly options: PollingOptions,
    connectionString: string,
  ) {
    this.boss = new PgBoss({ connectionString, max: 4, maintenanceIntervalSeconds: 30, application_name: 'lightpath-jobs' });
    this.boss.on('error', (error) => log.error({ err: error }, 'pg-boss error'));
    this.executor = new JobExecutor(db, registry, log, `${os.hostname()}:${process.pid}`, options.leaseSeconds);
  }

  /** Connects to pg-boss and makes sure every job type has its queue; needed before enqueueing. */
  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    for (const type of this.registry.types()) await this.boss.createQueue(type);
    this.started = true;
    // Every process watches for abandoned jobs: one live process is enough to recover them.
    this.sweeper = setInterval(() => this.sweep().catch((error) => this.log.error({ err: error }, 'job sweep failed')),
      Math.max(500, (this.options.leaseSeconds * 1000) / 2));
  }

  async enqueue(type: string, payload: unknown, options: EnqueueOptions = {}): Promise<number> {
    const definition = this.registry.get(type);
    const send = async (db: Db): Promise<number> => {
      const jobId = await insertJob(db, definition, payload, options.startAfterSeconds);
      await this.deliver(db, type, jobId, options.startAfterSeconds ?? 0);
      return jobId;
    };
    // Inside the caller's transaction when given one, else our own: the row and the delivery commit together.
    return options.db ? send(options.db) : this.db.transaction().execute(send);
  }

  /** Hands a job row to pg-boss and remembers pg-boss's id for it. */
  private async deliver(db: Db, type: string, jobId: number, startAfterSeconds: number, previousExternalId: string | null = null): Promise<void> {
    const definition = this.registry.get(type);
    const externalId = await this.boss.send(type, { jobId } satisfies Delivery, {
      retryLimit: definition.retryLimit,
      retryDelay: definition.retryDelaySeconds,
      retryBackoff: definition.retryDelaySeconds > 0,
      // pg-boss's own expiry is only a backstop; leases and time limits act sooner.
      expireInSeconds: definition.timeLimitSeconds + this.options.leaseSeconds * 2,
      startAfter: startAfterSeconds,
      db: asBossDb(db),
    });
    let update = db.updateTable('jobs').set({ external_id: externalId }).where('id', '=', jobId);
    update = previousExternalId === null ? update : update.where('external_id', '=', previousExternalId);
    await update.execute();
  }

  get(id: number): Promise<JobRecord | null> {
    return findJob(this.db, id);
  }

  async startWorking(): Promise<void> {
    if (this.working) return;
    await this.start();
    this.working = true;
    const pollingIntervalSeconds = Math.max(0.5, this.options.pollMilliseconds / 1000);
    for (const type of this.registry.types()) {
      for (let slot = 0; slot < this.options.concurrency; slot++) {
        await this.boss.work<Delivery>(type, { batchSize: 1, pollingIntervalSeconds }, async ([delivery]) => this.receive(delivery.data));
      }
    }
  }

  private async receive({ jobId }: Delivery): Promise<void> {
    const row = await claimJob(this.db, jobId, this.executor.workerId, this.options.leaseSeconds);
    // Not queued: finished, failed for good, or running elsewhere. If that run ends in a retry,
    // redeliverStranded() sends the job again, so dropping this delivery loses nothing.
    if (!row) return;
    const outcome = await this.executor.execute(row);
    // Throwing tells pg-boss the attempt failed, so its retry count moves with ours.
    if (outcome.state === 'queued' || outcome.state === 'failed') throw new Error(outcome.error);
  }

  private async sweep(): Promise<void> {
    await this.reclaimAbandoned();
    await this.redeliverStranded();
  }

  /**
   * Queued rows that pg-boss no longer holds a live delivery for (it completed a delivery that
   * could not claim the row, or its record was archived) are sent again: the jobs table, not
   * pg-boss, decides what still has to run.
   */
  private async redeliverStranded(): Promise<void> {
    const overdue = new Date(Date.now() - this.options.leaseSeconds * 1000).toISOString();
    const rows = await this.db.selectFrom('jobs').select(['id', 'type', 'external_id'])
      .where('state', '=', 'queued').where('run_after', '<', overdue).where('type', 'in', this.registry.types())
      .limit(100).execute();
    for (const row of rows) {
      const delivery = row.external_id ? await this.boss.getJobById(row.type, row.external_id) : null;
      if (delivery && !['completed', 'failed', 'cancelled'].includes(delivery.state)) continue;
      this.log.info({ job: row.id }, 'redelivering a queued job pg-boss no longer holds');
      await this.deliver(this.db, row.type, row.id, 0, row.external_id);
    }
  }

  private async reclaimAbandoned(): Promise<void> {
    const reclaimed = await this.executor.reclaimExpired(await findExpiredLeases(this.db, this.registry.types()));
    for (const { row } of reclaimed) {
      this.log.warn({ job: row.id, worker: row.locked_by }, 'job abandoned by its worker; failing the attempt');
      if (row.external_id) await this.boss.fail(row.type, row.external_id, { message: 'worker stopped responding' });
    }
  }

  async stop(graceSeconds = 30): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    if (!this.started) return;
    if (this.working) {
      for (const type of this.registry.types()) await this.boss.offWork(type);
      const deadline = Date.now() + graceSeconds * 1000;
      while (this.executor.busy > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (this.executor.busy > 0) {
        const interrupted = await this.executor.interruptAll('interrupted: the worker shut down before the job finished');
        for (const row of interrupted) if (row.external_id) await this.boss.fail(row.type, row.external_id, { message: 'worker shut down' });
      }
    }
    await this.boss.stop({ graceful: false, wait: true, close: true });
    this.started = false;
  }
}
