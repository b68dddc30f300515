// Frame previews, format by format: CBF (fabio), SMV/ADSC (fabio) and Eiger HDF5 master + data
// files with bitshuffle/LZ4 (h5py, hdf5plugin) decode to the writer's pixel values, and every
// brightness renders as the numpy transcription of spec §5.3 does, to within one grey level.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { readFrame } from '../../src/dataproxy/frames/read-frame.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';
import { assertGreyClose, makeFrameFixtures, readGreyPng } from './frame-fixtures.ts';
import type { FrameFixtures } from './frame-fixtures.ts';

describe('data proxy: frame previews of each format', () => {
  let tree: DataTree;
  let fixtures: FrameFixtures;
  let server: TestServer;
  let key: string;
  const frame = (rest: string) => server.app.inject({ method: 'GET', url: `/download/files/frame/${key}/frames/${rest}` });

  before(async () => {
    tree = makeDataTree();
    const dir = path.join(tree.session, 'frames');
    fs.mkdirSync(dir);
    fixtures = makeFrameFixtures(dir);
    server = await startTestServer({ env: tree.env });
    key = (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: tree.session } })).json().key;
  });
  after(async () => {
    await server?.close();
    tree.remove();
  });

  test('each reader returns the writer\'s pixels, unsigned HDF5 data read as signed (gaps −1)', async () => {
    for (const fixture of fixtures.all) {
      const { frame: decoded, sources } = await readFrame(fs.realpathSync(fixtures.dir), fixture.path);
      assert.ok(decoded, fixture.name);
      assert.deepEqual([decoded.width, decoded.height, decoded.cutoff], [fixture.width, fixture.height, fixture.cutoff], fixture.name);
      assert.deepEqual(Int32Array.from(decoded.pixels), fixtures.pixels(fixture.name), fixture.name);
      if (fixture.frame !== null) {
        assert.ok(Array.from(decoded.pixels).includes(-1), `${fixture.name}: the 2^32−1 gap reads as −1`);
        assert.equal(sources.length, fixture.frame <= 3 ? 2 : 3, `${fixture.name}: the master and the data files opened are its sources`);
      }
    }
  });

  for (const name of ['pilatus_0001', 'masked_0001', 'smv', 'eiger_1', 'eiger_4']) {
    test(`${name}: every brightness renders as the reference renderer does, 1024×1024`, async () => {
      const fixture = fixtures.byName(name);
      const seen = new Set<string>();
      for (const code of ['nm', 'dk', 'lt', 'xl']) {
        const response = await frame(`${fixture.path}/${code}.png`);
        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['content-type'], 'image/png');
        const image = readGreyPng(response.rawPayload);
        assert.deepEqual([image.width, image.height], [1024, 1024]);
        assertGreyClose(image.grey, fixtures.expected(name, code), `${name} ${code}`);
        seen.add(Buffer.from(image.grey).toString('base64'));
      }
      assert.equal(seen.size, 4, 'the four brightness codes draw four different images');
    });
  }

  test('an unknown brightness code draws an all-white image', async () => {
    const response = await frame('pilatus_0001.cbf/zz.png');
    assert.equal(response.statusCode, 200);
    const image = readGreyPng(response.rawPayload);
    assert.ok(image.grey.every((value) => value === 255));
    assertGreyClose(image.grey, fixtures.expected('pilatus_0001', 'zz'), 'zz');
  });

  test('the region route answers the frame\'s own pixels, rendered with the whole frame\'s contrast', async () => {
    const fixture = fixtures.byName('pilatus_0001');
    const full = fixtures.expected('pilatus_0001', 'full.nm');
    const [x, y, w, h] = [17, 40, 120, 90];
    const response = await frame(`${fixture.path}/region.png?x=${x}&y=${y}&w=${w}&h=${h}&bb=nm`);
    assert.equal(response.statusCode, 200);
    const image = readGreyPng(response.rawPayload);
    assert.deepEqual([image.width, image.height], [w, h]);
    const expected = new Uint8Array(w * h);
    for (let row = 0; row < h; row++) expected.set(full.subarray((y + row) * fixture.width + x, (y + row) * fixture.width + x + w), row * w);
    assertGreyClose(image.grey, expected, 'region');

    const whole = await frame(`${fixture.path}/region.png?x=0&y=0&w=${fixture.width}&h=${fixture.height}`);
    assert.equal(whole.statusCode, 200, 'bb defaults to nm; the whole frame is a region too');
    assertGreyClose(readGreyPng(whole.rawPayload).grey, full, 'whole frame');
    const hdf5 = await frame('eiger_master.h5/000004/region.png?x=200&y=150&w=40&h=50&bb=dk');
    assert.deepEqual(Object.values(readGreyPng(hdf5.rawPayload)).slice(0, 2), [40, 50]);
  });
});
