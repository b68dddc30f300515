// /readyz stays 200 but says "degraded", with its reasons, when jobs wait longer than the
// threshold, when the mail server keeps refusing, or when the observatory keeps failing; it turns
// back to "ready" once they recover. The counters of jobs and emails move with them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { freePort } from '../../helpers/processes.ts';
import { waitFor } from '../../helpers/wait.ts';
import { startSmtp } from '../../support/smtp.ts';
import type { TestSmtp } from '../../support/smtp.ts';
import { sendOutbox } from '../../../src/platform/mail.ts';
import { isoNow } from '../../../src/platform/time.ts';
import { createTarget } from '../../../src/tom/targets.ts';
import { FOLLOW_JOB } from '../../../src/tom/observations/jobs.ts';
import { grew, scrape } from './scrape.ts';

async function readiness(server: TestServer): Promise<{ status: string; reasons?: string[] }> {
  const response = await server.app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}

describe('readyz: a job backlog', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { LIGHTPATH_READY_JOB_BACKLOG_SECONDS: '60' } });
  });
  after(() => server.close());

  test('a due job waiting beyond the threshold makes it degraded; jobs due later do not; taking it makes it ready', async () => {
    const { db, jobs } = server.platform;
    const waiting = await jobs.enqueue('selftest', {});
    await jobs.enqueue('selftest', {}, { startAfterSeconds: 3600 });
    assert.deepEqual(await readiness(server), { status: 'ready' });

    // Nobody has taken it for two minutes.
    await db.updateTable('jobs').set({ run_after: new Date(Date.now() - 120_000).toISOString() }).where('id', '=', waiting).execute();
    const degraded = await readiness(server);
    assert.equal(degraded.status, 'degraded');
    assert.equal(degraded.reasons?.length, 1);
    assert.match(degraded.reasons![0], /^Jobs have waited longer than 60 s for a worker: selftest \(1\); the oldest for 1[23]\d s\. Are the workers running\?$/);

    const before = await scrape(server.app);
    assert.equal(before.value('lightpath_jobs', { type: 'selftest', state: 'queued' }), 2);
    assert.equal(before.value('lightpath_job_queue_depth', { type: 'selftest' }), 1);
    assert.ok(before.value('lightpath_job_queue_oldest_seconds', { type: 'selftest' })! >= 120);

    await jobs.startWorking();
    await waitFor('the job to succeed', async () => (await jobs.get(waiting))?.state === 'succeeded');
    assert.deepEqual(await readiness(server), { status: 'ready' });
    const after = await scrape(server.app);
    assert.equal(after.value('lightpath_jobs', { type: 'selftest', state: 'queued' }), 1);
    assert.equal(after.value('lightpath_jobs', { type: 'selftest', state: 'succeeded' }), undefined, 'finished jobs are not counted');
    assert.equal(after.value('lightpath_job_queue_depth', { type: 'selftest' }), undefined);
    assert.equal(grew(before, after, 'lightpath_job_attempts_total', { type: 'selftest', outcome: 'succeeded' }), 1);
    assert.equal(grew(before, after, 'lightpath_job_duration_seconds_count', { type: 'selftest' }), 1);
  });

  test('a failing job counts each attempt: retried twice, then failed', async () => {
    const { jobs } = server.platform;
    const before = await scrape(server.app);
    const id = await jobs.enqueue('selftest', { failWith: 'broken on purpose' });
    await waitFor('the job to fail for good', async () => (await jobs.get(id))?.state === 'failed');
    const after = await scrape(server.app);
    assert.equal(grew(before, after, 'lightpath_job_attempts_total', { type: 'selftest', outcome: 'queued' }), 2);
    assert.equal(grew(before, after, 'lightpath_job_attempts_total', { type: 'selftest', outcome: 'failed' }), 1);
    assert.equal(after.value('lightpath_jobs', { type: 'selftest', state: 'failed' }), 1);
  });
});

