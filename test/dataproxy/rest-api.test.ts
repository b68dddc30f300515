// Staff REST API for proxy keys: list and revoke; revoked keys stop working at once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { bearer, login, makeUser } from '../helpers/accounts.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';

describe('data proxy: staff REST API', () => {
  let tree: DataTree;
  let server: TestServer;
  let staff: Record<string, string>;
  let user: Record<string, string>;
  const keys: string[] = [];

  before(async () => {
    tree = makeDataTree();
    server = await startTestServer({ env: tree.env });
    await makeUser(server.platform, 'beamline-staff', { staff: true });
    staff = (await login(server.app, 'beamline-staff')).headers;
    user = await bearer(server.platform, await makeUser(server.platform, 'bob'));
    for (const dir of ['bob/CMCFID-1', 'bob/CMCFID-2', 'bob/CMCFID-1']) {
      keys.push((await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: dir } })).json().key);
      await new Promise((resolve) => setTimeout(resolve, 5)); // distinct creation times
    }
  });
  after(async () => {
    await server.close();
    tree.remove();
  });

  test('staff list keys newest first, with paging', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/rest/v1/proxy-keys', headers: staff });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.count, 3);
    assert.deepEqual(body.results.map((k: { key: string }) => k.key), [...keys].reverse());
    assert.equal(body.results[0].path, tree.session);
    assert.equal(body.results[1].path, `${tree.userRoot}/bob/CMCFID-2`);
    assert.equal(body.results[0].revoked_at, null);
    assert.match(body.results[0].created_at, /^\d{4}-\d\d-\d\dT/);
    const page = await server.app.inject({ method: 'GET', url: '/rest/v1/proxy-keys?limit=1&offset=1', headers: staff });
    assert.deepEqual(page.json().results.map((k: { key: string }) => k.key), [keys[1]]);
    assert.equal(page.json().count, 3);
  });

  test('staff list keys oldest first with ordering=created_at; an unknown ordering is a 400', async () => {
    const oldest = await server.app.inject({ method: 'GET', url: '/rest/v1/proxy-keys?ordering=created_at', headers: staff });
    assert.deepEqual(oldest.json().results.map((k: { key: string }) => k.key), keys);
    const unknown = await server.app.inject({ method: 'GET', url: '/rest/v1/proxy-keys?ordering=path', headers: staff });
    assert.equal(unknown.statusCode, 400);
    assert.ok(unknown.json().fields.ordering);
  });

  test('staff revoke a key; its URLs answer 404 from then on', async () => {
    const before = await server.app.inject({ method: 'GET', url: `/download/files/raw/${keys[0]}/scan.xdi` });
    assert.equal(before.statusCode, 200);
    const revoked = await server.app.inject({ method: 'DELETE', url: `/rest/v1/proxy-keys/${keys[0]}`, headers: staff });
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal(revoked.json().key, keys[0]);
    assert.ok(revoked.json().revoked_at);
    const after = await server.app.inject({ method: 'GET', url: `/download/files/raw/${keys[0]}/scan.xdi` });
    assert.equal(after.statusCode, 404);
    const again = await server.app.inject({ method: 'DELETE', url: `/rest/v1/proxy-keys/${keys[0]}`, headers: staff });
    assert.equal(again.json().revoked_at, revoked.json().revoked_at, 'revoking twice keeps the first time');
  });

  test('a malformed key is 400, an unknown one 404', async () => {
    const malformed = await server.app.inject({ method: 'DELETE', url: '/rest/v1/proxy-keys/XYZ', headers: staff });
    assert.equal(malformed.statusCode, 400);
    assert.ok(malformed.json().fields.key);
    const upper = await server.app.inject({ method: 'DELETE', url: `/rest/v1/proxy-keys/${keys[1].toUpperCase()}`, headers: staff });
    assert.equal(upper.statusCode, 400);
    const unknown = await server.app.inject({ method: 'DELETE', url: `/rest/v1/proxy-keys/${'0'.repeat(40)}`, headers: staff });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().detail, 'No such key.');
  });

  test('non-staff get 403, anonymous 401', async () => {
    assert.equal((await server.app.inject({ method: 'GET', url: '/rest/v1/proxy-keys', headers: user })).statusCode, 403);
    const revoke = await server.app.inject({ method: 'DELETE', url: `/rest/v1/proxy-keys/${keys[2]}`, headers: user });
    assert.equal(revoke.statusCode, 403);
    assert.equal((await server.app.inject({ method: 'GET', url: `/download/files/raw/${keys[2]}/scan.xdi` })).statusCode, 200, 'the key still works');
    assert.equal((await server.app.inject({ method: 'GET', url: '/rest/v1/proxy-keys' })).statusCode, 401);
  });

  test('the endpoints are in the OpenAPI document; /download is not', async () => {
    const document = (await server.app.inject({ method: 'GET', url: '/rest/openapi.json' })).json();
    assert.ok(document.paths['/rest/v1/proxy-keys'].get);
    assert.ok(document.paths['/rest/v1/proxy-keys/{key}'].delete);
    assert.ok(Object.keys(document.paths).every((p) => !p.startsWith('/download')));
  });
});
