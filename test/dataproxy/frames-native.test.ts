// The native inner loops of frame previews (native/frame_render.c) against their JavaScript twins:
// the same CBF, SMV and HDF5 frames, at every brightness, rendered by a server using the addon and
// by one with LIGHTPATH_NATIVE=off, have the same pixels; the counters show which loops ran. A
// frame cut short inside its data is the placeholder either way, and the addon refuses arrays
// that do not fit instead of reading or writing past them. A CBF decoded in two parts (the helper
// thread drawing the upper band meanwhile) makes the same preview, byte for byte, as a kept frame.
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

  test('a CBF preview has the same bytes drawn while its frame decodes and from the frame its worker keeps', async () => {
    const frame = await serverWith(true);
    const pilatus = `${fixtures.byName('pilatus_0001').path}/dk.png`;
    // Another frame first, so the next request decodes the CBF afresh (in two parts); the one
    // after it draws from the frame the worker kept.
    await frame(`${fixtures.byName('smv').path}/dk.png`);
    const fresh = await frame(pilatus);
    const kept = await frame(pilatus);
    assert.equal(fresh.headers['cache-control'], 'no-cache', 'rendered, not the placeholder');
    assert.ok(fresh.rawPayload.equals(kept.rawPayload));
    assert.equal(fresh.headers.etag, kept.headers.etag);
  });

  test('the addon decodes a CBF in two calls as in one, carrying the last value and the byte offset', { skip: SWITCHED_OFF }, () => {
    const addon = frameRenderAddon();
    assert.ok(addon);
    const bytes = fs.readFileSync(path.join(tree.session, 'pilatus_0001.cbf'));
    const start = bytes.indexOf(Buffer.from([0x0c, 0x1a, 0x04, 0xd5])) + 4;
    const width = Number(/X-Binary-Size-Fastest-Dimension:\s*(\d+)/.exec(bytes.toString('latin1', 0, start))![1]);
    const whole = new Int32Array(Number(/X-Binary-Size-Second-Dimension:\s*(\d+)/.exec(bytes.toString('latin1', 0, start))![1]) * width);
    const contrast = new Float64Array(2);
    assert.ok(addon.decodeByteOffset(bytes, start, whole, width, 10, 10, 2 ** 31 - 1, contrast) > 0);
    const parts = new Int32Array(whole.length);
    const carry = new Float64Array([0, 0]);
    const rows = Math.floor(whole.length / width / 3);
    assert.ok(addon.decodeByteOffset(bytes, start, parts.subarray(0, rows * width), width, 10, 10, 2 ** 31 - 1, new Float64Array(2), carry) > 0);
    assert.equal(addon.decodeByteOffset(bytes, carry[1], parts.subarray(rows * width), width, 0, 0, 2 ** 31 - 1, new Float64Array(2), carry), 0);
    assert.ok(Buffer.from(parts.buffer).equals(Buffer.from(whole.buffer)));
    assert.throws(() => addon.decodeByteOffset(bytes, start, parts, width, 0, 0, 10, new Float64Array(2), new Float64Array(1)), /carry/);
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
