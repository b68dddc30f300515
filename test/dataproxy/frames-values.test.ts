// Raw pixel values for the frame viewer (values.json, ours): a small rectangle of a CBF or an HDF5
// frame gives the writer's values with the frame's size and cutoff; bad, too large or outside
// rectangles are 400 with fields; a missing frame, an unknown key or a path leaving the key's
// directory answers {"missing": true} (200, as the pictures answer a placeholder). The decoded
// frame a worker keeps is not reused once its file changes or the path turns into a symlink out of
// the directory.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';
import { makeFrameFixtures } from './frame-fixtures.ts';
import type { FrameFixtures } from './frame-fixtures.ts';

describe('data proxy: raw frame values for the viewer', () => {
  let tree: DataTree;
  let fixtures: FrameFixtures;
  let server: TestServer;
  let key: string;
  const values = (rest: string, withKey = key) => server.app.inject({ method: 'GET', url: `/download/files/frame/${withKey}/frames/${rest}` });

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

  function expectedWindow(name: string, x: number, y: number, w: number, h: number): number[] {
    const { width } = fixtures.byName(name);
    const pixels = fixtures.pixels(name);
    const window: number[] = [];
    for (let row = y; row < y + h; row++) window.push(...pixels.subarray(row * width + x, row * width + x + w));
    return window;
  }

  test('a rectangle of a CBF and of an HDF5 frame gives the writer\'s values, the frame\'s size and cutoff', async () => {
    for (const [name, [x, y, w, h]] of [['pilatus_0001', [5, 80, 64, 64]], ['eiger_4', [230, 190, 10, 10]], ['smv', [0, 0, 1, 1]]] as const) {
      const fixture = fixtures.byName(name);
      const response = await values(`${fixture.path}/values.json?x=${x}&y=${y}&w=${w}&h=${h}`);
      assert.equal(response.statusCode, 200, response.body);
      assert.match(response.headers['content-type'] as string, /^application\/json/);
      assert.deepEqual(response.json(), {
        x, y, w, h, missing: false, width: fixture.width, height: fixture.height, cutoff: fixture.cutoff, values: expectedWindow(name, x, y, w, h),
      }, name);
    }
    const gaps = (await values(`${fixtures.byName('eiger_4').path}/values.json?x=0&y=0&w=64&h=64`)).json().values as number[];
    assert.ok(gaps.includes(-1), 'HDF5 gaps (2^32−1) read as −1');
  });

  test('bad, too large and outside rectangles are 400 with fields', async () => {
    const cbf = fixtures.byName('pilatus_0001').path;
    const bad = await values(`${cbf}/values.json?x=-1&y=a&w=0`);
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(Object.keys(bad.json().fields).sort(), ['h', 'w', 'x', 'y']);
    const large = await values(`${cbf}/values.json?x=0&y=0&w=65&h=64`);
    assert.equal(large.statusCode, 400);
    assert.match(large.json().detail, /at most 4096 pixels/);
    assert.deepEqual(Object.keys(large.json().fields).sort(), ['h', 'w']);
    const outside = await values(`${cbf}/values.json?x=290&y=0&w=20&h=1`);
    assert.equal(outside.statusCode, 400);
    assert.match(outside.json().detail, /300 × 260 pixels/);
    assert.ok(outside.json().fields.x);
  });

  test('a missing frame, a file that is no frame, an unknown key or a path leaving the directory answers {"missing": true}', async () => {
    const window = 'values.json?x=0&y=0&w=1&h=1';
    const missing = { x: 0, y: 0, w: 1, h: 1, missing: true, values: [] };
    for (const rest of [`nothing_0001.cbf/${window}`, `eiger_master.h5/000099/${window}`, `../scan.xdi/${window}`, `../escape.txt/${window}`, `../escape-dir/secret.txt/${window}`]) {
      const response = await values(rest);
      assert.equal(response.statusCode, 200, rest);
      assert.deepEqual(response.json(), missing, rest);
    }
    const unknown = await values(`${fixtures.byName('pilatus_0001').path}/${window}`, 'f'.repeat(40));
    assert.deepEqual(unknown.json(), missing);
  });

  test('a frame kept decoded is read again when its file changes, and not at all once it is a symlink out of the directory', async () => {
    const dir = fixtures.dir;
    const swapped = path.join(dir, 'swapped_0001.cbf');
    fs.copyFileSync(path.join(dir, 'pilatus_0001.cbf'), swapped);
    const window = 'swapped_0001.cbf/values.json?x=0&y=0&w=2&h=2';
    assert.equal((await values(window)).json().width, 300);
    assert.equal((await values(window)).json().width, 300, 'asked again: the same frame');

    fs.rmSync(swapped);
    fs.copyFileSync(path.join(dir, 'masked_0001.cbf'), swapped);
    assert.deepEqual((await values(window)).json().values, expectedWindow('masked_0001', 0, 0, 2, 2), 'the new file\'s values');

    fs.copyFileSync(path.join(dir, 'pilatus_0001.cbf'), path.join(tree.outside, 'outside_0001.cbf'));
    assert.equal((await values(window)).json().missing, false);
    fs.rmSync(swapped);
    fs.symlinkSync(path.join(tree.outside, 'outside_0001.cbf'), swapped);
    assert.equal((await values(window)).json().missing, true, 'a symlink out of the key\'s directory');
  });
});
