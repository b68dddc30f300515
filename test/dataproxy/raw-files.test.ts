// GET /download/files/raw/<key>/<path>: files streamed with ranges, .gz fallback, and nothing
// outside the key's directory — by "..", encoded dots or symlinks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';

describe('data proxy: raw files', () => {
  let tree: DataTree;
  let server: TestServer;
  let key: string;
  const raw = (rest: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url: `/download/files/raw/${key}/${rest}`, headers });

  before(async () => {
    tree = makeDataTree();
    server = await startTestServer({ env: tree.env });
    const created = await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: 'bob/CMCFID-1' } });
    key = created.json().key;
  });
  after(async () => {
    await server.close();
    tree.remove();
  });

  test('a whole file, with length, type and Accept-Ranges', async () => {
    const response = await raw('frame_0001.img');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/octet-stream');
    assert.equal(response.headers['content-length'], String(tree.frame.length));
    assert.equal(response.headers['accept-ranges'], 'bytes');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.ok(response.rawPayload.equals(tree.frame));
    const text = await raw('scan.xdi');
    assert.equal(text.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(text.body, '# XDI/1.0\n1.0 2.0\n');
    const nested = await raw('sub/notes.txt');
    assert.equal(nested.body, 'inside a subdirectory\n');
  });

  test('a single range is a 206 with Content-Range; open and suffix ranges work', async () => {
    const middle = await raw('frame_0001.img', { range: 'bytes=100-199' });
    assert.equal(middle.statusCode, 206);
    assert.equal(middle.headers['content-range'], `bytes 100-199/${tree.frame.length}`);
    assert.equal(middle.headers['content-length'], '100');
    assert.ok(middle.rawPayload.equals(tree.frame.subarray(100, 200)));
    const open = await raw('frame_0001.img', { range: 'bytes=69990-' });
    assert.equal(open.statusCode, 206);
    assert.ok(open.rawPayload.equals(tree.frame.subarray(69990)));
    const suffix = await raw('frame_0001.img', { range: 'bytes=-5' });
    assert.equal(suffix.statusCode, 206);
    assert.equal(suffix.headers['content-range'], `bytes 69995-69999/${tree.frame.length}`);
    assert.ok(suffix.rawPayload.equals(tree.frame.subarray(69995)));
    const beyond = await raw('frame_0001.img', { range: 'bytes=69000-999999' });
    assert.equal(beyond.headers['content-range'], `bytes 69000-69999/${tree.frame.length}`);
  });

  test('an unsatisfiable range is a 416; several ranges or bad syntax get the whole file', async () => {
    const unsatisfiable = await raw('frame_0001.img', { range: 'bytes=70000-70010' });
    assert.equal(unsatisfiable.statusCode, 416);
    assert.equal(unsatisfiable.headers['content-range'], `bytes */${tree.frame.length}`);
    assert.match(unsatisfiable.json().detail, /not satisfiable/);
    for (const range of ['bytes=0-1,5-6', 'pages=1-2', 'bytes=9-3']) {
      const whole = await raw('frame_0001.img', { range });
      assert.equal(whole.statusCode, 200, range);
      assert.equal(whole.rawPayload.length, tree.frame.length, range);
    }
  });

  test('an empty file is served empty', async () => {
    const response = await raw('empty.dat');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-length'], '0');
    assert.equal(response.body, '');
  });

  test('HEAD answers the headers without the body', async () => {
    const response = await server.app.inject({ method: 'HEAD', url: `/download/files/raw/${key}/frame_0001.img` });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-length'], String(tree.frame.length));
    assert.equal(response.rawPayload.length, 0);
  });

  test('a missing file with a .gz twin is served decompressed', async () => {
    const response = await raw('compressed.json');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/json');
    assert.deepEqual(response.json(), { energy: 12.658 });
  });

  test('a symlink that stays inside the directory is followed', async () => {
    const response = await raw('notes-link.txt');
    assert.equal(response.statusCode, 200);
    assert.equal(response.body, 'inside a subdirectory\n');
  });

  test('missing files, directories and every way out of the directory are 404 {"detail"}', async () => {
    const attempts = [
      'nope.txt', 'sub', 'sub/', '',
      '../CMCFID-1/scan.xdi', '../../../outside/secret.txt', 'sub/../../../../outside/secret.txt',
      '%2e%2e/%2e%2e/%2e%2e/outside/secret.txt', '%2E%2E%2F%2E%2E%2F%2E%2E%2Foutside%2Fsecret.txt',
      'escape.txt', 'escape-dir/secret.txt', `/${path.relative('/', tree.outside)}/secret.txt`, 'scan.xdi%00.png',
    ];
    for (const attempt of attempts) {
      const response = await raw(attempt);
      assert.equal(response.statusCode, 404, `${attempt}: ${response.body}`);
      assert.equal(response.json().detail, 'Not found.', attempt);
      assert.doesNotMatch(response.body, /top secret/);
    }
  });

  test('on a real socket, dot segments sent verbatim reach the proxy and are refused', async () => {
    // inject() and fetch() fold "..", so a raw HTTP request is the honest check.
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const get = (rawPath: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
      http.get(`${address}${rawPath}`, { path: rawPath }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      }).on('error', reject);
    });
    const fine = await get(`/download/files/raw/${key}/sub/../scan.xdi`);
    assert.equal(fine.status, 200, 'a ".." that stays inside is harmless');
    assert.equal(fine.body, '# XDI/1.0\n1.0 2.0\n');
    for (const attempt of ['../../../outside/secret.txt', '%2e%2e/%2e%2e/%2e%2e/outside/secret.txt', 'sub/../../../../outside/secret.txt']) {
      const response = await get(`/download/files/raw/${key}/${attempt}`);
      assert.equal(response.status, 404, attempt);
      assert.doesNotMatch(response.body, /top secret/);
    }
  });

  test('a symlink swapped in after the key was made still cannot lead out', async () => {
    const created = await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: 'bob/later' } });
    assert.equal(created.statusCode, 200);
    fs.symlinkSync(tree.outside, path.join(tree.userRoot, 'bob', 'later'));
    const response = await server.app.inject({ method: 'GET', url: `/download/files/raw/${created.json().key}/secret.txt` });
    assert.equal(response.statusCode, 404);
  });

  test('unknown, malformed and revoked keys are 404', async () => {
    const unknown = await server.app.inject({ method: 'GET', url: `/download/files/raw/${'0'.repeat(40)}/scan.xdi` });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().detail, 'Not found.');
    const malformed = await server.app.inject({ method: 'GET', url: '/download/files/raw/not-a-key/scan.xdi' });
    assert.equal(malformed.statusCode, 404);
    const created = await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: 'bob/CMCFID-1' } });
    const other = created.json().key as string;
    assert.equal((await server.app.inject({ method: 'GET', url: `/download/files/raw/${other}/scan.xdi` })).statusCode, 200);
    await server.platform.db.updateTable('proxy_keys').set({ revoked_at: new Date().toISOString() }).where('key', '=', other).execute();
    const revoked = await server.app.inject({ method: 'GET', url: `/download/files/raw/${other}/scan.xdi` });
    assert.equal(revoked.statusCode, 404);
  });
});
