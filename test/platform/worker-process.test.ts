// Scale-out: a `lightpath worker` process on PostgreSQL executes a job the server enqueued, and
// a job whose worker is killed mid-run is retried by another worker. PostgreSQL tier only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_DB } from '../helpers/database.ts';
import { startTestServer, testEnv } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { login, makeUser } from '../helpers/accounts.ts';
import { spawnLightpath } from '../helpers/processes.ts';
import type { Spawned } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';

const skip = TEST_DB !== 'postgres' ? 'pg-boss workers need PostgreSQL: runs in the PostgreSQL tier' : false;

describe('lightpath worker processes on PostgreSQL', { skip }, () => {
  let server: TestServer;
  let headers: Record<string, string>;
  const workers: Spawned[] = [];
  const workerEnv = () => testEnv(server.database, { LIGHTPATH_JOB_LEASE_SECONDS: '2', LIGHTPATH_JOB_POLL_MS: '500' });
  const startWorker = async () => {
    const worker = spawnLightpath(['worker'], workerEnv());
    workers.push(worker);
    await waitFor('worker to be ready', async () => worker.output().includes('worker ready'), 30000);
    return worker;
  };
  const job = async (id: number) => (await server.app.inject({ method: 'GET', url: `/rest/v1/jobs/${id}`, headers })).json();

  before(async () => {
    server = await startTestServer({ env: { LIGHTPATH_SERVE_RUNS_JOBS: 'false' } });
    await makeUser(server.platform, 'ops', { staff: true });
    headers = (await login(server.app, 'ops')).headers;
  });
  after(async () => {
    for (const w of workers) w.child.kill('SIGKILL');
    await server.close();
  });

  test('a worker process runs a job enqueued through the server', async () => {
    const worker = await startWorker();
    const enqueued = await server.app.inject({ method: 'POST', url: '/rest/v1/jobs/selftest', headers, payload: { sleep_ms: 50 } });
    assert.equal(enqueued.statusCode, 202);
    assert.equal(enqueued.json().state, 'queued');
    const done = await waitFor('job to succeed', async () => {
      const current = await job(enqueued.json().id);
      return current.state === 'succeeded' ? current : null;
    });
    assert.equal(done.result.pid, worker.child.pid);
    assert.equal(done.attempts, 1);
    worker.child.kill('SIGTERM');
    assert.equal(await worker.exited, 0);
  });

  test('a job whose worker is killed mid-run is retried by another worker', async () => {
    const doomed = await startWorker();
    const enqueued = await server.app.inject({
      method: 'POST', url: '/rest/v1/jobs/selftest', headers, payload: { sleep_ms: 50, first_attempt_sleep_ms: 120000 },
    });
    const id = enqueued.json().id;
    await waitFor('the first worker to start the job', async () => {
      const current = await job(id);
      return current.state === 'running' && current.worker?.endsWith(`:${doomed.child.pid}`);
    });
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const rescuer = await startWorker();
    const done = await waitFor('job to succeed on the second worker', async () => {
      const current = await job(id);
      return current.state === 'succeeded' ? current : null;
    }, 60000);
    assert.equal(done.attempts, 2);
    assert.equal(done.result.pid, rescuer.child.pid);
    assert.equal(done.result.attempt, 2);
    assert.match(done.last_error, /stopped responding \(lease expired\)/);
    rescuer.child.kill('SIGTERM');
    await rescuer.exited;
  });
});
