// LIGHTPATH_DOWNLOAD_FRONTEND=nginx: a real nginx, configured with the very block of
// docs/deployment.md, in front of Lightpath on loopback. Lightpath still checks keys and paths;
// nginx sends the bytes (ranges and HEAD included) and never lets clients into its internal locations.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';
import { NGINX, nginxInstalled, startNginx } from './nginx.ts';
import type { RunningNginx } from './nginx.ts';
import { documentedNginxConfig } from './documented-nginx.ts';

const SANDBOXED = "sandbox; default-src 'none'";
const VIEWABLE = "default-src 'none'; img-src 'self'; media-src 'self'";
const AWKWARD = 'a b%#?&é+.txt';

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** A request whose path is sent exactly as written (fetch folds dot segments). */
function request(base: string, rawPath: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http.request(base, { path: rawPath, method: options.method ?? 'GET', headers: options.headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject).end();
  });
}

describe('data proxy behind nginx (X-Accel-Redirect)', { skip: nginxInstalled() ? false : `${NGINX} is missing: apt-get install nginx (CI installs it)` }, () => {
  let tree: DataTree;
  let secondRoot: string;
  let server: TestServer;
  let nginx: RunningNginx;
  let key: string;
  let secondKey: string;
  const raw = (rest: string, options?: Parameters<typeof request>[2]) => request(nginx.url, `/download/files/raw/${key}/${rest}`, options);

  before(async () => {
    tree = makeDataTree();
    secondRoot = path.join(tree.base, 'second-root');
    fs.mkdirSync(path.join(secondRoot, 'run-7'), { recursive: true });
    fs.writeFileSync(path.join(secondRoot, 'run-7', 'log.txt'), 'from the second root\n');
    fs.writeFileSync(path.join(tree.session, AWKWARD), 'an awkward name\n');
    server = await startTestServer({
      env: { ...tree.env, LIGHTPATH_DATA_ROOTS: `${tree.root},${secondRoot}`, LIGHTPATH_DOWNLOAD_FRONTEND: 'nginx' },
    });
    const address = new URL(await server.app.listen({ port: 0, host: '127.0.0.1' }));
    nginx = await startNginx((port) => documentedNginxConfig({ listenPort: port, lightpathPort: Number(address.port), roots: [tree.root, secondRoot] }));
    const create = async (dir: string) => (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: dir } })).json().key as string;
    key = await create(tree.session);
    secondKey = await create(path.join(secondRoot, 'run-7'));
  });
  after(async () => {
    await nginx?.stop();
    await server?.close();
    tree?.remove();
  });

  test('Lightpath answers with X-Accel-Redirect and the file\'s headers, no body', async () => {
    const response = await server.app.inject({ method: 'GET', url: `/download/files/raw/${key}/frame_0001.img` });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['x-accel-redirect'], '/protected/0/users/bob/CMCFID-1/frame_0001.img');
    assert.equal(response.headers['content-type'], 'application/octet-stream');
    assert.equal(response.headers['content-security-policy'], SANDBOXED);
    assert.equal(response.rawPayload.length, 0);
  });

  test('nginx sends the whole file, with Lightpath\'s type and security headers', async () => {
    const response = await raw('frame_0001.img');
    assert.equal(response.status, 200, nginx.errors());
    assert.ok(response.body.equals(tree.frame));
    assert.equal(response.headers['content-length'], String(tree.frame.length));
    assert.equal(response.headers['content-type'], 'application/octet-stream');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['content-security-policy'], SANDBOXED);
    assert.equal(response.headers['x-accel-redirect'], undefined);
    const picture = await raw('crystal.png');
    assert.equal(picture.headers['content-type'], 'image/png');
    assert.equal(picture.headers['content-security-policy'], VIEWABLE);
  });

  test('a Range is answered by nginx with 206; HEAD with headers alone', async () => {
    const middle = await raw('frame_0001.img', { headers: { range: 'bytes=100-199' } });
    assert.equal(middle.status, 206);
    assert.equal(middle.headers['content-range'], `bytes 100-199/${tree.frame.length}`);
    assert.ok(middle.body.equals(tree.frame.subarray(100, 200)));
    const head = await raw('frame_0001.img', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String(tree.frame.length));
    assert.equal(head.body.length, 0);
  });

  test('names that need encoding, a second data root, and the .gz fallback (sent by Lightpath)', async () => {
    const awkward = await raw(encodeURIComponent(AWKWARD));
    assert.equal(awkward.status, 200, nginx.errors());
    assert.equal(awkward.body.toString(), 'an awkward name\n');
    const second = await request(nginx.url, `/download/files/raw/${secondKey}/log.txt`);
    assert.equal(second.status, 200, nginx.errors());
    assert.equal(second.body.toString(), 'from the second root\n');
    const linked = await raw('notes-link.txt');
    assert.equal(linked.body.toString(), 'inside a subdirectory\n', 'a symlink inside the directory is sent as the file it leads to');
    const gz = await raw('compressed.json');
    assert.equal(gz.status, 200);
    assert.deepEqual(JSON.parse(gz.body.toString()), { energy: 12.658 });
  });

  test('unknown keys and every way out of the key\'s directory are Lightpath\'s 404 JSON', async () => {
    const unknown = await request(nginx.url, `/download/files/raw/${'0'.repeat(40)}/scan.xdi`);
    assert.equal(unknown.status, 404);
    assert.deepEqual(JSON.parse(unknown.body.toString()), { detail: 'Not found.' });
    for (const attempt of ['../../../outside/secret.txt', '%2e%2e/%2e%2e/%2e%2e/outside/secret.txt', 'escape.txt', 'escape-dir/secret.txt', 'sub']) {
      const response = await raw(attempt);
      assert.equal(response.status, 404, attempt);
      assert.deepEqual(JSON.parse(response.body.toString()), { detail: 'Not found.' }, attempt);
    }
  });

  test('the internal locations cannot be asked for from outside', async () => {
    for (const direct of ['/protected/0/users/bob/CMCFID-1/scan.xdi', '/protected/1/run-7/log.txt', '/protected/0/../outside/secret.txt']) {
      const response = await request(nginx.url, direct);
      assert.equal(response.status, 404, direct);
      assert.doesNotMatch(response.body.toString(), /XDI|second root|top secret/, direct);
    }
  });

  test('the settings are checked', () => {
    assert.equal(loadConfig({}).dataProxy.accelRedirectPrefix, null);
    assert.equal(loadConfig({ LIGHTPATH_DOWNLOAD_FRONTEND: 'nginx' }).dataProxy.accelRedirectPrefix, '/protected');
    assert.equal(loadConfig({ LIGHTPATH_DOWNLOAD_FRONTEND: 'nginx', LIGHTPATH_DOWNLOAD_ACCEL_PREFIX: '/internal/files/' }).dataProxy.accelRedirectPrefix, '/internal/files');
    const refused = (env: Record<string, string>, message: RegExp) => assert.throws(() => loadConfig(env), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, message);
      return true;
    });
    refused({ LIGHTPATH_DOWNLOAD_FRONTEND: 'apache' }, /LIGHTPATH_DOWNLOAD_FRONTEND must be one of lightpath, nginx/);
    refused({ LIGHTPATH_DOWNLOAD_ACCEL_PREFIX: '/protected' }, /only used with LIGHTPATH_DOWNLOAD_FRONTEND=nginx/);
    for (const prefix of ['protected', '/pro tected', '/a/../b', '/a?b']) {
      refused({ LIGHTPATH_DOWNLOAD_FRONTEND: 'nginx', LIGHTPATH_DOWNLOAD_ACCEL_PREFIX: prefix }, /LIGHTPATH_DOWNLOAD_ACCEL_PREFIX must be a URL path/);
    }
  });
});
