// A backup taken while MxDC records datasets and users upload and delete data products restores
// into a fresh place consistently: no half-written record, no row without its file nor file
// without its row, and every restored row and file exactly as the server wrote it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { freshDatabase, tempDir } from '../../helpers/database.ts';
import type { TestDatabase } from '../../helpers/database.ts';
import { login, makeUser } from '../../helpers/accounts.ts';
import { DEMO_FACILITY, startFacility } from '../../lims/facility.ts';
import type { Facility } from '../../lims/facility.ts';
import { sessionKey } from '../../support/mxdc/client.ts';
import { demoFrame, demoFrameNames } from '../../tom/rest/rest-bench.ts';
import { allRows, backupOf, readManifest, restoreInto, sha256, storedFiles } from './backup-bench.ts';
import type { Rows } from './backup-bench.ts';

/** Rows that the server changes after writing them, and why a restored one may differ from today's. */
const CHANGED_LATER: Record<string, (row: Record<string, unknown>) => Record<string, unknown>> = {
  // The thumbnail job fills these in after the upload.
  data_products: ({ thumbnail_key: _key, thumbnail_error: _error, ...rest }) => rest,
  // Jobs move on from queued to running to done (on PostgreSQL pg-boss keeps them, and is skipped).
  jobs: ({ id, type, payload, created_at }) => ({ id, type, payload, created_at }),
  // Counters move with every write; the restored ones are checked against the restored rows below.
  row_counts: ({ slot }) => ({ slot }),
};

