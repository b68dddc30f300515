// `lightpath migrate --dry-run` lists the pending migrations with what each is for and the SQL it
// would run on this database, changes nothing, and says by its exit status whether any are pending.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../../src/platform/db/database.ts';
import { migrateToLatest, MIGRATION_TABLE } from '../../../src/platform/db/migrate.ts';
import { appliedMigrations } from '../../../src/platform/db/migration-plan.ts';
import { migrations } from '../../../src/platform/db/migrations/index.ts';
import { freshDatabase, tempDir } from '../../helpers/database.ts';
import type { TestDatabase } from '../../helpers/database.ts';
import { testEnv } from '../../helpers/platform.ts';
import { runLightpath } from '../../helpers/processes.ts';
import { withHandle } from './schema-compat.ts';

// Far enough back that there is always something pending, whatever has been added since.
const APPLIED_UP_TO = '0012_events';
const names = Object.keys(migrations);
const pending = names.slice(names.indexOf(APPLIED_UP_TO) + 1);

async function tableNames(handle: DatabaseHandle): Promise<string[]> {
  return (await handle.db.introspection.getTables()).map((t) => t.name).sort();
}

describe('lightpath migrate --dry-run', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  before(async () => {
    database = await freshDatabase();
    env = testEnv(database);
    await withHandle(database, (handle) => migrateToLatest(handle.db, handle.kind, { upTo: APPLIED_UP_TO }));
  });
  after(() => database.drop());

  test('lists each pending migration with its purpose and SQL, changes nothing, and exits 3', async () => {
    const before = await withHandle(database, async (handle) => ({ applied: await appliedMigrations(handle), tables: await tableNames(handle) }));
    const result = await runLightpath(['migrate', '--dry-run'], env);
    assert.equal(result.code, 3, result.output);
    assert.match(result.output, new RegExp(`^${pending.length} migration\\(s\\) pending; nothing was changed:`));
    for (const name of pending) assert.match(result.output, new RegExp(`^${name} \\((release [\\d.]+|not released yet)\\)$`, 'm'));
    for (const name of names.slice(0, names.indexOf(APPLIED_UP_TO) + 1)) assert.doesNotMatch(result.output, new RegExp(`^${name} `, 'm'));
    // 0013's header comment and one of its statements, as this database would run it.
    assert.match(result.output, /^0013_survey \(release 0\.9\)\n {2}The post-session survey MxDC links to/m);
    assert.match(result.output, /^ {2}create table "support_areas" \("id" (integer primary key autoincrement|serial primary key),/m);
    assert.match(result.output, /Run "lightpath migrate" to apply them\.\n$/);

    const after = await withHandle(database, async (handle) => ({ applied: await appliedMigrations(handle), tables: await tableNames(handle) }));
    assert.deepEqual(after, before);
    assert.ok(!after.tables.includes('support_areas'));
  });

  test('once migrated, says the database is up to date and exits 0', async () => {
    assert.equal((await runLightpath(['migrate'], env)).code, 0);
    const result = await runLightpath(['migrate', '--dry-run'], env);
    assert.equal(result.code, 0, result.output);
    assert.equal(result.output, 'Database is up to date: nothing to migrate.\n');
  });

  test('a database migrated by a newer Lightpath is a failure that says so', async () => {
    await withHandle(database, (handle) =>
      sql`insert into ${sql.table(MIGRATION_TABLE)} (name, timestamp) values ('9999_from_the_future', ${new Date().toISOString()})`.execute(handle.db));
    const result = await runLightpath(['migrate', '--dry-run'], env);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^lightpath migrate: the database has migrations this Lightpath does not know \(9999_from_the_future\): it was migrated by a newer version/);
  });
});

describe('lightpath migrate --dry-run without a SQLite file yet', () => {
  test('lists every migration and does not create the file', async () => {
    const dataDir = tempDir();
    try {
      const result = await runLightpath(['migrate', '--dry-run'], { LIGHTPATH_DATA_DIR: dataDir, DATABASE_URL: '' });
      assert.equal(result.code, 3, result.output);
      assert.match(result.output, new RegExp(`^${names.length} migration\\(s\\) pending`));
      assert.ok(!fs.existsSync(path.join(dataDir, 'lightpath.sqlite')));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
