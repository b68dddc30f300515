// Issue 5's whole path with real parts: the demo observatory, the fake LCO portal and archive
// on loopback, a real SMTP server on loopback, and the job queue. A POST /api/observe/ over
// HTTP creates the observation; when the portal reports it completed with frames, the follow job
// ingests them, makes a timelapse, and exactly one email arrives.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import YAML from 'yaml';
import fs from 'node:fs';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { waitFor } from '../../helpers/wait.ts';
import { startSmtp, parseMail } from '../../support/smtp.ts';
import type { TestSmtp } from '../../support/smtp.ts';
import { startFakeLco } from '../../../src/tom/observations/fake-lco/server.ts';
import type { FakeLco } from '../../../src/tom/observations/fake-lco/server.ts';
import { demoFrames } from '../../../src/tom/observations/fake-lco/seed.ts';
import { loadDocument } from '../../../src/loader/load-file.ts';
import { loadSections } from '../../../src/modules.ts';
import { enqueueFollow, enqueueOutbox } from '../../../src/tom/observations/scheduler.ts';
import { DEMO_FRAMES, DEMO_OBSERVATORY } from '../observatory.ts';

describe('observe → portal completes → frames, timelapse, one email', () => {
  let lco: FakeLco;
  let smtp: TestSmtp;
  let server: TestServer;
  let baseUrl: string;

  before(async () => {
    lco = await startFakeLco({ apiKey: 'test-key', defaultFrames: demoFrames(DEMO_FRAMES) });
    smtp = await startSmtp();
    server = await startTestServer({
      env: {
        LIGHTPATH_LCO_PORTAL_URL: lco.portalUrl, LIGHTPATH_LCO_ARCHIVE_URL: lco.archiveUrl, LIGHTPATH_LCO_API_KEY: 'test-key',
        SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'alerts@lightpath.test', LIGHTPATH_TIMELAPSE_SIZE: '64',
      },
    });
    await loadDocument(server.platform, YAML.parse(fs.readFileSync(DEMO_OBSERVATORY, 'utf8')), loadSections, path.dirname(DEMO_OBSERVATORY));
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
    await server.platform.jobs.startWorking();
  });
  after(async () => {
    await server.close();
    await smtp.close();
    await lco.close();
  });

  test('the whole path', async () => {
    const { db } = server.platform;
    const target = await db.selectFrom('targets').select(['id', 'name']).where('identifier', '=', 'm13').executeTakeFirstOrThrow();
    const response = await fetch(`${baseUrl}/api/observe/`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: target.id, template_name: 'demo-template', facility: 'LCO', overrides: { start: '2030-02-01T00:00:00' }, email: 'class@school.test' }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    assert.deepEqual(await response.json(), { target: target.id, template_name: 'demo-template', facility: 'LCO', overrides: { start: '2030-02-01T00:00:00' }, email: 'class@school.test' });
    const record = await db.selectFrom('observation_records').selectAll().executeTakeFirstOrThrow();
    const parameters = JSON.parse(record.parameters);
    assert.match(parameters.name, /^demo-template-\d{4}-\d\d-\d\d-\d{6}$/);
    assert.equal(parameters.start, '2030-02-01T00:00:00');
    const submitted = (await (await fetch(`${lco.portalUrl}/_fake/state`)).json()) as { requests: Array<{ id: number | string; state: string }> };
    assert.ok(submitted.requests.some((r) => String(r.id) === record.observation_id), 'the portal holds the request');

    await enqueueFollow(db, server.platform.jobs);
    await waitFor('the observation to be checked', async () => (await db.selectFrom('observation_records').select('status').executeTakeFirstOrThrow()).status === 'PENDING');
    assert.equal(smtp.messages.length, 0);

    const completed = await fetch(`${lco.portalUrl}/_fake/requests/${record.observation_id}/state`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ state: 'COMPLETED' }),
    });
    assert.equal(completed.status, 200);
    await waitFor('the previous follow job to end', async () => !(await db.selectFrom('jobs').select('id').where('type', '=', 'observations-follow').where('state', 'in', ['queued', 'running']).executeTakeFirst()));
    await enqueueFollow(db, server.platform.jobs);
    await waitFor('frames to be ingested and the alert handled', async () =>
      (await db.selectFrom('observation_data_events').select('alerts_done_at').executeTakeFirst())?.alerts_done_at != null, 60000);
    const ingested = await db.selectFrom('data_products').select(['file_key', 'extra_data']).where('observation_id', '=', record.id).execute();
    assert.equal(ingested.length, 12);
    assert.ok(ingested.every((p) => p.file_key.startsWith('m13/LCO/') && p.file_key.endsWith('-e91.fits.fz')));
    assert.equal(JSON.parse(ingested[0].extra_data).siteid, 'elp');
    const api = await (await fetch(`${baseUrl}/api/target/${target.id}/`)).json();
    assert.equal(api.timelapses.length, 1);
    assert.equal(api.timelapses[0].frames, 24, 'the demo frames and the ingested ones');

    await enqueueOutbox(db, server.platform.jobs);
    await waitFor('one email to arrive', async () => smtp.messages.length === 1, 30000);
    const mail = parseMail(smtp.messages[0].raw);
    assert.deepEqual(smtp.messages[0].to, ['class@school.test']);
    assert.equal(mail.subject, "Observation for 'Hercules Globular Cluster' has new data");

    // Another round changes nothing and sends nothing.
    await enqueueFollow(db, server.platform.jobs);
    await waitFor('the follow job to end', async () => !(await db.selectFrom('jobs').select('id').where('type', '=', 'observations-follow').where('state', 'in', ['queued', 'running']).executeTakeFirst()));
    assert.equal(await enqueueOutbox(db, server.platform.jobs), false, 'nothing is waiting in the outbox');
    assert.equal(smtp.messages.length, 1);
  });
});