describe('lightpath backup under write load', () => {
  let facility: Facility;
  let restored: TestDatabase;
  let backups: string;
  const uploaded = new Map<string, string>();
  const deleted = new Set<number>();
  let backupRun: Awaited<ReturnType<typeof backupOf>>;

  before(async () => {
    facility = await startFacility();
    await facility.load(DEMO_FACILITY);
    restored = await freshDatabase();
    backups = tempDir('lightpath-backups-');
  });
  after(async () => {
    await facility.close();
    await restored.drop();
    fs.rmSync(backups, { recursive: true, force: true });
  });

  test('backs up while datasets are recorded and products uploaded and deleted', async () => {
    const { app, platform } = facility.server;
    // As `lightpath serve` does: jobs run too, making the frames' thumbnails during the backup.
    await platform.jobs.startWorking();
    await makeUser(platform, 'alice');
    const alice = (await login(app, 'alice')).headers;
    const target = await app.inject({ method: 'POST', url: '/rest/v1/targets', headers: alice, payload: { name: 'M 13', identifier: 'm13', ra: 250.4, dec: 36.5 } });
    assert.equal(target.statusCode, 201, target.body);
    const mxdc = facility.client('demo');
    assert.equal((await mxdc.register()).status, 200);
    const session = sessionKey('SIM-1');
    assert.equal((await mxdc.launch('SIM-1', session)).status, 200);

    let stop = false;
    let datasets = 0;
    const recordDatasets = async () => {
      for (let i = 0; !stop && i < 2000; i++) {
        const name = `lyso-01_${i}`;
        const added = await mxdc.addData('SIM-1', {
          name, type: 'DATA', frames: '1-360', filename: `${name}_{:05d}.cbf`, energy: 12.658, exposure: 0.5,
          directory: facility.directory(`demo/${session}/${name}`), start_time: '2026-11-21T10:00:00+00:00', end_time: '2026-11-21T10:03:00+00:00',
        });
        assert.equal(added.status, 200, added.text);
        datasets++;
      }
    };
    const frames = demoFrameNames();
    const uploadAndDelete = async (uploader: string) => {
      const ids: number[] = [];
      for (let i = 0; !stop && i < 2000; i++) {
        // FITS frames (which get thumbnails) and CSV light curves of growing size, each different.
        const body = i % 2 === 0
          ? demoFrame(frames[i % frames.length])
          : Buffer.from(`# curve ${i}\n${'2019-08-01T00:00:00+00:00,12.5,0.05\n'.repeat(50 * i)}`);
        const name = i % 2 === 0 ? `${uploader}${i}-${frames[i % frames.length]}` : `curve-${uploader}${i}.csv`;
        const response = await app.inject({
          method: 'POST', url: `/rest/v1/targets/${target.json().id}/data-products?file_name=${encodeURIComponent(name)}`,
          headers: { ...alice, 'content-type': 'application/octet-stream' }, payload: body,
        });
        assert.equal(response.statusCode, 201, response.body);
        uploaded.set(`m13/none/${name}`, sha256(body));
        ids.push(response.json().id);
        if (i % 3 === 2) {
          const victim = ids.splice(ids.length - 2, 1)[0];
          assert.equal((await app.inject({ method: 'DELETE', url: `/rest/v1/data-products/${victim}`, headers: alice })).statusCode, 204);
          deleted.add(victim);
        }
      }
    };
    const load = Promise.all([recordDatasets(), uploadAndDelete('a'), uploadAndDelete('b')]);
    try {
      for (let i = 0; i < 600 && (uploaded.size < 10 || datasets < 10); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      backupRun = await backupOf(facility.server.database, backups);
      // Writes go on after the snapshot as well.
      const [moreUploads, moreDatasets] = [uploaded.size + 6, datasets + 3];
      for (let i = 0; i < 600 && (uploaded.size < moreUploads || datasets < moreDatasets); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      stop = true;
      await load;
    }
    assert.equal(backupRun.code, 0, backupRun.output);
  });

  test('restores to a fresh place with no row without its file and no file without its row', async () => {
    const result = await restoreInto(restored, backupRun.directory);
    assert.equal(result.code, 0, result.output);
    const rows = await allRows(restored);
    const files = storedFiles(restored.dataDir);
    const named = new Set<string>();
    for (const product of rows.data_products) {
      const key = String(product.file_key);
      named.add(key);
      assert.ok(Number(product.size) > 0, `data product ${product.id} is whole (${key})`);
      assert.equal(files.get(key), uploaded.get(key), `${key} is there with the bytes uploaded`);
      if (product.thumbnail_key) {
        named.add(String(product.thumbnail_key));
        assert.ok(files.has(String(product.thumbnail_key)), `the thumbnail of ${key} is there`);
      }
    }
    assert.deepEqual([...files.keys()].filter((key) => !named.has(key)), [], 'every restored file belongs to a row');
    assert.deepEqual(readManifest(backupRun.directory).files.map((f: { key: string }) => f.key).sort(), [...named].sort());
  });

  test('the backup caught the server part way, and every restored row and file is as the server wrote it', async () => {
    const source = await allRows(facility.server.database);
    const copy = await allRows(restored);
    assert.ok(copy.datasets.length > 0 && copy.datasets.length < source.datasets.length, 'datasets were recorded before and after the backup');
    const kept = (rows: Rows) => rows.filter((row) => !deleted.has(Number(row.id)));
    assert.ok(kept(copy.data_products).length < kept(source.data_products).length, 'products were uploaded after the backup');
    assert.deepEqual(Object.keys(copy).sort(), Object.keys(source).sort());
    for (const [table, rows] of Object.entries(copy)) {
      if (table.startsWith('pgboss.')) continue;
      const shape = CHANGED_LATER[table] ?? ((row: Record<string, unknown>) => row);
      const today = new Set(source[table].map((row) => JSON.stringify(shape(row))));
      // Products deleted after the snapshot are only in the backup, and so are their datums and group links.
      const missing = rows.filter((row) => !today.has(JSON.stringify(shape(row))) && !(table === 'data_products' && deleted.has(Number(row.id))));
      assert.deepEqual(missing, [], `${table}: restored rows the server has (or had) exactly`);
    }
    for (const counted of ['samples', 'datasets', 'reports', 'activity_log', 'beamline_sessions', 'shipments']) {
      const kept = copy.row_counts.reduce((sum, row) => sum + Number(row[counted]), 0);
      assert.equal(kept, copy[counted].length, `the restored count of ${counted} is its restored rows`);
    }
    const sourceFiles = storedFiles(facility.server.database.dataDir);
    for (const [key, sum] of storedFiles(restored.dataDir)) {
      if (sourceFiles.has(key)) assert.equal(sum, sourceFiles.get(key), key);
      else assert.equal(sum, uploaded.get(key), `${key}, deleted since, was the file uploaded`);
    }
  });
});
