// The native inner loops of frame previews (native/frame_render.c) against their JavaScript twins:
// the same CBF, SMV and HDF5 frames, at every brightness, rendered by a server using the addon and
// by one with LIGHTPATH_NATIVE=off, have the same pixels; the counters show which loops ran. A
// frame cut short inside its data is the placeholder either way, and the addon refuses arrays
// that do not fit instead of reading or writing past them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import type { LightMyRequestResponse } from 'fastify';
import { frameRenderAddon } from '../../src/dataproxy/frames/frame-addon.ts';
import { renderedBy } from '../../src/dataproxy/frames/previews.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';
import { makeFrameFixtures, readGreyPng } from './frame-fixtures.ts';
import type { FrameFixtures } from './frame-fixtures.ts';

/** A run of the suite with the native code off (LIGHTPATH_NATIVE=off) has no addon to check; the comparison still switches per server. */
const SWITCHED_OFF = process.env.LIGHTPATH_NATIVE === 'off' && 'LIGHTPATH_NATIVE=off: the addon is not loaded in this run';
const FRAMES = ['pilatus_0001', 'masked_0001', 'smv', 'eiger_1'];
const CODES = ['nm', 'dk', 'lt', 'xl', 'zz'];

describe('data proxy: native frame rendering', () => {
  let tree: DataTree;
  let fixtures: FrameFixtures;
  const servers: TestServer[] = [];

  /** A server of its own (no preview cache, so every request renders); its frame workers start, and copy the environment, on its first request. */
  async function serverWith(native: boolean) {
    const server = await startTestServer({ env: { ...tree.env, LIGHTPATH_FRAME_CACHE_MB: '0' } });
    servers.push(server);
    const key = (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: tree.session } })).json().key as string;
    const previous = process.env.LIGHTPATH_NATIVE;
    if (native) delete process.env.LIGHTPATH_NATIVE;
    else process.env.LIGHTPATH_NATIVE = 'off';
    try {
      await server.app.inject({ method: 'GET', url: `/download/files/frame/${key}/pilatus_0001.cbf/nm.png` });
    } finally {
      if (previous === undefined) delete process.env.LIGHTPATH_NATIVE;
      else process.env.LIGHTPATH_NATIVE = previous;
    }
    return (rest: string): Promise<LightMyRequestResponse> => server.app.inject({ method: 'GET', url: `/download/files/frame/${key}/${rest}` });
  }

  /** Grey pixels of every frame at every brightness, and how many renders each kind of loop did meanwhile. */
  async function renderAll(frame: (rest: string) => Promise<LightMyRequestResponse>) {
    const before = { ...renderedBy };
    const images = new Map<string, Uint8Array>();
    for (const name of FRAMES) {
      for (const code of CODES) {
        const response = await frame(`${fixtures.byName(name).path}/${code}.png`);
        assert.equal(response.statusCode, 200);
        assert.notEqual(response.headers['cache-control'], 'no-store', `${name} ${code} is rendered, not the placeholder`);
        images.set(`${name} ${code}`, readGreyPng(response.rawPayload).grey);
      }
    }
    const short = await frame('short.cbf/nm.png');
    assert.equal(short.headers['cache-control'], 'no-store', 'a CBF cut short inside its data is the placeholder');
    return { images, native: renderedBy.native - before.native, javascript: renderedBy.javascript - before.javascript };
  }

  before(async () => {
    tree = makeDataTree();
    fixtures = makeFrameFixtures(tree.session);
    const cbf = fs.readFileSync(path.join(tree.session, 'pilatus_0001.cbf'));
    fs.writeFileSync(path.join(tree.session, 'short.cbf'), cbf.subarray(0, cbf.length - 5000));
  });
  after(async () => {
    for (const server of servers) await server.close();
    tree?.remove();
  });

  test('the addon was built (npm install and npm test build it with gcc: scripts/build-native.js)', { skip: SWITCHED_OFF }, () => {
    assert.ok(frameRenderAddon(), 'native/build/frame_render.node did not load: is gcc installed? `node scripts/build-native.js` says why');
  });

  test('native and JavaScript loops draw the same pixels for CBF, SMV and HDF5 frames at every brightness', async () => {
    const native = await renderAll(await serverWith(true));
    const javascript = await renderAll(await serverWith(false));
    const renders = FRAMES.length * CODES.length;
    assert.deepEqual([native.native, native.javascript], [renders, 0], 'the first server rendered every preview natively');
    assert.deepEqual([javascript.native, javascript.javascript], [0, renders], 'with LIGHTPATH_NATIVE=off every preview is rendered by the JavaScript loops');
    for (const [image, grey] of native.images) {
      assert.ok(Buffer.from(grey).equals(Buffer.from(javascript.images.get(image)!)), `${image}: the same pixels both ways`);
    }
  });

  test('the addon throws on arrays that do not fit its arguments, rather than reading or writing past them', { skip: SWITCHED_OFF }, () => {
    const addon = frameRenderAddon();
    assert.ok(addon);
    const pixels = new Int32Array(100 * 80);
    assert.throws(() => addon.greyResizeRows(pixels, 100, 81, 64, 64, 0, 64, 0, 1, new Uint8Array(64 * 64)), /size does not match/);
    assert.throws(() => addon.greyResizeRows(pixels, 100, 80, 64, 64, 0, 64, 0, 1, new Uint8Array(64 * 63)), /do not fit/);
    assert.throws(() => addon.greyResizeRows(new Float64Array(100 * 80) as unknown as Int32Array, 100, 80, 64, 64, 0, 64, 0, 1, new Uint8Array(64 * 64)), /integer typed array/);
    assert.throws(() => addon.regionContrast(pixels, 100, 81, 50, 10, new Float64Array(2)), /outside the pixels/);
    assert.throws(() => addon.decodeByteOffset(new Uint8Array(10), 0, pixels, 100, 200, 50, 10, new Float64Array(2)), /outside the pixels/);
    assert.throws(() => addon.pngFilterUp(new Uint8Array(64 * 64), 64, new Uint8Array(64 * 64)), /too short/);
    // Sizes whose product would overflow the bounds checks are refused outright.
    assert.throws(() => addon.greyResizeRows(pixels, 2 ** 40, 2 ** 40, 64, 64, 0, 64, 0, 1, new Uint8Array(64 * 64)), /width must be a whole number/);
    // Data that ends early: −1 − the count of values decoded.
    assert.equal(addon.decodeByteOffset(new Uint8Array([1, 2, 3]), 0, pixels, 100, 0, 0, 10, new Float64Array(2)), -4);
  });
});
