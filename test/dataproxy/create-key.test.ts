// POST /download/data/create/: keys for directories inside the data roots only (D13), made only
// for the main server (D14), from a form (as MxLIVE posts) or JSON (as the newer proxy's clients do).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';

const URL_CREATE = '/download/data/create/';
const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString(),
});

describe('data proxy: creating keys', () => {
  let tree: DataTree;
  let server: TestServer;
  const storedPath = async (key: string) =>
    (await server.platform.db.selectFrom('proxy_keys').select('path').where('key', '=', key).executeTakeFirst())?.path;

  before(async () => {
    tree = makeDataTree();
    server = await startTestServer({ env: tree.env });
  });
  after(async () => {
    await server.close();
    tree.remove();
  });

  test('a form-posted absolute path inside the roots gets a fresh 40-hex key each time', async () => {
    const first = await server.app.inject({ method: 'POST', url: URL_CREATE, ...form({ path: tree.session }) });
    assert.equal(first.statusCode, 200, first.body);
    const { key } = first.json();
    assert.match(key, /^[0-9a-f]{40}$/);
    assert.equal(await storedPath(key), tree.session);
    const second = await server.app.inject({ method: 'POST', url: URL_CREATE, ...form({ path: tree.session }) });
    assert.notEqual(second.json().key, key);
  });

  test('a JSON body works too, and the path is stored normalised', async () => {
    const response = await server.app.inject({ method: 'POST', url: URL_CREATE, payload: { path: `${tree.session}/./sub/../` } });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(await storedPath(response.json().key), tree.session);
  });

  test('a relative path is taken from the user root; the directory need not exist yet', async () => {
    const response = await server.app.inject({ method: 'POST', url: URL_CREATE, ...form({ path: 'bob/CMCFID-2' }) });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(await storedPath(response.json().key), path.join(tree.userRoot, 'bob', 'CMCFID-2'));
  });

  test('paths outside the roots answer 200 {"key": null}, as the newer MxLIVE proxy does (D13), and store nothing', async () => {
    for (const refused of [tree.outside, '/etc', 'bob/../../../outside', path.join(tree.userRoot, 'sneaky'), path.join(tree.userRoot, 'sneaky', 'new-dir')]) {
      const response = await server.app.inject({ method: 'POST', url: URL_CREATE, ...form({ path: refused }) });
      assert.equal(response.statusCode, 200, `${refused}: ${response.body}`);
      assert.deepEqual(response.json(), { key: null });
    }
    const count = await server.platform.db.selectFrom('proxy_keys').select((eb) => eb.fn.countAll<number>().as('n')).where('path', 'like', `%outside%`).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0, 'no key was stored for a refused path');
  });

  test('a missing or malformed path is a 400, never a 500', async () => {
    const cases = [
      { ...form({}) },
      { ...form({ other: 'x' }) },
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'path=a&path=b' },
      { payload: { path: 7 } },
      { payload: { path: '' } },
      { ...form({ path: 'bob/\0evil' }) },
      {},
    ];
    for (const request of cases) {
      const response = await server.app.inject({ method: 'POST', url: URL_CREATE, ...request });
      assert.equal(response.statusCode, 400, `${JSON.stringify(request)}: ${response.body}`);
      assert.equal(typeof response.json().detail, 'string');
    }
  });

  test('the URL keeps its trailing slash, as in MxLIVE', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/download/data/create', ...form({ path: tree.session }) });
    assert.equal(response.statusCode, 404);
  });
});

describe('data proxy: who may create keys', () => {
  let tree: DataTree;
  let server: TestServer;
  const secret = 'a-shared-secret-of-some-length';

  before(async () => {
    tree = makeDataTree();
    // The test client (127.0.0.1) is outside the trusted networks here.
    server = await startTestServer({ env: { ...tree.env, LIGHTPATH_TRUSTED_NETWORKS: '10.0.0.0/8', LIGHTPATH_DATAPROXY_SECRET: secret } });
  });
  after(async () => {
    await server.close();
    tree.remove();
  });

  test('an untrusted address without the secret is refused with 403', async () => {
    const response = await server.app.inject({ method: 'POST', url: URL_CREATE, ...form({ path: tree.session }) });
    assert.equal(response.statusCode, 403);
    assert.match(response.json().detail, /Only the Lightpath server/);
  });

  test('a wrong secret is refused with 403', async () => {
    const request = form({ path: tree.session });
    const response = await server.app.inject({
      method: 'POST', url: URL_CREATE, headers: { ...request.headers, 'x-lightpath-proxy-secret': `${secret}x` }, payload: request.payload,
    });
    assert.equal(response.statusCode, 403);
    assert.match(response.json().detail, /Wrong data proxy secret/);
  });

  test('the shared secret lets the main server in from anywhere', async () => {
    const request = form({ path: tree.session });
    const response = await server.app.inject({
      method: 'POST', url: URL_CREATE, headers: { ...request.headers, 'x-lightpath-proxy-secret': secret }, payload: request.payload,
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.match(response.json().key, /^[0-9a-f]{40}$/);
  });

  test('a trusted network needs no secret', async () => {
    const trusted = await startTestServer({ env: { ...tree.env, LIGHTPATH_TRUSTED_NETWORKS: '127.0.0.0/8' } });
    try {
      const response = await trusted.app.inject({ method: 'POST', url: URL_CREATE, ...form({ path: tree.session }) });
      assert.equal(response.statusCode, 200, response.body);
    } finally {
      await trusted.close();
    }
  });
});

describe('data proxy: configuration limits', () => {
  test('without a user root relative paths get no key, without roots nothing does', async () => {
    const tree = makeDataTree();
    const noUserRoot = await startTestServer({ env: { LIGHTPATH_DATA_ROOTS: tree.root } });
    const noRoots = await startTestServer();
    try {
      const relative = await noUserRoot.app.inject({ method: 'POST', url: URL_CREATE, ...form({ path: 'bob/CMCFID-1' }) });
      assert.equal(relative.statusCode, 200);
      assert.deepEqual(relative.json(), { key: null });
      const absolute = await noUserRoot.app.inject({ method: 'POST', url: URL_CREATE, ...form({ path: tree.session }) });
      assert.equal(absolute.statusCode, 200);
      assert.match(absolute.json().key, /^[0-9a-f]{40}$/);
      const none = await noRoots.app.inject({ method: 'POST', url: URL_CREATE, ...form({ path: tree.session }) });
      assert.equal(none.statusCode, 200);
      assert.deepEqual(none.json(), { key: null });
    } finally {
      await noUserRoot.close();
      await noRoots.close();
      tree.remove();
    }
  });
});
