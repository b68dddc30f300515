// The job queue as a domain uses it, on the configured backend (in-database on SQLite, pg-boss on
// PostgreSQL): success, retries, failure messages, time limits, restarts and abandoned jobs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config.ts';
import { openPlatform } from '../../src/platform/context.ts';
import type { Platform } from '../../src/platform/context.ts';
import type { JobRegistry } from '../../src/platform/jobs/registry.ts';
import { freshDatabase } from '../helpers/database.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { silentLog, testEnv } from '../helpers/platform.ts';
import { waitFor } from '../helpers/wait.ts';

const calls: Array<{ type: string; attempt: number }> = [];

function defineTestJobs(registry: JobRegistry): void {
  registry.define({
    type: 'flaky', retryLimit: 2, retryDelaySeconds: 0, timeLimitSeconds: 30,
    async run(payload: { failTimes: number }, context) {
      calls.push({ type: 'flaky', attempt: context.attempt });
      if (context.attempt <= payload.failTimes) throw new Error(`planned failure ${context.attempt}`);
      return { attempt: context.attempt };
    },
  });
  registry.define({
    type: 'slow', retryLimit: 0, retryDelaySeconds: 0, timeLimitSeconds: 1,
    async run(_payload, context) {
      await new Promise((resolve) => setTimeout(resolve, 5000));
      return context.signal.aborted ? 'aborted' : 'finished';
    },
  });
}

async function open(database: TestDatabase, env: Record<string, string> = {}): Promise<Platform> {
  return openPlatform(loadConfig(testEnv(database, env)), silentLog, { defineJobs: defineTestJobs });
}

const finished = (platform: Platform, id: number) =>
  waitFor(`job ${id} to finish`, async () => {
    const job = await platform.jobs.get(id);
    return job && (job.state === 'succeeded' || job.state === 'failed') ? job : null;
  });

describe('job queue', () => {
  let database: TestDatabase;
  let platform: Platform;
  before(async () => {
    database = await freshDatabase();
    platform = await open(database);
    await platform.jobs.startWorking();
  });
  after(async () => {
    await platform.close();
    await database.drop();
  });

  test('a job runs once and records success and its result', async () => {
    const id = await platform.jobs.enqueue('selftest', { sleepMs: 10 });
    const job = await finished(platform, id);
    assert.equal(job.state, 'succeeded');
    assert.equal(job.attempts, 1);
    assert.equal((job.result as { pid: number }).pid, process.pid);
    assert.equal(job.lastError, null);
    assert.ok(job.startedAt && job.finishedAt && job.finishedAt >= job.startedAt);
  });

  test('a failing job is retried and then succeeds', async () => {
    const id = await platform.jobs.enqueue('flaky', { failTimes: 2 });
    const job = await finished(platform, id);
    assert.equal(job.state, 'succeeded');
    assert.equal(job.attempts, 3);
    assert.deepEqual(job.result, { attempt: 3 });
    assert.equal(job.lastError, 'planned failure 2');
  });

  test('a job that keeps failing ends failed with its message', async () => {
    const id = await platform.jobs.enqueue('flaky', { failTimes: 99 });
    const job = await finished(platform, id);
    assert.equal(job.state, 'failed');
    assert.equal(job.attempts, 3);
    assert.equal(job.lastError, 'planned failure 3');
  });

  test('a job over its time limit fails with a clear message', async () => {
    const id = await platform.jobs.enqueue('slow', {});
    const job = await finished(platform, id);
    assert.equal(job.state, 'failed');
    assert.equal(job.lastError, 'timed out after 1 s');
  });

  test('enqueueing inside a transaction that rolls back leaves no job', async () => {
    const before = await platform.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await assert.rejects(platform.db.transaction().execute(async (trx) => {
      await platform.jobs.enqueue('selftest', {}, { db: trx });
      throw new Error('caller changed its mind');
    }), /changed its mind/);
    const afterCount = await platform.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n));
  });

  test('unknown job types are refused at once', async () => {
    await assert.rejects(platform.jobs.enqueue('no-such-type', {}), /Unknown job type "no-such-type"/);
  });
});

describe('job queue across restarts', () => {
  test('queued jobs survive a restart and run in the next process', async () => {
    const database = await freshDatabase();
    try {
      const first = await open(database);
      const id = await first.jobs.enqueue('selftest', { sleepMs: 1 });
      await first.close(); // never started working
      const second = await open(database);
      try {
        assert.equal((await second.jobs.get(id))!.state, 'queued');
        await second.jobs.startWorking();
        const job = await finished(second, id);
        assert.equal(job.state, 'succeeded');
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  });

  test('a job left running by a dead process is retried once its lease expires', async () => {
    const database = await freshDatabase();
    try {
      const platform = await open(database, { LIGHTPATH_JOB_LEASE_SECONDS: '1' });
      try {
        const id = await platform.jobs.enqueue('selftest', { sleepMs: 1 });
        // Pretend another process claimed it and died: running, lease already over, never renewed.
        await platform.db.updateTable('jobs')
          .set({ state: 'running', attempts: 1, locked_by: 'dead-host:1', lease_until: new Date(Date.now() - 1000).toISOString(), started_at: new Date().toISOString() })
          .where('id', '=', id).execute();
        await platform.jobs.startWorking();
        const job = await finished(platform, id);
        assert.equal(job.state, 'succeeded');
        assert.equal(job.attempts, 2);
        assert.match(job.lastError!, /worker dead-host:1 stopped responding/);
      } finally {
        await platform.close();
      }
    } finally {
      await database.drop();
    }
  });

  test('shutdown waits for a running job to finish', async () => {
    const database = await freshDatabase();
    try {
      const platform = await open(database);
      await platform.jobs.startWorking();
      const id = await platform.jobs.enqueue('selftest', { sleepMs: 1500 });
      await waitFor('job to start', async () => (await platform.jobs.get(id))?.state === 'running');
      await platform.jobs.stop(10);
      const job = await platform.jobs.get(id);
      assert.equal(job!.state, 'succeeded');
      await platform.database.close();
    } finally {
      await database.drop();
    }
  });
});

describe('job queue polling', () => {
  test('an idle worker polling for a long time does not pile up listeners on its stop signal', async () => {
    const database = await freshDatabase();
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      // About 20 polls at 50 ms; each used to leave one 'abort' listener behind, and Node warns past 10.
      const platform = await open(database, { LIGHTPATH_JOB_POLL_MS: '50' });
      try {
        await platform.jobs.startWorking();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        // Still polling: a job enqueued now runs.
        const job = await finished(platform, await platform.jobs.enqueue('selftest', { sleepMs: 1 }));
        assert.equal(job.state, 'succeeded');
      } finally {
        await platform.close();
      }
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(warnings.filter((text) => text.includes('MaxListenersExceeded')), []);
    } finally {
      process.off('warning', onWarning);
      await database.drop();
    }
  });
});
