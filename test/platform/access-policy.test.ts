// The one access policy: every route must declare a rule, and the rules are enforced.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { installAccessPolicy } from '../../src/platform/auth/policy.ts';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';

describe('access policy', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('a route without an access rule cannot be registered', async () => {
    const app = Fastify();
    installAccessPolicy(app, { sessions: server.platform.sessions, tokens: server.platform.tokens, publicPrefixes: [] });
    assert.throws(() => app.get('/open', async () => 'x'), /Route GET \/open declares no access rule/);
    app.get('/declared', { config: { access: { allow: 'public' } } }, async () => 'x');
    await app.ready();
    assert.equal((await app.inject({ method: 'GET', url: '/declared' })).body, 'x');
    await app.close();
  });

  test('user-only and staff-only routes refuse anonymous callers with 401 {"detail"}', async () => {
    for (const url of ['/rest/v1/auth/me', '/rest/v1/tokens', '/rest/v1/users']) {
      const response = await server.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 401, url);
      assert.equal(response.json().detail, 'Authentication credentials were not provided.');
    }
  });
});