describe('readyz: a mail server that keeps refusing', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  before(async () => {
    smtp = await startSmtp();
    server = await startTestServer({
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'lightpath@example.org', LIGHTPATH_READY_FAILURES_IN_A_ROW: '3' },
    });
  });
  after(async () => {
    await server.close();
    await smtp.close();
  });

  test('three refusals in a row make it degraded; the message sent makes it ready; sent and failed are counted', async () => {
    const { db, config, log } = server.platform;
    await db.insertInto('email_outbox').values({
      dedupe_key: 'readiness-test-1', recipient: 'someone@example.org', subject: 'New data', body: 'Hello', state: 'queued', attempts: 0, created_at: isoNow(),
    }).execute();
    const before = await scrape(server.app);
    smtp.refusing = true;
    for (let attempt = 1; attempt <= 3; attempt++) {
      assert.deepEqual(await readiness(server), { status: 'ready' }, `before attempt ${attempt}`);
      await assert.rejects(sendOutbox(db, config, log), /could not be sent yet/);
    }
    const degraded = await readiness(server);
    assert.equal(degraded.status, 'degraded');
    assert.deepEqual(degraded.reasons, ['The mail server refused or could not be reached the last 3 or more times: 1 email(s) waiting. The server log has the errors.']);
    const refused = await scrape(server.app);
    assert.equal(grew(before, refused, 'lightpath_emails_failed_total'), 3);
    assert.equal(refused.value('lightpath_email_outbox', { state: 'queued' }), 1);

    smtp.refusing = false;
    assert.deepEqual(await sendOutbox(db, config, log), { sent: 1, failed: 0, waiting: 0 });
    assert.equal(smtp.messages.length, 1);
    assert.deepEqual(await readiness(server), { status: 'ready' });
    const sent = await scrape(server.app);
    assert.equal(grew(refused, sent, 'lightpath_emails_sent_total'), 1);
    assert.equal(sent.value('lightpath_email_outbox', { state: 'sent' }), 1);
    assert.equal(sent.value('lightpath_email_outbox', { state: 'queued' }), undefined);
  });
});

describe('readyz: an observatory portal that keeps failing', () => {
  let server: TestServer;
  before(async () => {
    // Nothing listens there: every call to the portal is refused.
    const port = await freePort();
    server = await startTestServer({
      env: { LIGHTPATH_LCO_PORTAL_URL: `http://127.0.0.1:${port}`, LIGHTPATH_LCO_ARCHIVE_URL: `http://127.0.0.1:${port}/archive`, LIGHTPATH_READY_FAILURES_IN_A_ROW: '2' },
    });
  });
  after(() => server.close());

  async function followRun(): Promise<void> {
    const id = await server.platform.jobs.enqueue(FOLLOW_JOB, {});
    await waitFor('the observation check to finish', async () => (await server.platform.jobs.get(id))?.state === 'succeeded');
  }

  test('checks that failed twice in a row make it degraded, naming LCO; a check that works makes it ready', async () => {
    const { db, jobs } = server.platform;
    const target = await createTarget(db, {
      identifier: 'm13', name: 'M13', name2: '', name3: '', kind: 'sidereal', ra: 250.4, dec: 36.5, is_public: true, owner_id: null,
    }, {});
    const now = isoNow();
    const record = await db.insertInto('observation_records').values({
      target_id: target.id, facility: 'LCO', parameters: '{}', observation_id: '4242', status: 'PENDING',
      scheduled_start: null, scheduled_end: null, ingested_at: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await jobs.startWorking();

    await followRun();
    assert.deepEqual(await readiness(server), { status: 'ready' });
    await followRun();
    const degraded = await readiness(server);
    assert.equal(degraded.status, 'degraded');
    assert.deepEqual(degraded.reasons, ['Checking observations with LCO failed in each of the last 2 runs. The server log has the errors.']);

    // With nothing left to ask the portal about, the next check works.
    await db.deleteFrom('observation_records').where('id', '=', record.id).execute();
    await followRun();
    assert.deepEqual(await readiness(server), { status: 'ready' });
  });
});
