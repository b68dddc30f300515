// Black-box checks of the conventions every route shares: JSON errors, limits, ids, health, docs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { login, makeUser } from '../helpers/accounts.ts';

describe('HTTP conventions', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { LIGHTPATH_BODY_LIMIT: '2048' } });
    await makeUser(server.platform, 'boss', { staff: true });
  });
  after(() => server.close());

  test('unknown routes answer 404 {"detail"} in JSON', async () => {
    // Under the server's own prefixes: elsewhere a GET gets the web app's page (web-app.test.ts).
    const response = await server.app.inject({ method: 'GET', url: '/rest/no/such/thing' });
    assert.equal(response.statusCode, 404);
    assert.match(response.headers['content-type'] as string, /^application\/json/);
    assert.deepEqual(response.json(), { detail: 'Not found.' });
  });

  test('healthz and readyz answer', async () => {
    const health = await server.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });
    const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready' });
  });

  test('every response carries a server-made request id', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'forged' } });
    const id = response.headers['x-request-id'] as string;
    assert.match(id, /^[0-9a-f-]{36}$/);
    assert.notEqual(id, 'forged');
  });

  test('malformed JSON is a 400 with a detail', async () => {
    const response = await server.app.inject({
      method: 'POST', url: '/rest/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": "boss", ',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().detail, 'Request body is not valid JSON.');
  });

  test('a wrong Content-Type is a 415 with a detail', async () => {
    const response = await server.app.inject({
      method: 'POST', url: '/rest/v1/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<login/>',
    });
    assert.equal(response.statusCode, 415);
    assert.match(response.json().detail, /^Unsupported Content-Type/);
  });

  test('an oversized body is a 413 with a detail', async () => {
    const response = await server.app.inject({
      method: 'POST', url: '/rest/v1/auth/login', payload: { username: 'boss', password: 'x'.repeat(5000) },
    });
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().detail, 'Request body is too large.');
  });

  test('validation errors name the fields', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/rest/v1/auth/login', payload: { username: 7, extra: true } });
    assert.equal(response.statusCode, 400);
    const body = response.json();
    assert.match(body.detail, /^Invalid input: /);
    assert.deepEqual(Object.keys(body.fields).sort(), ['extra', 'password', 'username']);
    assert.match(body.fields.username[0], /string/);
  });

  test('path and query parameters are validated too', async () => {
    const { headers } = await login(server.app, 'boss');
    const bad = await server.app.inject({ method: 'GET', url: '/rest/v1/users/abc', headers });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().fields.id);
    const badQuery = await server.app.inject({ method: 'GET', url: '/rest/v1/users?limit=0', headers });
    assert.equal(badQuery.statusCode, 400);
    assert.ok(badQuery.json().fields.limit);
  });

  test('the OpenAPI document lists the own API only, and has a browsable page', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/rest/openapi.json' });
    assert.equal(response.statusCode, 200);
    const document = response.json();
    assert.equal(document.openapi.startsWith('3.'), true);
    const paths = Object.keys(document.paths);
    assert.ok(paths.includes('/rest/v1/auth/login'));
    assert.ok(paths.includes('/rest/v1/tokens/{id}'));
    assert.ok(paths.every((p) => p.startsWith('/rest/v1/')), `unexpected paths: ${paths.join(', ')}`);
    const page = await server.app.inject({ method: 'GET', url: '/rest/docs/' });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.body, /swagger/i);
  });
  test('every list in the OpenAPI document answers a page: {"count", "results"}, never a bare array', async () => {
    const document = (await server.app.inject({ method: 'GET', url: '/rest/openapi.json' })).json();
    const bare: string[] = [];
    for (const [route, methods] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(methods)) {
        const schema = operation.responses?.['200']?.content?.['application/json']?.schema;
        if (schema?.type === 'array') bare.push(`${method.toUpperCase()} ${route}`);
      }
    }
    const tokens = document.paths['/rest/v1/tokens'].get.responses['200'].content['application/json'].schema;
    assert.deepEqual(Object.keys(tokens.properties).sort(), ['count', 'results'], 'the check reads the real response schemas');
    assert.ok(Object.keys(document.paths).includes('/rest/v1/targets/{id}/observations'), 'the whole API is in the document');
    assert.deepEqual(bare, []);
  });
});

describe('a real listening server', () => {
  test('graceful shutdown finishes requests in flight and refuses new ones', async () => {
    const { buildApp } = await import('../../src/app.ts');
    const server = await startTestServer();
    const app = await buildApp(server.platform);
    app.get('/slow', { config: { access: { allow: 'public' } } }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { finished: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    try {
      const inFlight = fetch(`http://127.0.0.1:${port}/slow`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const closing = app.close();
      const response = await inFlight;
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { finished: true });
      await closing;
      await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`));
    } finally {
      await server.close();
    }
  });
});
