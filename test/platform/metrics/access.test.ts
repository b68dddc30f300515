// Who may read /metrics: loopback by default; other networks only when configured; anyone with
// the metrics token, and nobody with a wrong one. X-Forwarded-For counts only from trusted proxies.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { ConfigError, loadConfig } from '../../../src/config.ts';

const TOKEN = 'metrics-token-for-the-tests-8f2k';

async function metricsFrom(server: TestServer, remoteAddress: string, headers: Record<string, string> = {}) {
  return server.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });
}

describe('metrics access: defaults', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test('loopback may scrape; any other address gets 403 JSON, also when it claims to be forwarded', async () => {
    assert.equal((await metricsFrom(server, '127.0.0.1')).statusCode, 200);
    assert.equal((await metricsFrom(server, '::1')).statusCode, 200);
    const outside = await metricsFrom(server, '192.0.2.10');
    assert.equal(outside.statusCode, 403);
    assert.deepEqual(outside.json(), { detail: 'Metrics are not open to this address.' });
    // Without trusted proxies the header is nobody's word.
    const forged = await metricsFrom(server, '192.0.2.10', { 'x-forwarded-for': '127.0.0.1' });
    assert.equal(forged.statusCode, 403);
  });

  test('a bearer token is refused when none is configured, and is never taken for an API token', async () => {
    const response = await metricsFrom(server, '192.0.2.10', { authorization: `Bearer ${TOKEN}` });
    assert.equal(response.statusCode, 403);
    assert.deepEqual(response.json(), { detail: 'No metrics token is configured on this server.' });
  });
});

describe('metrics access: networks, token and trusted proxies', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      env: { LIGHTPATH_METRICS_NETWORKS: '10.20.0.0/16', LIGHTPATH_METRICS_TOKEN: TOKEN, LIGHTPATH_TRUSTED_PROXIES: '127.0.0.1' },
    });
  });
  after(() => server.close());

  test('a configured network may scrape; loopback is then no longer open by itself', async () => {
    assert.equal((await metricsFrom(server, '10.20.3.4')).statusCode, 200);
    assert.equal((await metricsFrom(server, '::ffff:10.20.3.4')).statusCode, 200);
    const loopback = await metricsFrom(server, '127.0.0.1');
    assert.equal(loopback.statusCode, 401);
    assert.equal(loopback.headers['www-authenticate'], 'Bearer realm="metrics"');
    assert.deepEqual(loopback.json(), { detail: 'Metrics need the metrics token: send "Authorization: Bearer <token>".' });
  });

  test('the right token opens it from anywhere; a wrong or malformed one is 401 even from a trusted network', async () => {
    const withToken = await metricsFrom(server, '192.0.2.10', { authorization: `Bearer ${TOKEN}` });
    assert.equal(withToken.statusCode, 200);
    assert.match(withToken.body, /^# HELP /m);
    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, 'Bearer', `Basic ${TOKEN}`, TOKEN]) {
      for (const address of ['192.0.2.10', '10.20.3.4']) {
        const response = await metricsFrom(server, address, { authorization });
        assert.equal(response.statusCode, 401, `${authorization} from ${address}`);
        assert.deepEqual(response.json(), { detail: 'Wrong metrics token.' });
      }
    }
  });

  test('through a trusted proxy the forwarded client address decides', async () => {
    assert.equal((await metricsFrom(server, '127.0.0.1', { 'x-forwarded-for': '10.20.9.9' })).statusCode, 200);
    assert.equal((await metricsFrom(server, '127.0.0.1', { 'x-forwarded-for': '192.0.2.10' })).statusCode, 401);
    // A hop that is not a trusted proxy cannot vouch for anyone.
    assert.equal((await metricsFrom(server, '192.0.2.10', { 'x-forwarded-for': '10.20.9.9' })).statusCode, 401);
  });
});

describe('metrics settings', () => {
  test('a short token, a token with spaces, bad networks and bad readiness thresholds are refused at start', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        assert.ok(error instanceof ConfigError);
        return error.problems;
      }
    };
    assert.match(problems({ LIGHTPATH_METRICS_TOKEN: 'short' }).join('\n'), /LIGHTPATH_METRICS_TOKEN must be at least 16 characters/);
    assert.match(problems({ LIGHTPATH_METRICS_TOKEN: 'a token with some spaces in it' }).join('\n'), /LIGHTPATH_METRICS_TOKEN must be at least 16 characters without spaces/);
    assert.match(problems({ LIGHTPATH_METRICS_NETWORKS: '10.0.0.0/8,nowhere' }).join('\n'), /LIGHTPATH_METRICS_NETWORKS: "nowhere" is not an IP address or CIDR range/);
    assert.match(problems({ LIGHTPATH_READY_JOB_BACKLOG_SECONDS: '0' }).join('\n'), /LIGHTPATH_READY_JOB_BACKLOG_SECONDS must be a whole number from 1/);
    assert.match(problems({ LIGHTPATH_READY_FAILURES_IN_A_ROW: 'many' }).join('\n'), /LIGHTPATH_READY_FAILURES_IN_A_ROW must be a whole number from 1/);
    assert.match(problems({ LIGHTPATH_WORKER_METRICS_PORT: '0' }).join('\n'), /LIGHTPATH_WORKER_METRICS_PORT must be a whole number from 1 to 65535/);
  });

  test('an empty network list leaves only the token; the worker listens nowhere unless given a port', () => {
    const config = loadConfig({ LIGHTPATH_METRICS_NETWORKS: '' });
    assert.equal(config.metrics.networks.ranges.length, 0);
    assert.equal(config.metrics.workerPort, null);
    assert.equal(loadConfig({ LIGHTPATH_WORKER_METRICS_PORT: '9464' }).metrics.workerPort, 9464);
  });
});
