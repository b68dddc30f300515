// GET /rest/v1/events against a real listening server: what MxDC uploads, shipment state changes
// and automounter loads reach the streams of those who may see them (the project, staff) and no
// one else; Last-Event-ID resumes without loss; a change made by another `lightpath serve`
// process sharing the database arrives through the poll; logging out ends the stream; old events
// are pruned.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_FACILITY, startFacility } from '../facility.ts';
import type { Facility } from '../facility.ts';
import { bearer, login, makeUser } from '../../helpers/accounts.ts';
import { EventStreamReader } from '../../helpers/event-stream.ts';
import type { StreamEvent } from '../../helpers/event-stream.ts';
import { testEnv } from '../../helpers/platform.ts';
import { freePort, spawnLightpath } from '../../helpers/processes.ts';
import { waitFor } from '../../helpers/wait.ts';
import { sessionKey } from '../../support/mxdc/client.ts';
import type { MxdcClient } from '../../support/mxdc/client.ts';
import { EVENT_RETENTION_MS, PRUNE_EVERY, recordEvent } from '../../../src/lims/events/record.ts';
import { TEST_DB } from '../../helpers/database.ts';

describe('live events', () => {
  let facility: Facility;
  let url: string;
  const headers: Record<'demo' | 'other' | 'staff', Record<string, string>> = { demo: {}, other: {}, staff: {} };
  const writeHeaders: Record<string, Record<string, string>> = {};
  const streams: Record<string, EventStreamReader> = {};
  const ids = { demoProject: 0, otherProject: 0, sim1: 0, session: 0, dataset: 0, report: 0, shipment: 0, adaptor: 0 };
  const session = sessionKey('SIM-1');
  let mxdc: MxdcClient;

  const rest = async (who: 'other' | 'staff', method: 'POST' | 'GET', path: string, payload?: object) => {
    const response = await facility.server.app.inject({ method, url: `/rest/v1${path}`, headers: writeHeaders[who], ...(payload ? { payload } : {}) });
    assert.ok(response.statusCode < 300, `${who} ${method} ${path}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const after_ = (id: string | null) => (event: StreamEvent) => Number(event.id) > Number(id);

  before(async () => {
    facility = await startFacility();
    url = `${facility.baseUrl}/rest/v1/events`;
    await facility.load(DEMO_FACILITY);
    await facility.load({ users: [{ username: 'other', password: 'other-password' }], projects: [{ username: 'other' }] });
    const { platform, app } = facility.server;
    const staffer = await makeUser(platform, 'staffer', { staff: true });
    const demo = await login(app, 'demo', 'demo');
    const other = await login(app, 'other');
    const staff = await login(app, 'staffer');
    headers.demo = { cookie: demo.cookie };
    headers.other = await bearer(platform, (await platform.users.findByUsername('other'))!, 'read');
    headers.staff = await bearer(platform, staffer);
    writeHeaders.other = other.headers;
    writeHeaders.staff = staff.headers;
    const db = platform.db;
    const projectOf = async (username: string) => (await db.selectFrom('projects').innerJoin('users', 'users.id', 'projects.user_id')
      .select('projects.id').where('users.username', '=', username).executeTakeFirstOrThrow()).id;
    ids.demoProject = await projectOf('demo');
    ids.otherProject = await projectOf('other');
    ids.sim1 = (await db.selectFrom('beamlines').select('id').where('acronym', '=', 'SIM-1').executeTakeFirstOrThrow()).id;
  });
  after(async () => {
    // Streams still open: closing the server must end them rather than wait for the clients.
    await facility.close();
    for (const stream of Object.values(streams)) stream.close();
  });

  test('without a login the stream is 401; a Last-Event-ID that is not a number is 400', async () => {
    const anonymous = await fetch(url);
    assert.equal(anonymous.status, 401);
    assert.ok((await anonymous.json()).detail);
    const bad = await fetch(url, { headers: { ...headers.demo, 'last-event-id': 'yesterday' } });
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).detail, /last-event-id/i);
  });

  test('a session launched by MxDC, its dataset and its report reach the project and staff', async () => {
    for (const who of ['demo', 'other', 'staff'] as const) streams[who] = await EventStreamReader.open(url, headers[who]);
    mxdc = facility.client('demo');
    assert.equal((await mxdc.register()).status, 200);
    assert.equal((await mxdc.launch('SIM-1', session)).status, 200);
    const directory = facility.directory(`demo/${session}/lyso-01/data`);
    const data = await mxdc.addData('SIM-1', {
      name: 'lyso-01_1', frames: '1-10', filename: 'lyso-01_1_{:05d}.cbf', type: 'DATA', directory, energy: 12.658, exposure: 0.5,
    });
    assert.equal(data.status, 200, data.text);
    const report = await mxdc.addReport('SIM-1', { data_id: [data.body.id], directory, title: 'Analysis', kind: 'MX Native Analysis', score: 0.8, details: [] });
    assert.equal(report.status, 200, report.text);
    const row = await facility.server.platform.db.selectFrom('beamline_sessions').select('id').where('name', '=', session).executeTakeFirstOrThrow();
    Object.assign(ids, { session: row.id, dataset: data.body.id, report: report.body.id });

    for (const who of ['demo', 'staff']) {
      const stream = streams[who];
      const launched = await stream.waitFor('session.changed', (e) => e.event === 'session.changed');
      assert.deepEqual(launched.json, { kind: 'session.changed', session_id: ids.session, project_id: ids.demoProject, beamline_id: ids.sim1 });
      const dataset = await stream.waitFor('dataset.created', (e) => e.event === 'dataset.created');
      assert.deepEqual(dataset.json, { kind: 'dataset.created', dataset_id: ids.dataset, session_id: ids.session, project_id: ids.demoProject, beamline_id: ids.sim1 });
      const created = await stream.waitFor('report.created', (e) => e.event === 'report.created');
      assert.deepEqual(created.json, {
        kind: 'report.created', report_id: ids.report, session_id: ids.session, dataset_ids: [ids.dataset], project_id: ids.demoProject, beamline_id: ids.sim1,
      });
      assert.ok(Number(launched.id) < Number(dataset.id) && Number(dataset.id) < Number(created.id), 'ids grow in the order of the changes');
    }
  });

  test('shipment state changes and an automounter load reach the project and staff; automounter events only staff', async () => {
    const shipment = await rest('other', 'POST', '/shipments', { name: 'OTHER-1' });
    const adaptor = await rest('other', 'POST', '/containers', { shipment_id: shipment.id, name: 'OTHER-AD', type: 'Adaptor' });
    Object.assign(ids, { shipment: shipment.id, adaptor: adaptor.id });
    await rest('other', 'POST', `/shipments/${shipment.id}/send`, { carrier: 'FedEx' });
    const other = streams.other;
    const sent = await other.waitFor('shipment sent', (e) => e.event === 'shipment.changed' && e.json.state === 'sent');
    assert.deepEqual(sent.json, { kind: 'shipment.changed', shipment_id: shipment.id, state: 'sent', project_id: ids.otherProject, beamline_id: null });
    await other.waitFor('its container changed with it', (e) => e.event === 'container.changed' && e.json.container_id === adaptor.id);

    await rest('staff', 'POST', `/shipments/${shipment.id}/receive`, {});
    const received = await streams.staff.waitFor('shipment received (staff)', (e) => e.event === 'shipment.changed' && e.json.state === 'on_site');
    await other.waitFor('shipment received (owner)', (e) => e.event === 'shipment.changed' && e.json.state === 'on_site');

    await rest('staff', 'POST', `/containers/${adaptor.id}/load`, { beamline: 'SIM-1', location: 'M' });
    const loaded = await other.waitFor('the adaptor loaded', (e) => after_(received.id)(e) && e.event === 'container.changed' && e.json.container_id === adaptor.id);
    assert.deepEqual(loaded.json, { kind: 'container.changed', container_id: adaptor.id, shipment_id: shipment.id, project_id: ids.otherProject, beamline_id: null });
    const automounter = await streams.staff.waitFor('SIM-1 automounter changed', (e) => e.event === 'automounter.changed' && e.json.beamline_id === ids.sim1);
    assert.equal(automounter.json.project_id, null);

    // One more change the owner sees; by then any event meant for them before it has arrived.
    await rest('staff', 'POST', `/containers/${adaptor.id}/unload`, {});
    await other.waitFor('the adaptor unloaded', (e) => after_(loaded.id)(e) && e.event === 'container.changed');
    assert.deepEqual(other.events.filter((e) => e.json.project_id !== ids.otherProject), [], 'another project hears nothing of demo\'s records or of automounters');
    assert.deepEqual(streams.demo.events.filter((e) => e.json.project_id !== ids.demoProject), [], 'demo hears nothing of other\'s records');
    assert.ok(streams.staff.events.some((e) => e.json.project_id === ids.demoProject) && streams.staff.events.some((e) => e.json.project_id === ids.otherProject));
  });

  test('a stream reopened with Last-Event-ID gets what happened while it was closed, and nothing twice', async () => {
    const seen = streams.demo.events;
    const lastId = seen[seen.length - 1].id!;
    streams.demo.close();
    const closed = await mxdc.close('SIM-1', session);
    assert.equal(closed.status, 200, closed.text);
    streams.demo = await EventStreamReader.open(url, { ...headers.demo, 'last-event-id': lastId });
    const missed = await streams.demo.waitFor('the session closed', (e) => e.event === 'session.changed');
    assert.equal(missed.json.session_id, ids.session);
    assert.ok(streams.demo.events.every(after_(lastId)), 'only events after Last-Event-ID');
    assert.equal(new Set(streams.demo.events.map((e) => e.id)).size, streams.demo.events.length);
  });

  test('a change made through another lightpath serve process on the same database arrives by polling', async () => {
    const port = await freePort();
    const second = spawnLightpath(['serve'], testEnv(facility.server.database, { PORT: String(port), LIGHTPATH_SERVE_RUNS_JOBS: 'false' }));
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor('the second server to listen', async () => (await fetch(`${base}/healthz`)).ok, 60000);
      const returned = await fetch(`${base}/rest/v1/shipments/${ids.shipment}/return`, {
        method: 'POST', headers: { ...headers.staff, 'content-type': 'application/json' }, body: '{}',
      });
      assert.equal(returned.status, 200, await returned.text());
      for (const who of ['staff', 'other']) {
        const event = await streams[who].waitFor('shipment returned', (e) => e.event === 'shipment.changed' && e.json.state === 'returned');
        assert.equal(event.json.shipment_id, ids.shipment);
      }
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });

  test('an event committed after a later one is still delivered, and first (PostgreSQL commits out of id order)', {
    skip: TEST_DB !== 'postgres' ? 'SQLite runs one write at a time' : false,
  }, async () => {
    const db = facility.server.platform.db;
    const other = streams.other;
    const before = other.events.at(-1)!.id;
    const isLater = (e: StreamEvent) => after_(before)(e) && e.event === 'shipment.changed' && e.json.state === 'on_site';
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted = () => {};
    const written = new Promise<void>((resolve) => (inserted = resolve));
    // A slow transaction (as in another server process): its event takes the lower id but commits last.
    const held = db.transaction().execute(async (trx) => {
      await recordEvent(trx, 'shipment.changed', { projectId: ids.otherProject, beamlineId: null }, { shipment_id: ids.shipment, state: 'held' });
      inserted();
      await gate;
    });
    await written;
    await rest('staff', 'POST', `/shipments/${ids.shipment}/unreturn`, {});
    // Give the stream every chance to send the later event alone (and so step over the held one).
    await other.waitFor('the later event', isLater, 2500).catch(() => undefined);
    release();
    await held;
    const first = await other.waitFor('the held event', (e) => e.json.state === 'held');
    const later = await other.waitFor('the later event', isLater);
    assert.ok(Number(first.id) < Number(later.id));
    assert.ok(other.events.indexOf(first) < other.events.indexOf(later), 'delivered in id order');
    await rest('staff', 'POST', `/shipments/${ids.shipment}/return`, {});
  });

  test('many streams opened and closed leave no listeners behind', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      for (let round = 0; round < 3; round++) {
        const opened = await Promise.all(Array.from({ length: 15 }, () => EventStreamReader.open(url, headers.staff)));
        for (const stream of opened) stream.close();
      }
      await rest('staff', 'POST', `/shipments/${ids.shipment}/archive`, {});
      await streams.staff.waitFor('shipment archived', (e) => e.event === 'shipment.changed' && e.json.state === 'archived');
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warnings.map((w) => w.name), []);
  });

  test('logging out ends the stream that login opened: what happens afterwards is not sent to it', async () => {
    const { app } = facility.server;
    const second = await login(app, 'other');
    const stream = await EventStreamReader.open(url, { cookie: second.cookie });
    const out = await app.inject({ method: 'POST', url: '/rest/v1/auth/logout', headers: second.headers });
    assert.ok(out.statusCode < 300, out.body);
    const shipment = await rest('other', 'POST', '/shipments', { name: 'OTHER-2' });
    await rest('other', 'POST', '/containers', { shipment_id: shipment.id, name: 'OTHER-2-P', type: 'Uni-Puck' });
    await rest('other', 'POST', `/shipments/${shipment.id}/send`, {});
    await streams.other.waitFor('the send (still signed in)', (e) => e.event === 'shipment.changed' && e.json.shipment_id === shipment.id);
    await stream.waitForEnd();
    assert.deepEqual(stream.events, []);
    assert.equal((await fetch(url, { headers: { cookie: second.cookie } })).status, 401);
  });

  test('writing events now and then deletes those older than a day', async () => {
    const db = facility.server.platform.db;
    const old = new Date(Date.now() - EVENT_RETENTION_MS - 60000).toISOString();
    const stale = await db.insertInto('events').values({ created_at: old, kind: 'session.changed', project_id: null, beamline_id: null, subject: '{"session_id":0}' })
      .returning('id').executeTakeFirstOrThrow();
    const automounter = (await db.selectFrom('automounters').select('id').where('beamline_id', '=', ids.sim1).executeTakeFirstOrThrow()).id;
    for (let i = 0; i < 2 * PRUNE_EVERY; i++) {
      const newest = await db.selectFrom('events').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow();
      if (Number(newest.max) % PRUNE_EVERY === 0) break;
      await rest('staff', 'POST', `/automounters/${automounter}/${i % 2 === 0 ? 'deactivate' : 'activate'}`, {});
    }
    assert.equal(await db.selectFrom('events').select('id').where('id', '=', stale.id).executeTakeFirst(), undefined, 'the day-old event is gone');
    assert.ok(await db.selectFrom('events').select('id').where('id', '=', Number(stale.id) + 1).executeTakeFirst(), 'newer events stay');
  });
});
