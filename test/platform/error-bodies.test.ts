// Every error leaves as {"detail"}, including the ones Fastify or Node's HTTP parser would answer in
// their own shape ({"error","message","statusCode"}): requests refused before routing, unknown
// routes, and every body the parsers refuse.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { login, makeUser } from '../helpers/accounts.ts';
import type { Login } from '../helpers/accounts.ts';

interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** Sends bytes as they are (no client library would send these) and reads the whole answer. */
function sendRaw(port: number, request: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const contentType = /^content-type:\s*(.*)$/im.exec(head)?.[1] ?? '';
      resolve({ status, contentType, body: rest.join('\r\n\r\n') });
    });
  });
}

function assertDetail(answer: { status?: number; statusCode?: number; body: string }, status: number, detail?: string | RegExp) {
  assert.equal(answer.status ?? answer.statusCode, status, answer.body);
  const body = JSON.parse(answer.body);
  assert.deepEqual(Object.keys(body), ['detail'], answer.body);
  assert.equal(typeof body.detail, 'string');
  if (typeof detail === 'string') assert.equal(body.detail, detail);
  else if (detail) assert.match(body.detail, detail);
}

describe('error bodies are {"detail"} on every path', () => {
  let server: TestServer;
  let port: number;
  let boss: Login;
  const get = (path: string, headers = '') => sendRaw(port, `GET ${path} HTTP/1.1\r\nHost: localhost\r\n${headers}Connection: close\r\n\r\n`);

  before(async () => {
    server = await startTestServer({ env: { LIGHTPATH_BODY_LIMIT: '2048' } });
    await makeUser(server.platform, 'boss', { staff: true });
    boss = await login(server.app, 'boss');
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as net.AddressInfo).port;
  });
  after(() => server.close());

  test('a NUL byte in the URL is a 400 {"detail"}', async () => {
    const answer = await get('/rest/v1/users\0x');
    assertDetail(answer, 400, 'Malformed HTTP request.');
    assert.match(answer.contentType, /^application\/json/);
  });

  test('an oversized header is a 431 {"detail"}', async () => {
    const answer = await get('/healthz', `X-Padding: ${'a'.repeat(20000)}\r\n`);
    assertDetail(answer, 431, 'Request headers are too large.');
    assert.match(answer.contentType, /^application\/json/);
  });

  test('a request line Node cannot parse is a 400 {"detail"}', async () => {
    assertDetail(await sendRaw(port, 'BREW /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n'), 400, 'Malformed HTTP request.');
    assertDetail(await sendRaw(port, 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\n\r\n'), 400);
  });

  test('a URL that does not decode is a 400 {"detail"}', async () => {
    assertDetail(await get('/rest/v1/users/%zz'), 400, 'Malformed URL.');
    assertDetail(await get('/rest/v1/users/%E9'), 400, 'Malformed URL.');
  });

  test('unknown routes, methods and files are a 404 {"detail"}', async () => {
    assertDetail(await get('/api/no/such/thing'), 404, 'Not found.');
    assertDetail(await get('/rest/v1/users%00'), 404, 'Not found.');
    assertDetail(await get('/rest/docs/static/no-such-file.js'), 404);
    assertDetail(await sendRaw(port, 'PROPFIND /rest/v1/users HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'), 404);
  });

  test('refused bodies are {"detail"}: bad JSON, empty JSON, wrong type, too large, bad length', async () => {
    const post = (payload: string, contentType: string) => server.app.inject({
      method: 'POST', url: '/rest/v1/shipments', headers: { ...boss.headers, 'content-type': contentType }, payload,
    });
    assertDetail(await post('{"name": ', 'application/json'), 400, 'Request body is not valid JSON.');
    assertDetail(await post('', 'application/json'), 400, /empty/);
    assertDetail(await post('{"__proto__": {"x": 1}}', 'application/json'), 400, 'Request body is not valid JSON.');
    assertDetail(await post('<x/>', 'application/xml'), 415, /^Unsupported Content-Type/);
    assertDetail(await post('name=x', 'multipart/form-data; boundary=b'), 415, /^Unsupported Content-Type/);
    assertDetail(await post(JSON.stringify({ name: 'x'.repeat(5000) }), 'application/json'), 413, 'Request body is too large.');
    const raw = await sendRaw(port, `POST /rest/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 999999\r\nConnection: close\r\n\r\n{}`);
    assertDetail(raw, 413, 'Request body is too large.');
  });

  test('validation errors about fields named like Object\'s own ("constructor", "toString") are a 400 naming them', async () => {
    for (const field of ['constructor', 'toString', 'hasOwnProperty']) {
      const response = await server.app.inject({
        method: 'POST', url: '/rest/v1/tokens', headers: { ...boss.headers, 'content-type': 'application/json' }, payload: `{"name": "t", "${field}": 1}`,
      });
      assert.equal(response.statusCode, 400, response.body);
      const body = response.json();
      assert.deepEqual(Object.keys(body).sort(), ['detail', 'fields']);
      assert.deepEqual(body.fields[field], ['is not allowed'], response.body);
    }
  });

  test('a request that finishes arriving while the server closes is a 503 {"detail"}', async () => {
    const { buildApp } = await import('../../src/app.ts');
    const app = await buildApp(server.platform);
    let closingStarted!: () => void;
    const closing = new Promise<void>((resolve) => (closingStarted = resolve));
    app.addHook('preClose', async () => closingStarted());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const late = net.connect((app.server.address() as net.AddressInfo).port, '127.0.0.1');
    const answer = new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      late.on('data', (chunk) => chunks.push(chunk));
      late.on('error', reject);
      late.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    // Half a request: the connection is busy, so closing the server does not drop it.
    await new Promise<void>((resolve) => late.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = app.close();
    await closing;
    late.write('Connection: close\r\n\r\n');
    const text = await answer;
    await closed;
    const [head, body] = text.split('\r\n\r\n');
    assertDetail({ status: Number(head.slice(9, 12)), body }, 503, /shutting down/);
  });
});
