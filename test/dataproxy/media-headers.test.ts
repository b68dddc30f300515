// Issue 8 item A.2: pictures, video and sound opened directly must show and play in a browser,
// so they are served without the CSP sandbox (whose opaque origin makes Chromium refuse video)
// yet with nothing allowed to run or load but the file itself; every other type stays sandboxed,
// SVG included (it can carry script). Players seek with Range requests.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { securityPolicyFor } from '../../src/platform/http/send-file.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';
import { startBench } from '../tom/rest/rest-bench.ts';
import type { Bench } from '../tom/rest/rest-bench.ts';

const SANDBOXED = "sandbox; default-src 'none'";
const VIEWABLE = "default-src 'none'; img-src 'self'; media-src 'self'";
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

describe('data proxy: security headers per file type', () => {
  let tree: DataTree;
  let server: TestServer;
  let key: string;
  const video = Buffer.alloc(50000, 7);

  before(async () => {
    tree = makeDataTree();
    for (const name of ['clip.webm', 'clip.mp4']) fs.writeFileSync(path.join(tree.session, name), video);
    fs.writeFileSync(path.join(tree.session, 'anim.gif'), Buffer.from('GIF89a'));
    fs.writeFileSync(path.join(tree.session, 'page.html'), '<script>alert(1)</script>');
    fs.writeFileSync(path.join(tree.session, 'drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    server = await startTestServer({ env: tree.env });
    key = (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: tree.session } })).json().key;
  });
  after(async () => {
    await server.close();
    tree.remove();
  });

  const raw = (name: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url: `/download/files/raw/${key}/${name}`, headers });

  test('video and pictures: no sandbox, nothing but the file itself, nosniff', async () => {
    for (const [name, type] of [['clip.webm', 'video/webm'], ['clip.mp4', 'video/mp4'], ['anim.gif', 'image/gif'], ['crystal.png', 'image/png']]) {
      const response = await raw(name);
      assert.equal(response.statusCode, 200, name);
      assert.equal(response.headers['content-type'], type, name);
      assert.equal(response.headers['content-security-policy'], VIEWABLE, name);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', name);
    }
  });

  test('everything else stays sandboxed: text, JSON, HTML and SVG (served as bytes), archives, .gz fallbacks', async () => {
    for (const name of ['scan.xdi', 'frame_0001.img', 'page.html', 'drawing.svg', 'compressed.json']) {
      const response = await raw(name);
      assert.equal(response.statusCode, 200, name);
      assert.equal(response.headers['content-security-policy'], SANDBOXED, name);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', name);
    }
    assert.equal((await raw('drawing.svg')).headers['content-type'], 'application/octet-stream');
    const archive = await server.app.inject({ method: 'GET', url: `/download/files/archive/${key}/all.tar.gz` });
    assert.equal(archive.headers['content-security-policy'], SANDBOXED);
  });

  test('a player can seek: ranges of a video come back as 206 with the same headers', async () => {
    const part = await raw('clip.webm', { range: 'bytes=1000-1999' });
    assert.equal(part.statusCode, 206);
    assert.equal(part.headers['content-range'], `bytes 1000-1999/${video.length}`);
    assert.equal(part.headers['accept-ranges'], 'bytes');
    assert.equal(part.headers['content-security-policy'], VIEWABLE);
    assert.equal(part.rawPayload.length, 1000);
  });

  test('the policy by type: SVG and other XML documents are never treated as pictures', () => {
    assert.equal(securityPolicyFor('image/svg+xml'), SANDBOXED);
    assert.equal(securityPolicyFor('IMAGE/SVG+XML; charset=utf-8'), SANDBOXED);
    assert.equal(securityPolicyFor('text/html; charset=utf-8'), SANDBOXED);
    assert.equal(securityPolicyFor('audio/ogg'), VIEWABLE);
    assert.equal(securityPolicyFor('image/webp'), VIEWABLE);
  });
});

describe('/data/ files: security headers per file type', () => {
  let b: Bench;
  before(async () => {
    b = await startBench();
  });
  after(() => b.close());

  test('a picture is viewable, a CSV stays sandboxed', async () => {
    const target = await b.target(b.alice, { identifier: 'm13', public: true });
    const png = await b.upload(b.alice, target.id, { file_name: 'thumb.png' }, PNG);
    assert.equal(png.statusCode, 201, png.body);
    const csv = await b.upload(b.alice, target.id, { file_name: 'curve.csv', data_product_type: 'photometry' }, Buffer.from('2019-08-01T00:00:00+00:00,12.5,0.05\n'));
    assert.equal(csv.statusCode, 201, csv.body);
    const picture = await b.call(b.anonymous, 'GET', png.json().url);
    assert.equal(picture.statusCode, 200);
    assert.equal(picture.headers['content-security-policy'], VIEWABLE);
    assert.equal(picture.headers['x-content-type-options'], 'nosniff');
    const table = await b.call(b.anonymous, 'GET', csv.json().url);
    assert.equal(table.statusCode, 200);
    assert.equal(table.headers['content-security-policy'], SANDBOXED);
  });
});
