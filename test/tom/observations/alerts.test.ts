// Following observations and alerting (spec §6, §8 "process_observation_alerts", decisions T12,
// T13): states updated in one batch, reduced frames ingested with their extra data, a fresh
// timelapse replacing older ones, one email per alert per new-data event through a real SMTP
// server on loopback, nothing sent twice, and mail kept while the server is down.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { startSmtp, parseMail, mailParts } from '../../support/smtp.ts';
import type { TestSmtp } from '../../support/smtp.ts';
import { createTarget } from '../../../src/tom/targets.ts';
import type { TargetRow } from '../../../src/tom/targets.ts';
import { saveTemplate } from '../../../src/tom/observations/templates.ts';
import { followObservations } from '../../../src/tom/observations/follow.ts';
import { processAlerts } from '../../../src/tom/observations/alerts.ts';
import { sendOutbox } from '../../../src/platform/mail.ts';
import type { Frame } from '../../../src/tom/observations/facility.ts';
import { DEMO_FRAMES } from '../observatory.ts';
import { FakeFacility } from './fake-facility.ts';

const demo = fs.readdirSync(DEMO_FRAMES).filter((f) => f.endsWith('.fits.fz')).sort();

describe('observation alerts', () => {
  let server: TestServer;
  let smtp: TestSmtp;
  let fake: FakeFacility;
  const facilities = () => new Map([['TemplateFake', fake]]);
  const run = async () => {
    const deps = { db: server.platform.db, files: server.platform.files, config: server.config, log: server.platform.log, enqueue: server.platform.jobs.enqueue.bind(server.platform.jobs), facilities: facilities() };
    const follow = await followObservations(deps);
    const alerts = await processAlerts(deps);
    return { follow, alerts };
  };
  const frame = (id: string, filename: string, source: string, level: number): Frame => {
    fake.fileBytes.set(id, fs.readFileSync(path.join(DEMO_FRAMES, source)));
    return { id, filename, url: `http://fake/${id}`, dateObs: '2019-08-02T02:00:00', instrument: 'kb80', site: 'elp', telescope: '0m4a', exposureTime: 60, filter: 'rp', reductionLevel: level };
  };
  const observe = async (target: TargetRow, email: string) => {
    const response = await server.app.inject({ method: 'POST', url: '/api/observe/', payload: { target: target.id, template_name: 'tpl', facility: 'TemplateFake', email } });
    assert.equal(response.statusCode, 201, response.body);
    return server.platform.db.selectFrom('observation_records').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  };
  const newTarget = async (identifier: string) => {
    const target = await createTarget(server.platform.db, { identifier, name: `Target ${identifier}`, name2: '', name3: '', kind: 'sidereal', ra: 250.4235, dec: 36.4613, is_public: true, owner_id: null }, {});
    await saveTemplate(server.platform.db, { name: 'tpl', targetId: target.id, facility: 'TemplateFake', fields: { test_input: 'x' } });
    return target;
  };

  before(async () => {
    smtp = await startSmtp();
    fake = new FakeFacility();
    server = await startTestServer({
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'Lightpath <alerts@lightpath.test>', LIGHTPATH_TIMELAPSE_SIZE: '64' },
      app: { facilities: facilities() },
    });
  });
  after(async () => {
    await server.close();
    await smtp.close();
  });

  test('a completed observation: frames ingested, a timelapse replaces the old one, one email per alert, once', async () => {
    const target = await newTarget('alert-1');
    const record = await observe(target, 'student@school.test');
    // An older timelapse that the new one replaces.
    const old = await server.platform.db.insertInto('data_products').values({
      target_id: target.id, observation_id: null, product_id: 'old-timelapse', file_key: 'alert-1/none/old.gif', data_product_type: 'timelapse', extra_data: '{}', size: 1, created_at: new Date().toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    await server.platform.files.write('alert-1/none/old.gif', Buffer.from('GIF89a'));

    fake.states_.set(record.observation_id, { state: 'PENDING', scheduledStart: null, scheduledEnd: null });
    const pending = await run();
    assert.equal(pending.follow.changed, 1);
    assert.equal(pending.follow.ingested, 0);
    assert.equal(smtp.messages.length, 0);

    fake.states_.set(record.observation_id, { state: 'COMPLETED', scheduledStart: '2019-08-02T02:00:00.000Z', scheduledEnd: '2019-08-02T08:00:00.000Z' });
    fake.framesOf.set(record.observation_id, [
      frame('f1', demo[0], demo[0], 91), frame('f2', demo[1], demo[1], 91), frame('f3', demo[2].replace('e91', 'e00'), demo[2], 0),
    ]);
    const completed = await run();
    assert.equal(completed.follow.ingested, 2, 'raw e00 frames are not ingested');
    assert.equal(completed.alerts.timelapses.length, 1);
    assert.equal(completed.alerts.emailsQueued, 1);
    const products = await server.platform.db.selectFrom('data_products').selectAll().where('target_id', '=', target.id).orderBy('id').execute();
    const ingested = products.filter((p) => p.observation_id === record.id);
    assert.deepEqual(ingested.map((p) => p.file_key), [`alert-1/TemplateFake/${demo[0]}`, `alert-1/TemplateFake/${demo[1]}`]);
    assert.deepEqual(JSON.parse(ingested[0].extra_data), { date_obs: '2019-08-02T02:00:00', instrument: 'kb80', siteid: 'elp', telid: '0m4a', exp_time: 60, filter: 'rp' });
    assert.equal(ingested[0].data_product_type, 'fits_file');
    const timelapses = products.filter((p) => p.data_product_type === 'timelapse');
    assert.equal(timelapses.length, 1, 'the old timelapse was deleted');
    assert.notEqual(timelapses[0].id, old.id);
    assert.equal(await server.platform.files.stat('alert-1/none/old.gif'), null);
    const status = await server.platform.db.selectFrom('observation_records').select(['status', 'scheduled_start']).where('id', '=', record.id).executeTakeFirstOrThrow();
    assert.deepEqual(status, { status: 'COMPLETED', scheduled_start: '2019-08-02T02:00:00.000Z' });

    const sent = await sendOutbox(server.platform.db, server.config, server.platform.log);
    assert.equal(sent.sent, 1);
    assert.equal(smtp.messages.length, 1);
    assert.deepEqual(smtp.messages[0].to, ['student@school.test']);
    assert.equal(smtp.messages[0].from, 'alerts@lightpath.test');
    const mail = parseMail(smtp.messages[0].raw);
    assert.equal(mail.subject, "Observation for 'Target alert-1' has new data");
    assert.ok(mailParts(smtp.messages[0].raw)['text/plain'].startsWith("Your observation for 'Target alert-1' has completed, and a timelapse is available."));

    const again = await run();
    assert.equal(again.follow.checked, 0, 'a completed observation is not asked about again');
    assert.equal(again.alerts.emailsQueued, 0);
    await sendOutbox(server.platform.db, server.config, server.platform.log);
    assert.equal(smtp.messages.length, 1, 'no address gets the same news twice');
  });

  test('two alerts on one observation: one timelapse, one email to each address', async () => {
    smtp.messages.length = 0;
    const target = await newTarget('alert-two');
    const record = await observe(target, 'first@school.test');
    await server.platform.db.insertInto('observation_alerts').values({ observation_record_id: record.id, email: 'second@school.test', created_at: new Date().toISOString() }).execute();
    fake.states_.set(record.observation_id, { state: 'COMPLETED', scheduledStart: null, scheduledEnd: null });
    fake.framesOf.set(record.observation_id, [frame('t1', demo[6], demo[6], 91)]);
    const result = await run();
    assert.equal(result.alerts.timelapses.length, 1);
    assert.equal(result.alerts.emailsQueued, 2);
    await sendOutbox(server.platform.db, server.config, server.platform.log);
    assert.deepEqual(smtp.messages.map((m) => m.to[0]).sort(), ['first@school.test', 'second@school.test']);
  });

  test('a failing timelapse for one target does not stop the others; emails still go out', async () => {
    smtp.messages.length = 0;
    const broken = await newTarget('alert-broken');
    const fine = await newTarget('alert-fine');
    const brokenRecord = await observe(broken, 'a@school.test');
    const fineRecord = await observe(fine, 'b@school.test');
    for (const record of [brokenRecord, fineRecord]) fake.states_.set(record.observation_id, { state: 'COMPLETED', scheduledStart: null, scheduledEnd: null });
    fake.framesOf.set(brokenRecord.observation_id, [frame('b1', 'junk-e91.fits.fz', demo[3], 91)]);
    fake.fileBytes.set('b1', Buffer.from('this is not a FITS file'));
    fake.framesOf.set(fineRecord.observation_id, [frame('g1', demo[4], demo[4], 91)]);
    const result = await run();
    assert.equal(result.alerts.timelapses.length, 1);
    assert.equal(result.alerts.failures.length, 1);
    assert.match(result.alerts.failures[0], /timelapse failed/);
    await sendOutbox(server.platform.db, server.config, server.platform.log);
    assert.deepEqual(smtp.messages.map((m) => m.to[0]).sort(), ['a@school.test', 'b@school.test']);
  });

  test('while the mail server refuses, emails wait in the outbox and go out later, once', async () => {
    smtp.messages.length = 0;
    const target = await newTarget('alert-later');
    const record = await observe(target, 'c@school.test');
    fake.states_.set(record.observation_id, { state: 'COMPLETED', scheduledStart: null, scheduledEnd: null });
    fake.framesOf.set(record.observation_id, [frame('l1', demo[5], demo[5], 91)]);
    await run();
    smtp.refusing = true;
    await assert.rejects(sendOutbox(server.platform.db, server.config, server.platform.log), /could not be sent yet/);
    const waiting = await server.platform.db.selectFrom('email_outbox').selectAll().where('recipient', '=', 'c@school.test').executeTakeFirstOrThrow();
    assert.equal(waiting.state, 'queued');
    assert.equal(waiting.attempts, 1);
    assert.match(waiting.last_error!, /450/);
    smtp.refusing = false;
    await sendOutbox(server.platform.db, server.config, server.platform.log);
    await sendOutbox(server.platform.db, server.config, server.platform.log);
    assert.equal(smtp.messages.filter((m) => m.to[0] === 'c@school.test').length, 1);
  });
});
