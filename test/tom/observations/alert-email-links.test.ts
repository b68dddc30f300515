// Issue 10: an alert email links to the web app's pages — the target's, the observation's, the
// timelapse and the page of the process that made it — and each link answers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { createTarget } from '../../../src/tom/targets.ts';
import { saveTemplate } from '../../../src/tom/observations/templates.ts';
import { followObservations } from '../../../src/tom/observations/follow.ts';
import { processAlerts } from '../../../src/tom/observations/alerts.ts';
import { DEMO_FRAMES } from '../observatory.ts';
import { FakeFacility } from './fake-facility.ts';

describe('alert emails link to the web app\'s pages', () => {
  let server: TestServer;
  const fake = new FakeFacility();

  before(async () => {
    server = await startTestServer({ env: { LIGHTPATH_BASE_URL: 'https://tom.example.org/', LIGHTPATH_TIMELAPSE_SIZE: '64' }, app: { facilities: new Map([['TemplateFake', fake]]) } });
  });
  after(() => server.close());

  test('target, observation, timelapse and the timelapse\'s process page', async () => {
    const { db } = server.platform;
    const target = await createTarget(db, { identifier: 'linked', name: 'Linked target', name2: '', name3: '', kind: 'sidereal', ra: 250.4, dec: 36.5, is_public: true, owner_id: null }, {});
    await saveTemplate(db, { name: 'tpl', targetId: target.id, facility: 'TemplateFake', fields: { test_input: 'x' } });
    const observed = await server.app.inject({ method: 'POST', url: '/api/observe/', payload: { target: target.id, template_name: 'tpl', facility: 'TemplateFake', email: 'student@school.test' } });
    assert.equal(observed.statusCode, 201, observed.body);
    const record = await db.selectFrom('observation_records').selectAll().where('target_id', '=', target.id).executeTakeFirstOrThrow();
    fake.states_.set(record.observation_id, { state: 'COMPLETED', scheduledStart: null, scheduledEnd: null });
    const frames = fs.readdirSync(DEMO_FRAMES).filter((f) => f.endsWith('.fits.fz')).sort().slice(0, 2);
    for (const file of frames) fake.fileBytes.set(file, fs.readFileSync(path.join(DEMO_FRAMES, file)));
    fake.framesOf.set(record.observation_id, frames.map((file) => ({
      id: file, filename: file, url: `http://fake/${file}`, dateObs: null, instrument: null, site: null, telescope: null, exposureTime: null, filter: null, reductionLevel: 91,
    })));
    const deps = { db, files: server.platform.files, config: server.config, log: server.platform.log, enqueue: server.platform.jobs.enqueue.bind(server.platform.jobs), facilities: new Map([['TemplateFake', fake]]) };
    await followObservations(deps);
    await processAlerts(deps);

    const mail = await db.selectFrom('email_outbox').selectAll().executeTakeFirstOrThrow();
    const process = await db.selectFrom('processes').select(['id', 'identifier']).where('target_id', '=', target.id).where('process_type', '=', 'timelapse').executeTakeFirstOrThrow();
    const base = 'https://tom.example.org';
    const links: Record<string, string> = Object.fromEntries(mail.body.split('\n').filter((line) => line.includes(': https://')).map((line) => line.split(/: (?=https:)/)));
    assert.deepEqual(Object.keys(links), ['Target', 'Observation', 'Timelapse', 'How the timelapse was made']);
    assert.equal(links.Target, `${base}/targets/${target.id}/`);
    assert.equal(links.Observation, `${base}/observations/${record.id}/`);
    assert.equal(links.Timelapse, `${base}/data/linked/none/${process.identifier}`);
    assert.equal(links['How the timelapse was made'], `${base}/pipeline/${process.id}`);
    for (const url of Object.values(links)) assert.ok(mail.html_body!.includes(`<a href="${url}">`), url);

    // What the pages read answers: the observation, the process, the file.
    assert.equal((await server.app.inject({ method: 'GET', url: `/rest/v1/observations/${record.id}` })).json().target_id, target.id);
    assert.equal((await server.app.inject({ method: 'GET', url: `/rest/v1/processes/${process.id}` })).statusCode, 200);
    assert.equal((await server.app.inject({ method: 'GET', url: links.Timelapse.slice(base.length) })).statusCode, 200);
  });
});
