// /metrics counts requests by route pattern and status, and what the Data Proxy hands out: bytes
// of files, archives and frame previews (not of HEAD requests or refusals), and previews rendered
// or taken from the cache.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { makeDataTree } from '../../dataproxy/data-tree.ts';
import type { DataTree } from '../../dataproxy/data-tree.ts';
import { grew, scrape } from './scrape.ts';

const RAW_ROUTE = '/download/files/raw/:key/*';
const REQUESTS = 'lightpath_http_request_duration_seconds_count';
const BYTES = 'lightpath_dataproxy_bytes_sent_total';

/** A small SMV diffraction frame (the format needs nothing but a text header and the pixels). */
function smvFrame(width: number, height: number): Buffer {
  const header = Buffer.alloc(512, ' ');
  header.write(`{\nHEADER_BYTES=512;\nDIM=2;\nBYTE_ORDER=little_endian;\nTYPE=unsigned_short;\nSIZE1=${width};\nSIZE2=${height};\n}\n`, 'latin1');
  const pixels = Buffer.alloc(width * height * 2);
  for (let i = 0; i < width * height; i++) pixels.writeUInt16LE((i * 37) % 1000, i * 2);
  return Buffer.concat([header, pixels]);
}

describe('metrics: requests and Data Proxy downloads', () => {
  let tree: DataTree;
  let server: TestServer;
  let key: string;
  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

  before(async () => {
    tree = makeDataTree();
    fs.writeFileSync(path.join(tree.session, 'diffraction_0001.img'), smvFrame(64, 48));
    server = await startTestServer({ env: tree.env });
    key = (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: 'bob/CMCFID-1' } })).json().key;
  });
  after(async () => {
    await server.close();
    tree.remove();
  });

  test('requests are counted by route pattern, method and status, never by the URL asked for', async () => {
    const before = await scrape(server.app);
    assert.equal((await get('/healthz')).statusCode, 200);
    assert.equal((await get('/healthz')).statusCode, 200);
    assert.equal((await get('/rest/v1/no-such-page-7391')).statusCode, 404);
    assert.equal((await get(`/download/files/raw/${key}/scan.xdi`)).statusCode, 200);
    assert.equal((await get(`/download/files/raw/${key}/missing-4412.txt`)).statusCode, 404);
    const after = await scrape(server.app);

    assert.equal(grew(before, after, REQUESTS, { method: 'GET', route: '/healthz', status_code: '200' }), 2);
    // What no API route claims falls to the web app's catch-all pattern.
    assert.equal(grew(before, after, REQUESTS, { method: 'GET', route: '/*', status_code: '404' }), 1);
    assert.equal(grew(before, after, REQUESTS, { method: 'GET', route: RAW_ROUTE, status_code: '200' }), 1);
    assert.equal(grew(before, after, REQUESTS, { method: 'GET', route: RAW_ROUTE, status_code: '404' }), 1);
    // The latency histogram has its buckets and sum beside the count.
    assert.ok((after.value('lightpath_http_request_duration_seconds_bucket', { method: 'GET', route: '/healthz', status_code: '200', le: '+Inf' }) ?? 0) >= 2);
    assert.ok(after.value('lightpath_http_request_duration_seconds_sum', { method: 'GET', route: '/healthz', status_code: '200' }) !== undefined);
    for (const raw of [key, 'page-7391', 'missing-4412', 'scan.xdi']) assert.ok(!after.text.includes(raw), `the scrape names ${raw}`);
  });

  test('bytes served are counted by kind: whole files, ranges, archives; not HEAD or refusals', async () => {
    const before = await scrape(server.app);
    const whole = await get(`/download/files/raw/${key}/frame_0001.img`);
    assert.equal(whole.rawPayload.length, tree.frame.length);
    const range = await get(`/download/files/raw/${key}/frame_0001.img`, { range: 'bytes=100-199' });
    assert.equal(range.statusCode, 206);
    assert.equal((await server.app.inject({ method: 'HEAD', url: `/download/files/raw/${key}/frame_0001.img` })).statusCode, 200);
    assert.equal((await get(`/download/files/raw/${key}/frame_0001.img`, { range: 'bytes=999999-' })).statusCode, 416);
    assert.equal((await get(`/download/files/raw/${key}/nothing-here.img`)).statusCode, 404);
    const afterRaw = await scrape(server.app);
    assert.equal(grew(before, afterRaw, BYTES, { kind: 'raw' }), tree.frame.length + 100);

    const archive = await get(`/download/files/archive/${key}/CMCFID-1.tar.gz`);
    assert.equal(archive.statusCode, 200);
    assert.ok(archive.rawPayload.length > 0);
    const afterArchive = await scrape(server.app);
    assert.equal(grew(afterRaw, afterArchive, BYTES, { kind: 'archive' }), archive.rawPayload.length);
  });

  test('frame previews are counted as rendered, then from the cache, with their bytes', async () => {
    const before = await scrape(server.app);
    const first = await get(`/download/files/frame/${key}/diffraction_0001.img/nm.png`);
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['x-lightpath-frame'], 'rendered');
    const second = await get(`/download/files/frame/${key}/diffraction_0001.img/nm.png`);
    assert.equal(second.headers['x-lightpath-frame'], 'cached');
    const after = await scrape(server.app);
    assert.equal(grew(before, after, 'lightpath_frame_previews_total', { how: 'rendered' }), 1);
    assert.equal(grew(before, after, 'lightpath_frame_previews_total', { how: 'cached' }), 1);
    assert.equal(grew(before, after, BYTES, { kind: 'frame' }), first.rawPayload.length + second.rawPayload.length);
  });
});
