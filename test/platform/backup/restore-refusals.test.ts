// `lightpath restore` refuses, with one clear line and a non-zero exit, anything but an empty
// data directory and database, and any backup that is damaged or newer than this Lightpath;
// the refused target is left as it was. A backup of an older schema is restored, then migrated.
// `lightpath backup` of a place without a Lightpath database says so and leaves nothing behind.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../src/config.ts';
import { openDatabase } from '../../../src/platform/db/database.ts';
import { migrateToLatest } from '../../../src/platform/db/migrate.ts';
import { migrations } from '../../../src/platform/db/migrations/index.ts';
import { previousRelease } from '../../../src/platform/db/releases.ts';
import { listTables } from '../../../src/platform/backup/snapshot-contents.ts';
import { freshDatabase, tempDir } from '../../helpers/database.ts';
import type { TestDatabase } from '../../helpers/database.ts';
import { testEnv } from '../../helpers/platform.ts';
import { runLightpath } from '../../helpers/processes.ts';
import { allRows, backupOf, readManifest, restoreInto } from './backup-bench.ts';

const DEMO_OBSERVATORY = path.resolve(import.meta.dirname, '../../../examples/demo-observatory.yaml');

async function tablesIn(database: TestDatabase): Promise<string[]> {
  const config = loadConfig(testEnv(database));
  if (config.database.kind === 'sqlite' && !fs.existsSync(config.database.sqliteFile)) return [];
  const handle = openDatabase(config, { poolSize: 1 });
  try {
    return await listTables(handle.db, handle.kind);
  } finally {
    await handle.close();
  }
}

const scratch: string[] = [];
const scratchDir = (prefix: string) => {
  scratch.push(tempDir(prefix));
  return scratch[scratch.length - 1];
};

/** A copy of a backup folder (real copies, not links) to damage. */
function copyOf(directory: string): string {
  const copy = path.join(scratchDir('lightpath-damaged-'), path.basename(directory));
  fs.cpSync(directory, copy, { recursive: true });
  return copy;
}

