// The frame preview cache: a second request is served from the cache (memory, then disk), with an
// ETag that If-None-Match turns into a 304; a changed, deleted or swapped
// source (for HDF5 also the data file) is rendered again or gets the placeholder, never the stale
// image; the cache stays under its size limit by evicting the least recently used; identical
// requests arriving together render once; and the server answers others while a big frame renders.
// A rendering is answered before its cache entry reaches the disk: the tests that read the cache
// directory wait for the entry (a bounded wait), and the limit is checked at every change of it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';
import { makeFrameFixtures } from './frame-fixtures.ts';

const PLACEHOLDER = fs.readFileSync(new URL('../../src/dataproxy/assets/frame-missing.png', import.meta.url));
const CACHE_MB = 1;

describe('data proxy: the frame preview cache', () => {
  let tree: DataTree;
  let server: TestServer;
  let key: string;
  const frame = (rest: string) => server.app.inject({ method: 'GET', url: `/download/files/frame/${key}/${rest}` });
  const at = (...parts: string[]) => path.join(tree.session, ...parts);

  const cacheDir = () => path.join(server.config.dataDir, 'frame-cache');
  const cachedBytes = () => fs.readdirSync(cacheDir()).filter((name) => name.endsWith('.png'))
    .reduce((sum, name) => sum + (fs.statSync(path.join(cacheDir(), name), { throwIfNoEntry: false })?.size ?? 0), 0);

  /** Waits (a bounded number of turns) until the cache directory holds a PNG with these bytes. */
  async function onDisk(png: Buffer): Promise<void> {
    for (let turn = 0; turn < 500; turn++) {
      const names = fs.existsSync(cacheDir()) ? fs.readdirSync(cacheDir()).filter((name) => name.endsWith('.png')) : [];
      if (names.some((name) => fs.readFileSync(path.join(cacheDir(), name)).equals(png))) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.fail('the rendered preview never reached the cache directory');
  }

  async function rendered(rest: string, how: string): Promise<Buffer> {
    const response = await frame(rest);
    assert.equal(response.statusCode, 200, rest);
    assert.equal(response.headers['x-lightpath-frame'], how, rest);
    return response.rawPayload;
  }

  before(async () => {
    tree = makeDataTree();
    makeFrameFixtures(tree.session, { big: true });
    server = await startTestServer({ env: { ...tree.env, LIGHTPATH_FRAME_CACHE_MB: String(CACHE_MB) } });
    key = (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: tree.session } })).json().key;
  });
  after(async () => {
    await server?.close();
    tree.remove();
  });

  test('the second request for a frame is served from the cache, byte for byte', async () => {
    const first = await rendered('pilatus_0001.cbf/nm.png', 'rendered');
    const second = await rendered('pilatus_0001.cbf/nm.png', 'cached');
    assert.ok(second.equals(first));
    await rendered('pilatus_0001.cbf/dk.png', 'rendered');
    await rendered('pilatus_0001.cbf/region.png?x=1&y=2&w=30&h=40', 'rendered');
    await rendered('pilatus_0001.cbf/region.png?x=1&y=2&w=30&h=40', 'cached');
    await rendered('pilatus_0001.cbf/region.png?x=1&y=2&w=30&h=41', 'rendered');
  });

  test('a preview carries an ETag: asked with it, the answer is 304 without the bytes, until the file changes', async () => {
    fs.copyFileSync(at('adsc_0001.img'), at('tagged.img'));
    const first = await frame('tagged.img/nm.png');
    const etag = first.headers.etag as string;
    assert.match(etag, /^"[\w-]+"$/);
    const cached = await frame('tagged.img/nm.png');
    assert.equal(cached.headers['x-lightpath-frame'], 'cached');
    assert.equal(cached.headers.etag, etag, 'the same bytes, the same ETag');
    const again = await server.app.inject({ method: 'GET', url: `/download/files/frame/${key}/tagged.img/nm.png`, headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.rawPayload.length, 0);
    assert.equal(again.headers.etag, etag);
    const other = await server.app.inject({ method: 'GET', url: `/download/files/frame/${key}/tagged.img/dk.png`, headers: { 'if-none-match': etag } });
    assert.equal(other.statusCode, 200, 'another brightness is another image');
    fs.copyFileSync(at('pilatus_0001.cbf'), at('tagged.img'));
    const changed = await server.app.inject({ method: 'GET', url: `/download/files/frame/${key}/tagged.img/nm.png`, headers: { 'if-none-match': etag } });
    assert.equal(changed.statusCode, 200, 'a changed file is a new image');
    assert.equal(changed.headers['x-lightpath-frame'], 'rendered');
    assert.notEqual(changed.headers.etag, etag);
  });

  test('a server started again answers from the previews cached on disk, and still notices a changed file', async () => {
    fs.copyFileSync(at('adsc_0001.img'), at('kept.img'));
    const rendered0 = await rendered('kept.img/lt.png', 'rendered');
    await onDisk(rendered0);
    const again = await startTestServer({ database: server.database, env: { ...tree.env, LIGHTPATH_FRAME_CACHE_MB: String(CACHE_MB) } });
    try {
      const get = (rest: string) => again.app.inject({ method: 'GET', url: `/download/files/frame/${key}/${rest}` });
      const fromDisk = await get('kept.img/lt.png');
      assert.equal(fromDisk.headers['x-lightpath-frame'], 'cached');
      assert.ok(fromDisk.rawPayload.equals(rendered0));
      fs.copyFileSync(at('pilatus_0001.cbf'), at('kept.img'));
      assert.equal((await get('kept.img/lt.png')).headers['x-lightpath-frame'], 'rendered');
    } finally {
      await again.app.close();
      await again.platform.close();
    }
  });

  test('a changed file is rendered again: the new content, not the cached image', async () => {
    fs.copyFileSync(at('adsc_0001.img'), at('changing.img'));
    const before = await rendered('changing.img/nm.png', 'rendered');
    await rendered('changing.img/nm.png', 'cached');
    fs.copyFileSync(at('pilatus_0001.cbf'), at('changing.img'));
    const after = await rendered('changing.img/nm.png', 'rendered');
    assert.ok(!after.equals(before));
    assert.ok(after.equals(await rendered('pilatus_0001.cbf/nm.png', 'cached')), 'the CBF now under that name');
  });

  test('an HDF5 frame is rendered again when its data file changes', async () => {
    const dir = at('hdf5-changing');
    fs.mkdirSync(dir);
    for (const name of ['eiger_master.h5', 'eiger_data_000001.h5', 'eiger_data_000002.h5']) fs.copyFileSync(at(name), path.join(dir, name));
    await rendered('hdf5-changing/eiger_master.h5/000004/lt.png', 'rendered');
    await rendered('hdf5-changing/eiger_master.h5/000004/lt.png', 'cached');
    // The second data file now holds frames 1–3 only: frame 4 is gone.
    fs.copyFileSync(at('eiger_data_000001.h5'), path.join(dir, 'eiger_data_000002.h5'));
    const response = await frame('hdf5-changing/eiger_master.h5/000004/lt.png');
    assert.ok(response.rawPayload.equals(PLACEHOLDER));
  });

  test('a deleted file gets the placeholder, not its cached image', async () => {
    fs.copyFileSync(at('adsc_0001.img'), at('doomed.img'));
    await rendered('doomed.img/xl.png', 'rendered');
    await rendered('doomed.img/xl.png', 'cached');
    fs.rmSync(at('doomed.img'));
    const response = await frame('doomed.img/xl.png');
    assert.equal(response.statusCode, 200);
    assert.ok(response.rawPayload.equals(PLACEHOLDER));
  });

  test('a directory swapped for a symlink out of the key\'s directory is not served from the cache', async () => {
    fs.mkdirSync(at('swap'));
    fs.copyFileSync(at('pilatus_0001.cbf'), at('swap', 'pilatus_0001.cbf'));
    await rendered('swap/pilatus_0001.cbf/lt.png', 'rendered');
    await rendered('swap/pilatus_0001.cbf/lt.png', 'cached');
    // The same bytes, but outside: found through the swapped-in symlink, they must not be shown.
    fs.copyFileSync(at('pilatus_0001.cbf'), path.join(tree.outside, 'pilatus_0001.cbf'));
    fs.renameSync(at('swap'), at('swap.away'));
    fs.symlinkSync(tree.outside, at('swap'));
    const response = await frame('swap/pilatus_0001.cbf/lt.png');
    assert.ok(response.rawPayload.equals(PLACEHOLDER));
  });

  test('identical requests arriving together render the frame once', async () => {
    const responses = await Promise.all(Array.from({ length: 6 }, () => frame('big_0001.cbf/nm.png')));
    const hows = responses.map((response) => response.headers['x-lightpath-frame']).sort();
    assert.deepEqual(hows, ['joined', 'joined', 'joined', 'joined', 'joined', 'rendered']);
    for (const response of responses) assert.ok(response.rawPayload.equals(responses[0].rawPayload));
  });

  test('the server answers other requests while a big frame renders on a worker thread', async () => {
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    let frameDone = false;
    const big = fetch(`${address}/download/files/frame/${key}/big_0001.cbf/dk.png`).then(async (response) => {
      frameDone = true;
      return response;
    });
    const health = await fetch(`${address}/healthz`);
    assert.equal(health.status, 200);
    assert.equal(frameDone, false, '/healthz answered while the frame was still rendering');
    const response = await big;
    assert.equal(response.headers.get('x-lightpath-frame'), 'rendered');
  });

  test('the cache stays under its size limit, evicting the least recently used previews', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `copy_${i}.cbf`);
    for (const name of names) fs.copyFileSync(at('pilatus_0001.cbf'), at(name));
    // Entries are written after their answer, while the next frame renders: the limit must hold
    // at every change of the directory, not only once the writes are over.
    let most = 0;
    fs.mkdirSync(cacheDir(), { recursive: true }); // there already, unless this test runs alone
    const watcher = fs.watch(cacheDir(), () => { most = Math.max(most, cachedBytes()); });
    try {
      for (const name of names) await rendered(`${name}/dk.png`, 'rendered');
    } finally {
      watcher.close();
    }
    const total = cachedBytes();
    assert.ok(total <= CACHE_MB * 1024 * 1024, `${total} bytes cached`);
    assert.ok(most <= CACHE_MB * 1024 * 1024, `${most} bytes cached at one moment`);
    await rendered(`${names.at(-1)}/dk.png`, 'cached');
    await rendered(`${names[0]}/dk.png`, 'rendered');
  });

  test('LIGHTPATH_FRAME_CACHE_MB is a whole number of MiB; anything else stops the start with its name', () => {
    assert.equal(loadConfig({}).dataProxy.frameCacheBytes, 1024 * 1024 * 1024);
    assert.equal(loadConfig({ LIGHTPATH_FRAME_CACHE_MB: '0' }).dataProxy.frameCacheBytes, 0);
    for (const bad of ['-1', '1.5', 'lots']) {
      assert.throws(() => loadConfig({ LIGHTPATH_FRAME_CACHE_MB: bad }), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.problems.join('\n'), /LIGHTPATH_FRAME_CACHE_MB must be a whole number/);
        return true;
      });
    }
  });
});
