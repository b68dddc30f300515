// Starts a real platform (database, queue, files) and app for a test, and tears it all down.
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import type { Config } from '../../src/config.ts';
import { openPlatform } from '../../src/platform/context.ts';
import type { OpenOptions, Platform } from '../../src/platform/context.ts';
import { buildApp } from '../../src/app.ts';
import type { AppOptions } from '../../src/app.ts';
import { defineDomainJobs } from '../../src/modules.ts';
import { freshDatabase } from './database.ts';
import type { TestDatabase } from './database.ts';

export interface TestServer {
  config: Config;
  platform: Platform;
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

export const silentLog = pino({ level: process.env.LIGHTPATH_TEST_LOG ?? 'silent' });

/** Environment for a test process or config: the fresh database plus overrides. */
export function testEnv(database: TestDatabase, env: Record<string, string> = {}): Record<string, string> {
  return {
    LIGHTPATH_DATA_DIR: database.dataDir,
    DATABASE_URL: database.url,
    LIGHTPATH_JOB_POLL_MS: '100',
    LIGHTPATH_JOB_LEASE_SECONDS: '5',
    ...env,
  };
}

export async function startTestServer(options: { env?: Record<string, string>; open?: OpenOptions; database?: TestDatabase; app?: AppOptions } = {}): Promise<TestServer> {
  const database = options.database ?? (await freshDatabase());
  const config = loadConfig(testEnv(database, options.env));
  const platform = await openPlatform(config, silentLog, { defineJobs: defineDomainJobs, ...options.open });
  const app = await buildApp(platform, options.app);
  await app.ready();
  return {
    config, platform, app, database,
    async close() {
      await app.close();
      await platform.close();
      if (!options.database) await database.drop();
    },
  };
}
