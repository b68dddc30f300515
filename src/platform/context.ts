// Everything a process needs, opened once: configuration, database (migrated), files, job queue
// and the account stores. `serve`, `worker`, the CLI and the tests all start from here.
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { openDatabase } from './db/database.ts';
import type { DatabaseHandle, Db } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { JobRegistry } from './jobs/registry.ts';
import { createQueue } from './jobs/create-queue.ts';
import type { JobQueue } from './jobs/types.ts';
import { selftestJob } from './jobs/selftest-job.ts';
import { LocalFileStore } from './storage/local-store.ts';
import type { FileStore } from './storage/file-store.ts';
import { UserRepository } from './auth/users.ts';
import { SessionStore } from './auth/sessions.ts';
import { TokenStore } from './auth/tokens.ts';
import { RateLimiter } from './rate-limit.ts';

export interface Platform {
  config: Config;
  log: Logger;
  database: DatabaseHandle;
  db: Db;
  files: FileStore;
  jobRegistry: JobRegistry;
  jobs: JobQueue;
  users: UserRepository;
  sessions: SessionStore;
  tokens: TokenStore;
  rateLimiter: RateLimiter;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
  /** Domains add their job types here, with access to the stores already open. */
  defineJobs?: (registry: JobRegistry, platform: Omit<Platform, 'jobs' | 'close'> & { enqueue: JobQueue['enqueue'] }) => void;
}

export async function openPlatform(config: Config, log: Logger, options: OpenOptions = {}): Promise<Platform> {
  const database = openDatabase(config);
  try {
    if (options.migrate !== false) {
      const { applied } = await migrateToLatest(database.db, database.kind);
      if (applied.length > 0) log.info({ applied }, 'database migrated');
    }
    const db = database.db;
    const parts = {
      config, log, database, db,
      files: new LocalFileStore(path.join(config.dataDir, 'files')),
      jobRegistry: new JobRegistry(),
      users: new UserRepository(db),
      sessions: new SessionStore(db, config.sessionDays),
      tokens: new TokenStore(db),
      rateLimiter: new RateLimiter(db, database.kind),
    };
    parts.jobRegistry.define(selftestJob);
    // Jobs may queue further jobs (a stored FITS frame queues its thumbnail); the queue they use
    // exists once the registry is complete, so they are handed a function that reaches it then.
    let queue: JobQueue | null = null;
    const enqueue: JobQueue['enqueue'] = (type, payload, enqueueOptions) => {
      if (!queue) throw new Error('the job queue is not open yet');
      return queue.enqueue(type, payload, enqueueOptions);
    };
    options.defineJobs?.(parts.jobRegistry, { ...parts, enqueue });
    const jobs = await createQueue(config, db, parts.jobRegistry, log.child({ component: 'jobs' }));
    queue = jobs;
    return {
      ...parts,
      jobs,
      async close() {
        await jobs.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
