// Metrics read from the database at each scrape: the record of every job (whichever process runs
// it), the email outbox, and the database itself. Every Lightpath process sharing the database
// reports the same numbers for the jobs and the outbox.
import fsp from 'node:fs/promises';
import { Gauge, Registry } from 'prom-client';
import type { Config } from '../../config.ts';
import type { DatabaseHandle, Db } from '../db/database.ts';
import { waitingJobs } from '../jobs/backlog.ts';

export function databaseMetrics(db: Db, config: Pick<Config, 'database'>, pool: DatabaseHandle['pool']): Registry {
  const registry = new Registry();
  const registers = [registry];

  new Gauge({
    name: 'lightpath_jobs', help: 'Jobs in the database, by type and state (queued, running, succeeded, failed)',
    labelNames: ['type', 'state'] as const, registers,
    async collect() {
      const rows = await db.selectFrom('jobs').select((eb) => ['type', 'state', eb.fn.countAll<number>().as('count')])
        .groupBy(['type', 'state']).execute();
      this.reset();
      for (const row of rows) this.set({ type: row.type, state: row.state }, Number(row.count));
    },
  });

  new Gauge({
    name: 'lightpath_job_queue_depth', help: 'Jobs that are due and waiting for a worker, by type',
    labelNames: ['type'] as const, registers,
    async collect() {
      this.reset();
      for (const waiting of await waitingJobs(db)) this.set({ type: waiting.type }, waiting.count);
    },
  });

  new Gauge({
    name: 'lightpath_job_queue_oldest_seconds', help: 'How long the longest-waiting due job of each type has waited, in seconds',
    labelNames: ['type'] as const, registers,
    async collect() {
      this.reset();
      for (const waiting of await waitingJobs(db)) this.set({ type: waiting.type }, waiting.oldestSeconds);
    },
  });

  new Gauge({
    name: 'lightpath_email_outbox', help: 'Emails in the outbox, by state (queued, sent, failed for good)',
    labelNames: ['state'] as const, registers,
    async collect() {
      const rows = await db.selectFrom('email_outbox').select((eb) => ['state', eb.fn.countAll<number>().as('count')]).groupBy('state').execute();
      this.reset();
      for (const row of rows) this.set({ state: row.state }, Number(row.count));
    },
  });

  if (pool) {
    new Gauge({
      name: 'lightpath_db_pool_connections', help: "This process's PostgreSQL connections: open (total), idle, and queries waiting for one (waiting), and the pool's limit (max)",
      labelNames: ['state'] as const, registers,
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
        this.set({ state: 'max' }, pool.options.max ?? 10);
      },
    });
  }
  if (config.database.kind === 'sqlite') {
    // One connection, used in turn: there is no pool to watch. The write-ahead log growing
    // without bound means long readers keep it from being checkpointed.
    const file = config.database.sqliteFile;
    new Gauge({
      name: 'lightpath_sqlite_file_bytes', help: 'Size of the SQLite database file and of its write-ahead log',
      labelNames: ['file'] as const, registers,
      async collect() {
        this.reset();
        this.set({ file: 'database' }, await sizeOf(file));
        this.set({ file: 'wal' }, await sizeOf(`${file}-wal`));
      },
    });
  }
  return registry;
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await fsp.stat(file)).size;
  } catch {
    return 0;
  }
}
