// The OpenAPI document declares the CSRF header that writes with a cookie login need, and every
// write route asks for it next to the cookie, so Swagger UI can write after a cookie login.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { login, makeUser } from '../helpers/accounts.ts';

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];
/** Writes that need no login: logging in, and answering the post-session survey (its key names the session). */
const PUBLIC_WRITES = ['/rest/v1/auth/login', '/rest/v1/feedback/{key}'];

describe('OpenAPI document: CSRF header for cookie logins', () => {
  let server: TestServer;
  let document: any;
  before(async () => {
    server = await startTestServer();
    await makeUser(server.platform, 'boss', { staff: true });
    document = (await server.app.inject({ method: 'GET', url: '/rest/openapi.json' })).json();
  });
  after(() => server.close());

  test('declares the CSRF header as a security scheme', () => {
    assert.deepEqual(
      { ...document.components.securitySchemes.csrf, description: undefined },
      { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: undefined },
    );
    assert.equal(document.components.securitySchemes.session.name, 'lightpath_session');
  });

  test('every write route that needs a login asks for cookie and CSRF header together, or a token', () => {
    const writes: string[] = [];
    for (const [path, operations] of Object.entries<any>(document.paths)) {
      for (const [method, operation] of Object.entries<any>(operations)) {
        if (!WRITE_METHODS.includes(method) || PUBLIC_WRITES.includes(path)) continue;
        writes.push(`${method} ${path}`);
        assert.deepEqual(operation.security, [{ bearer: [] }, { session: [], csrf: [] }], `${method} ${path}`);
      }
    }
    assert.ok(writes.length > 50, `only ${writes.length} write routes found`);
    assert.ok(writes.includes('post /rest/v1/shipments'));
  });

  test('reads need no CSRF header', () => {
    const reads = Object.values<any>(document.paths).map((operations) => operations.get).filter(Boolean);
    assert.ok(reads.length > 20);
    for (const operation of reads) assert.ok(!JSON.stringify(operation.security ?? document.security).includes('csrf'));
  });

  test('what the document says works: a cookie write with the declared header succeeds, without it is refused', async () => {
    const { cookie, csrf } = await login(server.app, 'boss');
    const header = document.components.securitySchemes.csrf.name as string;
    const without = await server.app.inject({ method: 'POST', url: '/rest/v1/beamlines', headers: { cookie }, payload: { acronym: 'BL-2', name: 'Two' } });
    assert.equal(without.statusCode, 403);
    assert.deepEqual(without.json(), { detail: 'CSRF token missing or incorrect.' });
    const withHeader = await server.app.inject({ method: 'POST', url: '/rest/v1/beamlines', headers: { cookie, [header]: csrf }, payload: { acronym: 'BL-2', name: 'Two' } });
    assert.equal(withHeader.statusCode, 201, withHeader.body);
  });
});
