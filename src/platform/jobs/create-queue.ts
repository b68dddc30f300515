// Chooses the queue backend: in-database with SQLite (the embedded default), pg-boss with PostgreSQL.
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../db/database.ts';
import { DatabaseQueue } from './database-queue.ts';
import { PgBossQueue } from './pgboss-queue.ts';
import type { JobRegistry } from './registry.ts';
import type { JobQueue } from './types.ts';

export async function createQueue(config: Config, db: Db, registry: JobRegistry, log: Logger): Promise<JobQueue> {
  if (config.database.kind === 'postgres') {
    const queue = new PgBossQueue(db, registry, log, config.jobs, config.database.url);
    await queue.start();
    return queue;
  }
  return new DatabaseQueue(db, registry, log, config.jobs);
}
