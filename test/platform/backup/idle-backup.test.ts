// A backup of a running, idle server restores into a fresh place exactly: every table row by row,
// every file byte for byte; `lightpath serve` on the restored place serves the same data; and
// the next backup hard-links the files that did not change.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { freshDatabase, tempDir } from '../../helpers/database.ts';
import type { TestDatabase } from '../../helpers/database.ts';
import { testEnv } from '../../helpers/platform.ts';
import { freePort, runLightpath, spawnLightpath } from '../../helpers/processes.ts';
import type { Spawned } from '../../helpers/processes.ts';
import { waitFor } from '../../helpers/wait.ts';
import { DEMO_FACILITY } from '../../lims/facility.ts';
import { allRows, backupOf, readManifest, restoreInto, rowCountTotals, storedFiles } from './backup-bench.ts';

const DEMO_OBSERVATORY = path.resolve(import.meta.dirname, '../../../examples/demo-observatory.yaml');

async function serve(database: TestDatabase): Promise<{ server: Spawned; base: string }> {
  const port = await freePort();
  // One public address for both, so that the links in their answers are the same.
  const server = spawnLightpath(['serve'], testEnv(database, { PORT: String(port), LIGHTPATH_BASE_URL: 'https://lightpath.example.org' }));
  const base = `http://127.0.0.1:${port}`;
  await waitFor('lightpath serve to listen', async () => (await fetch(`${base}/healthz`)).ok, 60000);
  return { server, base };
}

async function stop(spawned: Spawned | undefined): Promise<void> {
  if (!spawned || spawned.child.exitCode !== null) return;
  spawned.child.kill('SIGTERM');
  await spawned.exited;
}

describe('lightpath backup of an idle server, and restore', () => {
  let source: TestDatabase;
  let restored: TestDatabase;
  let backups: string;
  let running: { server: Spawned; base: string };
  let restoredServer: Spawned | undefined;
  let first: Awaited<ReturnType<typeof backupOf>>;

  before(async () => {
    source = await freshDatabase();
    restored = await freshDatabase();
    backups = tempDir('lightpath-backups-');
    for (const file of [DEMO_FACILITY, DEMO_OBSERVATORY]) {
      const loaded = await runLightpath(['load', file], testEnv(source));
      assert.equal(loaded.code, 0, loaded.output);
    }
    running = await serve(source);
    // The server makes the frames' thumbnails: files that rows name through thumbnail_key.
    await waitFor('the thumbnails', async () => {
      const target = await (await fetch(`${running.base}/rest/v1/targets/1/data-products?limit=100`)).json() as { results: Array<{ thumbnail_url: string | null }> };
      return target.results.length === 12 && target.results.every((p) => p.thumbnail_url);
    }, 60000);
  });
  after(async () => {
    await stop(running?.server);
    await stop(restoredServer);
    await source.drop();
    await restored.drop();
    fs.rmSync(backups, { recursive: true, force: true });
  });

  test('writes a complete backup folder with a manifest of counts and checksums', async () => {
    first = await backupOf(source, backups);
    assert.equal(first.code, 0, first.output);
    assert.equal(path.dirname(first.directory), backups);
    assert.match(path.basename(first.directory), /^\d{8}T\d{6}Z$/);
    assert.deepEqual(fs.readdirSync(backups), [path.basename(first.directory)], 'nothing else is left in DEST');
    const manifest = readManifest(first.directory);
    assert.equal(manifest.format_version, 1);
    assert.equal(manifest.database.kind, source.url ? 'postgres' : 'sqlite');
    assert.equal(manifest.database.schema_version, manifest.database.migrations.at(-1));
    assert.equal(manifest.database.row_counts.data_products, 12);
    assert.equal(manifest.files.length, 24, '12 frames and their 12 thumbnails');
    assert.equal(manifest.linked_from, null);
    for (const file of manifest.files) assert.match(file.sha256, /^[0-9a-f]{64}$/);
  });

  test('restores into an empty place: every table and every file the same', async () => {
    const result = await restoreInto(restored, backups);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /Restored .*\d{8}T\d{6}Z/);
    assert.deepEqual(rowCountTotals(await allRows(restored)), rowCountTotals(await allRows(source)));
    assert.deepEqual(storedFiles(restored.dataDir), storedFiles(source.dataDir));
  });

  test('`lightpath serve` on the restored place serves the same target and frames', async () => {
    const copy = await serve(restored);
    restoredServer = copy.server;
    for (const url of ['/api/target/1/', '/rest/v1/targets/1/data-products?limit=100']) {
      const [original, again] = await Promise.all([fetch(`${running.base}${url}`), fetch(`${copy.base}${url}`)]);
      assert.equal(again.status, 200);
      assert.deepEqual(await again.json(), await original.json(), url);
    }
    const products = (await (await fetch(`${copy.base}/rest/v1/targets/1/data-products?limit=100`)).json()).results as Array<{ url: string }>;
    const frame = await fetch(`${copy.base}${products[0].url}`);
    assert.equal(frame.status, 200);
    assert.ok(Buffer.from(await frame.arrayBuffer()).equals(Buffer.from(await (await fetch(`${running.base}${products[0].url}`)).arrayBuffer())));
  });

  test('the next backup hard-links the unchanged files from the first', async () => {
    const second = await backupOf(source, backups);
    assert.equal(second.code, 0, second.output);
    assert.notEqual(second.directory, first.directory);
    const manifest = readManifest(second.directory);
    assert.equal(manifest.linked_from, path.basename(first.directory));
    assert.deepEqual(manifest.files, readManifest(first.directory).files);
    for (const file of manifest.files) {
      const [a, b] = [first.directory, second.directory].map((dir) => fs.statSync(path.join(dir, 'files', file.key)));
      assert.equal(a.ino, b.ino, `${file.key} is one file on disk`);
    }
    const elsewhere = path.join(backups, 'elsewhere');
    const third = await backupOf(source, elsewhere, ['--link-dest', first.directory]);
    assert.equal(third.code, 0, third.output);
    assert.equal(readManifest(third.directory).linked_from, path.basename(first.directory));
    const key = manifest.files[0].key;
    assert.equal(fs.statSync(path.join(third.directory, 'files', key)).ino, fs.statSync(path.join(first.directory, 'files', key)).ino);
    const verified = await runLightpath(['restore', '--verify', second.directory], {});
    assert.equal(verified.code, 0, verified.output);
    assert.match(verified.output, /is whole/);
  });
});
