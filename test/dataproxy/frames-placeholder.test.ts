// Frame previews that cannot be drawn: an unknown or revoked key, a missing file, an HDF5 frame
// past the end, a file that is no frame, and every way out of the key's directory (dot segments,
// symlinks, HDF5 external links) get the placeholder with 200, never a byte from outside. A key
// whose directory lies outside the data roots gets raw's 404 with the reason (D17). Bad region
// parameters are a 400 naming the fields.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { DataProxyService } from '../../src/dataproxy/service.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';
import { makeFrameFixtures, PYTHON, readGreyPng } from './frame-fixtures.ts';

const PLACEHOLDER = fs.readFileSync(new URL('../../src/dataproxy/assets/frame-missing.png', import.meta.url));

describe('data proxy: frame placeholders, confinement and bad requests', () => {
  let tree: DataTree;
  let server: TestServer;
  let key: string;
  const frame = (rest: string, frameKey = key) => server.app.inject({ method: 'GET', url: `/download/files/frame/${frameKey}/${rest}` });

  async function assertPlaceholder(rest: string, frameKey = key) {
    const response = await frame(rest, frameKey);
    assert.equal(response.statusCode, 200, `${rest}: ${response.body.slice(0, 200)}`);
    assert.equal(response.headers['content-type'], 'image/png', rest);
    assert.equal(response.headers['cache-control'], 'no-store', rest);
    assert.ok(response.rawPayload.equals(PLACEHOLDER), `${rest}: the placeholder`);
  }

  before(async () => {
    tree = makeDataTree();
    makeFrameFixtures(tree.session);
    // Frames outside the root, reached by a symlinked file, a symlinked data file of an HDF5
    // master, and a master whose external links name files outside by path.
    const elsewhere = path.join(tree.outside, 'frames');
    fs.mkdirSync(elsewhere);
    makeFrameFixtures(elsewhere);
    fs.symlinkSync(path.join(elsewhere, 'pilatus_0001.cbf'), path.join(tree.session, 'linked.cbf'));
    const linked = path.join(tree.session, 'linked-data');
    fs.mkdirSync(linked);
    fs.copyFileSync(path.join(tree.session, 'eiger_master.h5'), path.join(linked, 'eiger_master.h5'));
    for (const data of ['eiger_data_000001.h5', 'eiger_data_000002.h5']) fs.symlinkSync(path.join(elsewhere, data), path.join(linked, data));
    // Masters whose external links name the data files outside, by absolute path and by "..".
    const named = path.join(tree.session, 'named-outside');
    fs.mkdirSync(named);
    const byDots = path.relative(named, path.join(elsewhere, 'eiger_data_000001.h5'));
    execFileSync(PYTHON, ['-c', `
import h5py, sys
for name, target in (('absolute_master.h5', sys.argv[1]), ('dots_master.h5', sys.argv[2])):
    with h5py.File(sys.argv[3] + '/' + name, 'w') as f:
        f['entry/data/data_000001'] = h5py.ExternalLink(target, '/entry/data/data')
`, path.join(elsewhere, 'eiger_data_000001.h5'), byDots, named]);
    // Damaged files: cut short, or with headers promising far more pixels than there are.
    const cbf = fs.readFileSync(path.join(tree.session, 'pilatus_0001.cbf'));
    fs.writeFileSync(path.join(tree.session, 'short.cbf'), cbf.subarray(0, cbf.length - 5000));
    fs.writeFileSync(path.join(tree.session, 'huge.cbf'), Buffer.from(cbf.toString('latin1').replace(/Fastest-Dimension: 300/, 'Fastest-Dimension: 3000000'), 'latin1'));
    const smv = fs.readFileSync(path.join(tree.session, 'adsc_0001.img'));
    fs.writeFileSync(path.join(tree.session, 'short.img'), smv.subarray(0, smv.length - 10));
    fs.writeFileSync(path.join(tree.session, 'huge.img'), Buffer.from(smv.toString('latin1').replace('SIZE1= 280;', 'SIZE1=2800000;'), 'latin1'));
    const master = fs.readFileSync(path.join(tree.session, 'eiger_master.h5'));
    fs.writeFileSync(path.join(tree.session, 'short_master.h5'), master.subarray(0, 3000));
    server = await startTestServer({ env: tree.env });
    key = (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: tree.session } })).json().key;
  });
  after(async () => {
    await server?.close();
    tree.remove();
  });

  test('the frames themselves render (the cases below differ only in what they ask)', async () => {
    for (const rest of ['pilatus_0001.cbf/nm.png', 'eiger_master.h5/000005/nm.png', 'eiger_master.h5/nm.png']) {
      const response = await frame(rest);
      assert.equal(response.statusCode, 200);
      assert.equal(readGreyPng(response.rawPayload).width, 1024, rest);
      assert.ok(!response.rawPayload.equals(PLACEHOLDER), rest);
    }
  });

  test('a missing file, an HDF5 frame past the end, and files that are no frame get the placeholder', async () => {
    for (const rest of [
      'nothing_0001.cbf/nm.png', 'eiger_master.h5/000006/nm.png', 'eiger_master.h5/000000/nm.png',
      'pilatus_0001.cbf/000001/nm.png', 'scan.xdi/nm.png', 'empty.dat/nm.png', 'sub/nm.png', 'frame_0001.img/dk.png',
      'nothing_0001.cbf/region.png?x=0&y=0&w=10&h=10',
    ]) await assertPlaceholder(rest);
  });

  test('damaged files get the placeholder, not an error', async () => {
    for (const rest of ['short.cbf/nm.png', 'huge.cbf/nm.png', 'short.img/nm.png', 'huge.img/lt.png', 'short_master.h5/000001/nm.png']) {
      await assertPlaceholder(rest);
    }
  });

  test('unknown, malformed and revoked keys get the placeholder', async () => {
    await assertPlaceholder('pilatus_0001.cbf/nm.png', '0'.repeat(40));
    await assertPlaceholder('pilatus_0001.cbf/nm.png', 'not-a-key');
    const other = (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: tree.session } })).json().key;
    assert.ok(!(await frame('smv.pixels/../adsc_0001.img/nm.png', other)).rawPayload.equals(PLACEHOLDER));
    await server.platform.db.updateTable('proxy_keys').set({ revoked_at: new Date().toISOString() }).where('key', '=', other).execute();
    await assertPlaceholder('adsc_0001.img/nm.png', other);
  });

  test('no way out of the key\'s directory: dot segments, symlinks, HDF5 data files outside', async () => {
    for (const rest of [
      `%2e%2e%2f%2e%2e%2f%2e%2e%2foutside%2fframes%2fpilatus_0001.cbf/nm.png`,
      `/${path.relative('/', tree.outside)}/frames/pilatus_0001.cbf/nm.png`,
      'linked.cbf/nm.png', 'escape-dir/frames/adsc_0001.img/nm.png',
      'linked-data/eiger_master.h5/000001/nm.png', 'linked-data/eiger_master.h5/000005/region.png?x=0&y=0&w=5&h=5',
      'named-outside/absolute_master.h5/000001/nm.png', 'named-outside/dots_master.h5/000001/nm.png',
    ]) await assertPlaceholder(rest);
  });

  test('on a real socket, dot segments sent verbatim get the placeholder too', async () => {
    // inject() and fetch() fold "..", so a raw HTTP request is the honest check.
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const outsideFromSession = path.relative(tree.session, path.join(tree.outside, 'frames'));
    for (const rest of [`${outsideFromSession}/pilatus_0001.cbf/nm.png`, `sub/../../../../../outside/frames/smv.pixels/../adsc_0001.img/dk.png`]) {
      const response = await new Promise<{ status: number; type: string | undefined; body: Buffer }>((resolve, reject) => {
        const rawPath = `/download/files/frame/${key}/${rest}`;
        http.get(`${address}${rawPath}`, { path: rawPath }, (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk))
            .on('end', () => resolve({ status: answer.statusCode ?? 0, type: answer.headers['content-type'], body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
      assert.equal(response.status, 200, rest);
      assert.equal(response.type, 'image/png', rest);
      assert.ok(response.body.equals(PLACEHOLDER), rest);
    }
  });

  test('a key whose directory is outside the data roots answers as raw does: 404 saying why', async () => {
    const service = new DataProxyService(server.platform.db, server.config.dataProxy);
    const outsideKey = await service.keyWithoutFiles(path.join(tree.outside, 'frames'));
    const response = await frame('pilatus_0001.cbf/nm.png', outsideKey);
    assert.equal(response.statusCode, 404);
    assert.match(response.json().detail, /outside the configured data roots/);
    const raw = await server.app.inject({ method: 'GET', url: `/download/files/raw/${outsideKey}/pilatus_0001.cbf` });
    assert.equal(raw.json().detail, response.json().detail);
  });

  test('a URL not ending in a brightness code or region.png is 404 {"detail"}', async () => {
    for (const rest of ['pilatus_0001.cbf/nml.png', 'pilatus_0001.cbf/n.png', 'pilatus_0001.cbf/nm.jpg', 'pilatus_0001.cbf', 'nm.png']) {
      const response = await frame(rest);
      assert.equal(response.statusCode, 404, rest);
      assert.match(response.json().detail, /brightness/, rest);
    }
  });

  test('bad region parameters are a 400 naming each field; nothing outside the frame, nothing too large', async () => {
    const cases: Array<[string, string[]]> = [
      ['', ['x', 'y', 'w', 'h']],
      ['x=1&y=2&w=3', ['h']],
      ['x=-1&y=0&w=3&h=3', ['x']],
      ['x=1.5&y=0&w=3&h=3', ['x']],
      ['x=0&y=zero&w=3&h=3', ['y']],
      ['x=0&y=0&w=0&h=3', ['w']],
      ['x=0&y=0&w=3&h=3&bb=bright', ['bb']],
      ['x=0&y=0&w=3&h=3&x=4', ['x']],
      ['x=0&y=0&w=4096&h=2048', ['w', 'h']],
    ];
    for (const [query, fields] of cases) {
      const response = await frame(`pilatus_0001.cbf/region.png?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.equal(typeof response.json().detail, 'string', query);
      assert.deepEqual(Object.keys(response.json().fields).sort(), [...fields].sort(), query);
    }
    // The frame is 300 × 260.
    for (const query of ['x=290&y=0&w=11&h=10', 'x=0&y=251&w=10&h=10', 'x=300&y=0&w=1&h=1']) {
      const response = await frame(`pilatus_0001.cbf/region.png?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.match(response.json().detail, /300 × 260/);
    }
    assert.equal((await frame('pilatus_0001.cbf/region.png?x=290&y=250&w=10&h=10')).statusCode, 200, 'the last pixels are inside');
  });
});
