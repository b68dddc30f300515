// Both HTTP processes expose /metrics: `lightpath serve` and the standalone `lightpath proxy`,
// here with a metrics token and a network that does not include loopback; and `lightpath worker`
// does on LIGHTPATH_WORKER_METRICS_PORT, counting the jobs it ran.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase } from '../../helpers/database.ts';
import type { TestDatabase } from '../../helpers/database.ts';
import { startTestServer, testEnv } from '../../helpers/platform.ts';
import { freePort, spawnLightpath } from '../../helpers/processes.ts';
import type { Spawned } from '../../helpers/processes.ts';
import { waitFor } from '../../helpers/wait.ts';
import { makeDataTree } from '../../dataproxy/data-tree.ts';
import type { DataTree } from '../../dataproxy/data-tree.ts';
import { parseScrape } from './scrape.ts';

const TOKEN = 'metrics-token-for-the-process-tests';
const SECRET = 'proxy-secret-for-the-metrics-tests';
const METRICS_ENV = { LIGHTPATH_METRICS_TOKEN: TOKEN, LIGHTPATH_METRICS_NETWORKS: '10.99.0.0/16' };

async function start(args: string[], database: TestDatabase, env: Record<string, string>, base: string): Promise<Spawned> {
  const spawned = spawnLightpath(args, testEnv(database, { ...METRICS_ENV, ...env }));
  await waitFor(`lightpath ${args[0]} to listen`, async () => (await fetch(`${base}/healthz`)).ok, 60000);
  return spawned;
}

async function stop(spawned: Spawned | undefined): Promise<void> {
  if (!spawned || spawned.child.exitCode !== null) return;
  spawned.child.kill('SIGTERM');
  await spawned.closed;
}

async function checkAccess(base: string): Promise<ReturnType<typeof parseScrape>> {
  const refused = await fetch(`${base}/metrics`);
  assert.equal(refused.status, 401);
  assert.deepEqual(await refused.json(), { detail: 'Metrics need the metrics token: send "Authorization: Bearer <token>".' });
  const wrong = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer not-the-metrics-token-at-all' } });
  assert.equal(wrong.status, 401);
  const allowed = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(allowed.status, 200);
  return parseScrape(await allowed.text());
}

describe('metrics in the lightpath processes', () => {
  let tree: DataTree;
  const databases: TestDatabase[] = [];
  let serve: Spawned | undefined;
  let proxy: Spawned | undefined;
  let worker: Spawned | undefined;

  before(() => {
    tree = makeDataTree();
  });
  after(async () => {
    await stop(serve);
    await stop(proxy);
    await stop(worker);
    for (const database of databases) await database.drop();
    tree.remove();
  });

  test('lightpath serve answers /metrics with the token, counting its requests', async () => {
    const database = await freshDatabase();
    databases.push(database);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    serve = await start(['serve'], database, { PORT: String(port), LIGHTPATH_SERVE_RUNS_JOBS: 'false' }, base);
    const metrics = await checkAccess(base);
    assert.ok(metrics.value('lightpath_http_request_duration_seconds_count', { method: 'GET', route: '/healthz', status_code: '200' })! >= 1);
    assert.ok(metrics.value('lightpath_http_request_duration_seconds_count', { method: 'GET', route: '/metrics', status_code: '401' })! >= 1);
    assert.equal(metrics.value('lightpath_database_up'), 1);
    assert.ok(metrics.value('process_resident_memory_bytes')! > 0);
  });

  test('lightpath proxy answers /metrics with the token, counting the bytes it served', async () => {
    const database = await freshDatabase();
    databases.push(database);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    proxy = await start(['proxy'], database, { ...tree.env, LIGHTPATH_PROXY_PORT: String(port), LIGHTPATH_DATAPROXY_SECRET: SECRET }, base);
    const created = await fetch(`${base}/download/data/create/`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-lightpath-proxy-secret': SECRET }, body: JSON.stringify({ path: 'bob/CMCFID-1' }),
    });
    const { key } = await created.json() as { key: string };
    assert.ok(key, 'the proxy made a key');
    const file = await fetch(`${base}/download/files/raw/${key}/frame_0001.img`);
    assert.equal(file.status, 200);
    assert.equal((await file.arrayBuffer()).byteLength, tree.frame.length);
    const metrics = await checkAccess(base);
    assert.equal(metrics.value('lightpath_dataproxy_bytes_sent_total', { kind: 'raw' }), tree.frame.length);
    assert.equal(metrics.value('lightpath_http_request_duration_seconds_count', { method: 'GET', route: '/download/files/raw/:key/*', status_code: '200' }), 1);
  });

  test('lightpath worker answers /metrics on its own port, counting the job attempts it ran', async () => {
    const server = await startTestServer({ env: { LIGHTPATH_SERVE_RUNS_JOBS: 'false' } });
    try {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      worker = await start(['worker'], server.database, { LIGHTPATH_WORKER_METRICS_PORT: String(port) }, base);
      const id = await server.platform.jobs.enqueue('selftest', {});
      await waitFor('the worker to run the job', async () => (await server.platform.jobs.get(id))?.state === 'succeeded');
      const metrics = await checkAccess(base);
      assert.equal(metrics.value('lightpath_job_attempts_total', { type: 'selftest', outcome: 'succeeded' }), 1);
      assert.equal(metrics.value('lightpath_jobs', { type: 'selftest', state: 'queued' }), undefined);
      assert.deepEqual(await (await fetch(`${base}/readyz`)).json(), { status: 'ready' });
      await stop(worker);
      assert.equal(worker.child.exitCode, 0);
    } finally {
      await stop(worker);
      await server.close();
    }
  });
});
