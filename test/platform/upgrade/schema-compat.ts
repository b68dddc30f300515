// Databases for the upgrade tests: fresh, migrated up to a point or with an extra migration of a
// test's own, and optionally holding what the previous release's hot paths wrote.
import { loadConfig } from '../../../src/config.ts';
import { openDatabase } from '../../../src/platform/db/database.ts';
import type { DatabaseHandle } from '../../../src/platform/db/database.ts';
import { migrateToLatest } from '../../../src/platform/db/migrate.ts';
import type { MigrateOptions } from '../../../src/platform/db/migrate.ts';
import { freshDatabase, TEST_DB } from '../../helpers/database.ts';
import type { TestDatabase } from '../../helpers/database.ts';
import { testEnv } from '../../helpers/platform.ts';
import { previousRelease } from '../../../src/platform/db/releases.ts';
import { recordedQueries, replay } from './replay.ts';

/** Opens `database`, runs `use`, closes it. */
export async function withHandle<T>(database: TestDatabase, use: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = openDatabase(loadConfig(testEnv(database)));
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}

/** A fresh database migrated as `options` say. */
export async function migratedDatabase(options: MigrateOptions = {}): Promise<TestDatabase> {
  const database = await freshDatabase();
  await withHandle(database, (handle) => migrateToLatest(handle.db, handle.kind, options));
  return database;
}

/** Replays the previous release's recorded hot-path queries on `database`; the number run. */
export function replayPreviousRelease(database: TestDatabase): Promise<number> {
  return withHandle(database, (handle) => replay(handle.db, recordedQueries(previousRelease.version, TEST_DB)));
}
