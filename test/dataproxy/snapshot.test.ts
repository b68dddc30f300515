// GET /download/files/snapshot/<key>/<path>: the image as named, else another image suffix, else
// the placeholder with 200 (also for unknown keys and escapes), so thumbnails never break.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Checks the placeholder is a real, decodable PNG: signature, IHDR size, inflatable IDAT. */
function assertRealPng(bytes: Buffer) {
  assert.ok(bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('ascii'), 'IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  assert.ok(width > 0 && height > 0);
  const idat: Buffer[] = [];
  for (let offset = 8; offset < bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.subarray(offset + 4, offset + 8).toString('ascii');
    if (type === 'IDAT') idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const pixels = zlib.inflateSync(Buffer.concat(idat));
  assert.equal(pixels.length, height * (width + 1), 'one filter byte plus one grey byte per pixel, per row');
}

describe('data proxy: snapshots', () => {
  let tree: DataTree;
  let server: TestServer;
  let key: string;
  const snapshot = (rest: string, snapshotKey = key) => server.app.inject({ method: 'GET', url: `/download/files/snapshot/${snapshotKey}/${rest}` });

  before(async () => {
    tree = makeDataTree();
    fs.writeFileSync(path.join(tree.session, 'loop.webp'), 'RIFF-webp-bytes');
    fs.writeFileSync(path.join(tree.session, 'loop.png'), 'png-bytes');
    fs.writeFileSync(path.join(tree.session, 'pin.gif'), 'GIF89a-bytes');
    server = await startTestServer({ env: tree.env });
    key = (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: tree.session } })).json().key;
  });
  after(async () => {
    await server.close();
    tree.remove();
  });

  test('the file as named is served with its type', async () => {
    const response = await snapshot('crystal.png');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'image/png');
    assert.ok(response.rawPayload.equals(fs.readFileSync(path.join(tree.session, 'crystal.png'))));
  });

  test('other suffixes are tried in order: .webp, .png, .gif', async () => {
    const webp = await snapshot('loop.tif');
    assert.equal(webp.statusCode, 200);
    assert.equal(webp.headers['content-type'], 'image/webp');
    assert.equal(webp.body, 'RIFF-webp-bytes');
    const webpFirst = await snapshot('loop.jpg');
    assert.equal(webpFirst.body, 'RIFF-webp-bytes', '.webp is preferred over .png');
    const gif = await snapshot('pin.png');
    assert.equal(gif.headers['content-type'], 'image/gif');
    assert.equal(gif.body, 'GIF89a-bytes');
    const noExtension = await snapshot('pin');
    assert.equal(noExtension.body, 'GIF89a-bytes');
  });

  test('a missing snapshot, an escape or an unknown key get the placeholder with 200', async () => {
    const placeholder = (await snapshot('nothing-here.png')).rawPayload;
    assertRealPng(placeholder);
    for (const response of [
      await snapshot('nothing-here.png'),
      await snapshot('escape.txt'),
      await snapshot('%2e%2e%2f%2e%2e%2f%2e%2e%2foutside%2fsecret.txt'),
      await snapshot('crystal.png', 'f'.repeat(40)),
      await snapshot('crystal.png', 'not-a-key'),
    ]) {
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'image/png');
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.ok(response.rawPayload.equals(placeholder));
    }
  });

  test('a revoked key gets the placeholder, not the snapshot', async () => {
    const other = (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: tree.session } })).json().key;
    assert.equal((await snapshot('loop.png', other)).body, 'png-bytes');
    await server.platform.db.updateTable('proxy_keys').set({ revoked_at: new Date().toISOString() }).where('key', '=', other).execute();
    const revoked = await snapshot('loop.png', other);
    assert.equal(revoked.statusCode, 200);
    assert.notEqual(revoked.body, 'png-bytes');
    assertRealPng(revoked.rawPayload);
  });
});
