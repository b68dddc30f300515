// Rolling upgrade, the new code's side: a database of the previous release, holding what that
// release's hot paths wrote, is migrated by this code as `serve` does on start, and this code's
// hot paths then work on it (a new process always migrates before it serves, so this code never
// meets the previous schema unmigrated).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { appliedMigrations } from '../../../src/platform/db/migration-plan.ts';
import { migrations } from '../../../src/platform/db/migrations/index.ts';
import { previousRelease } from '../../../src/platform/db/releases.ts';
import { tempDir } from '../../helpers/database.ts';
import type { TestDatabase } from '../../helpers/database.ts';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { hotPathEnv, runHotPaths } from './hot-paths.ts';
import { migratedDatabase, replayPreviousRelease, withHandle } from './schema-compat.ts';

describe(`an upgrade from release ${previousRelease.version}`, () => {
  let database: TestDatabase;
  let dataRoot: string;
  let server: TestServer | undefined;
  before(async () => {
    database = await migratedDatabase({ upTo: previousRelease.lastMigration });
    dataRoot = fs.realpathSync(tempDir('lightpath-upgrade-'));
  });
  after(async () => {
    await server?.close();
    await database.drop();
    fs.rmSync(dataRoot, { recursive: true, force: true });
  });

  test(`the database holds release ${previousRelease.version}'s schema and what its hot paths wrote`, async () => {
    assert.equal((await withHandle(database, appliedMigrations)).at(-1), previousRelease.lastMigration);
    assert.ok((await replayPreviousRelease(database)) > 100);
  });

  test('this code migrates it, and its hot paths (MxDC, REST lists, Data Proxy raw) work with the old records', async () => {
    server = await startTestServer({ database, env: hotPathEnv(dataRoot) });
    assert.deepEqual(await withHandle(database, appliedMigrations), Object.keys(migrations).sort());
    await runHotPaths(server, dataRoot);
    // The previous release's dataset is still there beside the new one.
    const datasets = await server.platform.db.selectFrom('datasets').select('name').orderBy('id').execute();
    assert.equal(datasets.length, 2);
  });
});
