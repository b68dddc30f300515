// Metrics read from the database at each scrape: the record of every job (whichever process runs
// it), the email outbox, and the database itself. Every Lightpath process sharing the database
// reports the same numbers for the jobs and the outbox.
import fsp from 'node:fs/promises';
import { Gauge, Registry } from 'prom-client';
import type { Config } from '../../config.ts';
import type { DatabaseHandle, Db } from '../db/database.ts';
import { waitingJobs } from '../jobs/backlog.ts';

type Samples = Array<[Record<string, string>, number]>;

/** A gauge whose every series is read anew at each scrape (so a type or state that is gone disappears). */
function readAtScrape(registry: Registry, name: string, help: string, labelNames: string[], read: () => Promise<Samples>): void {
  new Gauge({
    name, help, labelNames, registers: [registry],
    async collect() {
      const samples = await read();
      this.reset();
      for (const [labels, value] of samples) this.set(labels, value);
    },
  });
}

export function databaseMetrics(db: Db, config: Pick<Config, 'database'>, pool: DatabaseHandle['pool']): Registry {
  const registry = new Registry();

  // Succeeded jobs are left out: they are kept for ever, and counting them all at every scrape
  // would cost more as the years go by (lightpath_job_attempts_total counts successes).
  readAtScrape(registry, 'lightpath_jobs', 'Jobs in the database that are queued, running or failed for good, by type and state', ['type', 'state'], async () => {
    const rows = await db.selectFrom('jobs').select((eb) => ['type', 'state', eb.fn.countAll<number>().as('count')])
      .where('state', 'in', ['queued', 'running', 'failed']).groupBy(['type', 'state']).execute();
    return rows.map((row) => [{ type: row.type, state: row.state }, Number(row.count)]);
  });
  readAtScrape(registry, 'lightpath_job_queue_depth', 'Jobs that are due and waiting for a worker, by type', ['type'],
    async () => (await waitingJobs(db)).map((waiting) => [{ type: waiting.type }, waiting.count]));
  readAtScrape(registry, 'lightpath_job_queue_oldest_seconds', 'How long the longest-waiting due job of each type has waited, in seconds', ['type'],
    async () => (await waitingJobs(db)).map((waiting) => [{ type: waiting.type }, waiting.oldestSeconds]));
  readAtScrape(registry, 'lightpath_email_outbox', 'Emails in the outbox, by state (queued, sent, failed for good)', ['state'], async () => {
    const rows = await db.selectFrom('email_outbox').select((eb) => ['state', eb.fn.countAll<number>().as('count')]).groupBy('state').execute();
    return rows.map((row) => [{ state: row.state }, Number(row.count)]);
  });

  if (pool) {
    readAtScrape(registry, 'lightpath_db_pool_connections', "This process's PostgreSQL connections: open (total), idle, queries waiting for one (waiting), and the pool's limit (max)", ['state'],
      async () => [[{ state: 'total' }, pool.totalCount], [{ state: 'idle' }, pool.idleCount], [{ state: 'waiting' }, pool.waitingCount], [{ state: 'max' }, pool.options.max ?? 10]]);
  }
  if (config.database.kind === 'sqlite') {
    // One connection, used in turn: there is no pool to watch. The write-ahead log growing
    // without bound means long readers keep it from being checkpointed.
    const file = config.database.sqliteFile;
    readAtScrape(registry, 'lightpath_sqlite_file_bytes', 'Size of the SQLite database file and of its write-ahead log', ['file'],
      async () => [[{ file: 'database' }, await sizeOf(file)], [{ file: 'wal' }, await sizeOf(`${file}-wal`)]]);
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
