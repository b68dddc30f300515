// An upload caught half-way by the snapshot (its row written, its file not yet, or its file
// written and its size not yet recorded) and a delete caught half-way (a thumbnail already gone)
// are left out of the backup, said so, and not restored; the products around them are.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../src/config.ts';
import { openDatabase } from '../../../src/platform/db/database.ts';
import { freshDatabase, tempDir } from '../../helpers/database.ts';
import type { TestDatabase } from '../../helpers/database.ts';
import { testEnv } from '../../helpers/platform.ts';
import { runLightpath } from '../../helpers/processes.ts';
import { allRows, backupOf, readManifest, restoreInto, storedFiles } from './backup-bench.ts';

const DEMO_OBSERVATORY = path.resolve(import.meta.dirname, '../../../examples/demo-observatory.yaml');

describe('lightpath backup of uploads and deletes caught half-way', () => {
  let source: TestDatabase;
  let restored: TestDatabase;
  let backups: string;
  let backup: Awaited<ReturnType<typeof backupOf>>;
  const unfinished: number[] = [];

  before(async () => {
    source = await freshDatabase();
    restored = await freshDatabase();
    backups = tempDir('lightpath-backups-');
    const loaded = await runLightpath(['load', DEMO_OBSERVATORY], testEnv(source));
    assert.equal(loaded.code, 0, loaded.output);
    const handle = openDatabase(loadConfig(testEnv(source)));
    try {
      const { db } = handle;
      const row = (name: string) => ({
        target_id: 1, product_id: name, file_key: `m13/none/${name}`, data_product_type: 'image_file', extra_data: '{}', size: 0, created_at: new Date().toISOString(),
      });
      // As saveDataProduct leaves them mid-way: the row first with size 0, then the file, then the size.
      unfinished.push((await db.insertInto('data_products').values(row('no-file-yet.png')).returning('id').executeTakeFirstOrThrow()).id);
      unfinished.push((await db.insertInto('data_products').values(row('size-not-yet.png')).returning('id').executeTakeFirstOrThrow()).id);
      fs.writeFileSync(path.join(source.dataDir, 'files/m13/none/size-not-yet.png'), Buffer.alloc(100, 7));
      // A product whose delete has removed its thumbnail already (the row goes first in a delete; here it lingers).
      const frame = await db.selectFrom('data_products').select(['id']).orderBy('id').executeTakeFirstOrThrow();
      await db.updateTable('data_products').set({ thumbnail_key: `_thumbnails/${frame.id}.png` }).where('id', '=', frame.id).execute();
      unfinished.push(frame.id);
    } finally {
      await handle.close();
    }
  });
  after(async () => {
    await source.drop();
    await restored.drop();
    fs.rmSync(backups, { recursive: true, force: true });
  });

  test('the backup leaves them out and names them', async () => {
    backup = await backupOf(source, backups);
    assert.equal(backup.code, 0, backup.output);
    const manifest = readManifest(backup.directory);
    assert.deepEqual(manifest.database.left_out.map((row: { id: number }) => row.id).sort(), [...unfinished].sort());
    assert.match(backup.stderr, new RegExp(`left out data product ${unfinished[0]}: data product ${unfinished[0]} names m13/none/no-file-yet.png, which is not in the file store`));
    assert.match(backup.stderr, new RegExp(`left out data product ${unfinished[1]}: m13/none/size-not-yet.png of data product ${unfinished[1]} was still being written`));
    assert.match(backup.stderr, new RegExp(`left out data product ${unfinished[2]}: the thumbnail of data product ${unfinished[2]} names _thumbnails/${unfinished[2]}.png`));
    const keys = manifest.files.map((f: { key: string }) => f.key);
    assert.equal(keys.length, 11, 'the other 11 frames');
    assert.ok(!keys.includes('m13/none/size-not-yet.png'));
  });

  test('the restore has the other products, each with its file, and not these', async () => {
    const result = await restoreInto(restored, backup.directory);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /Removed 3 data product\(s\) whose files were being uploaded or deleted during the backup/);
    const rows = await allRows(restored);
    const ids = rows.data_products.map((row) => Number(row.id));
    assert.equal(ids.length, 11);
    for (const id of unfinished) assert.ok(!ids.includes(id), `data product ${id} is not restored`);
    assert.ok(!rows.data_product_group_members.some((row) => unfinished.includes(Number(row.data_product_id))), 'nor its group links');
    assert.deepEqual([...storedFiles(restored.dataDir).keys()].sort(), rows.data_products.map((row) => String(row.file_key)).sort());
  });
});