describe('lightpath restore (and backup) refuse what they must not do', () => {
  let source: TestDatabase;
  let backups: string;
  let backup: string;
  const targets: TestDatabase[] = [];
  const target = async () => {
    const database = await freshDatabase();
    targets.push(database);
    return database;
  };
  /** The refused target is as empty as before. */
  const assertUntouched = async (database: TestDatabase, expectedEntries: string[] = []) => {
    assert.deepEqual(fs.readdirSync(database.dataDir).sort(), expectedEntries);
    if (database.url) assert.deepEqual(await tablesIn(database), []);
  };

  before(async () => {
    source = await freshDatabase();
    backups = tempDir('lightpath-backups-');
    const loaded = await runLightpath(['load', DEMO_OBSERVATORY], testEnv(source));
    assert.equal(loaded.code, 0, loaded.output);
    const made = await backupOf(source, backups);
    assert.equal(made.code, 0, made.output);
    backup = made.directory;
  });
  after(async () => {
    await source.drop();
    for (const database of targets) await database.drop();
    for (const dir of [backups, ...scratch]) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a data directory that is not empty', async () => {
    const database = await target();
    fs.writeFileSync(path.join(database.dataDir, 'notes.txt'), 'keep me');
    const result = await restoreInto(database, backup);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^lightpath restore: the data directory .* is not empty \(it holds notes\.txt\): restore into an empty one/);
    await assertUntouched(database, ['notes.txt']);
    assert.equal(fs.readFileSync(path.join(database.dataDir, 'notes.txt'), 'utf8'), 'keep me');
  });

  test('a database that already has tables', async () => {
    const database = await target();
    // SQLite: a database file elsewhere than the (empty) data directory; PostgreSQL: a migrated database.
    const sqliteFile = path.join(scratchDir('lightpath-other-'), 'other.sqlite');
    const env = database.url ? testEnv(database) : testEnv(database, { DATABASE_URL: `sqlite:${sqliteFile}` });
    const migrated = await runLightpath(['migrate'], env);
    assert.equal(migrated.code, 0, migrated.output);
    const before = database.url ? await tablesIn(database) : fs.readFileSync(sqliteFile);
    const result = await runLightpath(['restore', backup], env);
    assert.equal(result.code, 1);
    assert.match(result.stderr, database.url
      ? /^lightpath restore: the database named by DATABASE_URL is not empty \(it has the tables access_list_beamlines, .*\): restore into a new, empty database/
      : /^lightpath restore: the database .*other\.sqlite already exists: restore into a new file/);
    assert.deepEqual(fs.readdirSync(database.dataDir), []);
    assert.deepEqual(database.url ? await tablesIn(database) : fs.readFileSync(sqliteFile), before);
  });

  test('a manifest that is not valid', async () => {
    const damaged = copyOf(backup);
    fs.writeFileSync(path.join(damaged, 'manifest.json'), '{"format": "lightpath-backup", "format_vers');
    const database = await target();
    const result = await restoreInto(database, damaged);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^lightpath restore: .*manifest\.json is damaged: /);
    await assertUntouched(database);

    const manifest = readManifest(backup);
    manifest.files[0].key = '../../etc/passwd';
    fs.writeFileSync(path.join(damaged, 'manifest.json'), JSON.stringify(manifest));
    const escaping = await restoreInto(database, damaged);
    assert.equal(escaping.code, 1);
    assert.match(escaping.stderr, /manifest\.json is damaged: files names "\.\.\/\.\.\/etc\/passwd", which is not a file store key/);
    await assertUntouched(database);
  });

  test('a file or a dump that does not match its checksum', async () => {
    const manifest = readManifest(backup);
    const damaged = copyOf(backup);
    const frame = path.join(damaged, 'files', manifest.files[3].key);
    const bytes = fs.readFileSync(frame);
    bytes[bytes.length - 1] ^= 0xff;
    fs.writeFileSync(frame, bytes);
    fs.appendFileSync(path.join(damaged, manifest.database.dump.name), 'x');
    fs.rmSync(path.join(damaged, 'files', manifest.files[5].key));
    const database = await target();
    const result = await restoreInto(database, damaged);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`the backup .* is damaged: the database dump ${manifest.database.dump.name} does not match its checksum; `
      + `files/${manifest.files[3].key} does not match its checksum; files/${manifest.files[5].key} is missing: nothing was restored`));
    await assertUntouched(database);
    const verified = await runLightpath(['restore', '--verify', damaged], {});
    assert.equal(verified.code, 1);
    assert.match(verified.stderr, /is damaged/);
  });

  test('a backup whose schema is newer than this Lightpath', async () => {
    const newer = copyOf(backup);
    const manifest = readManifest(backup);
    manifest.database.migrations.push('9999_from_the_future');
    manifest.database.schema_version = '9999_from_the_future';
    manifest.lightpath_version = '99.0';
    fs.writeFileSync(path.join(newer, 'manifest.json'), JSON.stringify(manifest));
    const database = await target();
    const result = await restoreInto(database, newer);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /the backup's database schema is newer than this Lightpath \(9999_from_the_future, from Lightpath 99\.0; unknown migrations: 9999_from_the_future\): restore it with that version or a newer one/);
    await assertUntouched(database);
  });

  test('a backup of an older schema is restored, then migrated to this one', async () => {
    const old = await target();
    const handle = openDatabase(loadConfig(testEnv(old)));
    await migrateToLatest(handle.db, handle.kind, { upTo: previousRelease.lastMigration });
    await handle.close();
    const made = await backupOf(old, scratchDir('lightpath-old-backup-'));
    assert.equal(made.code, 0, made.output);
    assert.equal(readManifest(made.directory).database.schema_version, previousRelease.lastMigration);

    const database = await target();
    const result = await restoreInto(database, made.directory);
    assert.equal(result.code, 0, result.output);
    const newer = Object.keys(migrations).filter((name) => name > previousRelease.lastMigration);
    assert.ok(newer.length > 0);
    assert.match(result.output, new RegExp(`Then migrated: ${newer.join(', ')}`));
    const applied = (await allRows(database)).lightpath_migrations.map((row) => row.name).sort();
    assert.deepEqual(applied, Object.keys(migrations));
  });

  test('lightpath backup of a place with no Lightpath database', async () => {
    const database = await target();
    const destination = scratchDir('lightpath-backups-');
    const result = await backupOf(database, destination);
    assert.equal(result.code, 1);
    assert.match(result.stderr, database.url
      ? /^lightpath backup: the database holds no Lightpath data yet \(it was never migrated\): there is nothing to back up/
      : /^lightpath backup: there is no database at .*lightpath\.sqlite: check LIGHTPATH_DATA_DIR/);
    assert.deepEqual(fs.readdirSync(destination), [], 'no backup folder, whole or partial');
    assert.equal((await runLightpath(['backup'], testEnv(database))).code, 64);
  });

  test('without a backup to restore', async () => {
    const database = await target();
    const result = await restoreInto(database, database.dataDir);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^lightpath restore: .* is not a Lightpath backup, nor a folder that holds one/);
    const usage = await restoreInto(database, backup, ['extra']);
    assert.equal(usage.code, 64);
  });
});
