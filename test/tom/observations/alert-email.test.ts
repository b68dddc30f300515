// Issue 8 item 6: an alert email carries a plain-text and an HTML part, both linking (absolute
// URLs from LIGHTPATH_BASE_URL, else the server's own address) to the target's page and its
// timelapse; a target name with markup is escaped in the HTML. Sent through a real SMTP server on
// loopback.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { startSmtp, mailParts } from '../../support/smtp.ts';
import type { TestSmtp } from '../../support/smtp.ts';
import { createTarget } from '../../../src/tom/targets.ts';
import { saveTemplate } from '../../../src/tom/observations/templates.ts';
import { followObservations } from '../../../src/tom/observations/follow.ts';
import { processAlerts } from '../../../src/tom/observations/alerts.ts';
import { sendOutbox } from '../../../src/platform/mail.ts';
import { DEMO_FRAMES } from '../observatory.ts';
import { FakeFacility } from './fake-facility.ts';

const demo = fs.readdirSync(DEMO_FRAMES).filter((f) => f.endsWith('.fits.fz')).sort();
const HOSTILE = `<script>alert("x")</script> & 'Co'`;

async function alertMail(server: TestServer, smtp: TestSmtp, fake: FakeFacility, identifier: string, name: string, frameBytes: 'demo' | 'junk') {
  const { db } = server.platform;
  const target = await createTarget(db, { identifier, name, name2: '', name3: '', kind: 'sidereal', ra: 250.4, dec: 36.5, is_public: true, owner_id: null }, {});
  await saveTemplate(db, { name: 'tpl', targetId: target.id, facility: 'TemplateFake', fields: { test_input: 'x' } });
  const response = await server.app.inject({ method: 'POST', url: '/api/observe/', payload: { target: target.id, template_name: 'tpl', facility: 'TemplateFake', email: 'student@school.test' } });
  assert.equal(response.statusCode, 201, response.body);
  const record = await db.selectFrom('observation_records').selectAll().where('target_id', '=', target.id).executeTakeFirstOrThrow();
  fake.states_.set(record.observation_id, { state: 'COMPLETED', scheduledStart: null, scheduledEnd: null });
  // Junk frames are ingested but make no timelapse.
  const frames = frameBytes === 'demo' ? [demo[0], demo[1]] : [`${identifier}-junk-e91.fits.fz`];
  for (const file of frames) fake.fileBytes.set(file, frameBytes === 'demo' ? fs.readFileSync(path.join(DEMO_FRAMES, file)) : Buffer.from('not a FITS file'));
  fake.framesOf.set(record.observation_id, frames.map((file) => ({
    id: file, filename: file, url: `http://fake/${file}`, dateObs: null, instrument: null, site: null, telescope: null, exposureTime: null, filter: null, reductionLevel: 91,
  })));
  const deps = { db, files: server.platform.files, config: server.config, log: server.platform.log, enqueue: server.platform.jobs.enqueue.bind(server.platform.jobs), facilities: new Map([['TemplateFake', fake]]) };
  await followObservations(deps);
  await processAlerts(deps);
  const before = smtp.messages.length;
  await sendOutbox(db, server.config, server.platform.log);
  assert.equal(smtp.messages.length, before + 1);
  return { target, raw: smtp.messages[smtp.messages.length - 1].raw };
}

describe('alert emails link to the target and its timelapse', () => {
  let smtp: TestSmtp;
  const fake = new FakeFacility();
  const servers: TestServer[] = [];
  const start = async (env: Record<string, string>) => {
    const server = await startTestServer({
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'alerts@lightpath.test', LIGHTPATH_TIMELAPSE_SIZE: '64', ...env },
      app: { facilities: new Map([['TemplateFake', fake]]) },
    });
    servers.push(server);
    return server;
  };

  before(async () => {
    smtp = await startSmtp();
  });
  after(async () => {
    for (const server of servers) await server.close();
    await smtp.close();
  });

  test('text and HTML parts with absolute links from LIGHTPATH_BASE_URL; markup in the name is escaped', async () => {
    const server = await start({ LIGHTPATH_BASE_URL: 'https://tom.example.org/' });
    const { target, raw } = await alertMail(server, smtp, fake, 'hostile', HOSTILE, 'demo');
    assert.match(raw, /multipart\/alternative/i);
    const parts = mailParts(raw);
    const timelapse = (await server.app.inject({ method: 'GET', url: `/api/target/${target.id}/` })).json().timelapses[0];
    assert.ok(timelapse, 'a timelapse was made');
    const targetUrl = `https://tom.example.org/targets/${target.id}/`;
    const timelapseUrl = `https://tom.example.org${timelapse.url}`;

    const text = parts['text/plain'];
    assert.ok(text.startsWith(`Your observation for '${HOSTILE}' has completed, and a timelapse is available.`), text);
    assert.ok(text.includes(`Target: ${targetUrl}`), text);
    assert.ok(text.includes(`Timelapse: ${timelapseUrl}`), text);

    const html = parts['text/html'];
    assert.ok(!html.includes('<script>'), html);
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;'), html);
    assert.ok(html.includes(`<a href="${targetUrl}">`), html);
    assert.ok(html.includes(`<a href="${timelapseUrl.replace(/&/g, '&amp;')}">`), html);

    // The target link opens the web app's target page (test/web/telescope-targets.test.ts follows it in a browser).
    const page = await server.app.inject({ method: 'GET', url: `/targets/${target.id}/` });
    assert.notEqual(page.statusCode, 404, 'no server route claims the target page');
    assert.equal(page.headers.location, undefined, 'no longer a redirect to the JSON summary');
    const timelapseFile = await server.app.inject({ method: 'GET', url: timelapse.url });
    assert.equal(timelapseFile.statusCode, 200);
  });

  test('without LIGHTPATH_BASE_URL the links use the address the server listens on; no timelapse, no timelapse link', async () => {
    const server = await start({ HOST: '0.0.0.0', PORT: '8123' });
    const { target, raw } = await alertMail(server, smtp, fake, 'plain', 'Plain target', 'junk');
    const parts = mailParts(raw);
    assert.ok(parts['text/plain'].includes(`Target: http://127.0.0.1:8123/targets/${target.id}/`), parts['text/plain']);
    assert.ok(!parts['text/plain'].includes('Timelapse:'), parts['text/plain']);
    assert.ok(parts['text/html'].includes(`<a href="http://127.0.0.1:8123/targets/${target.id}/">`), parts['text/html']);
  });
});
