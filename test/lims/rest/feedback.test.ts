// The post-session survey: MxDC launches a session, opens the survey link from the launch answer
// without a login, and answers it once; staff manage the support areas and read the results.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_FACILITY, startFacility } from '../facility.ts';
import type { Facility } from '../facility.ts';
import { sessionKey } from '../../support/mxdc/client.ts';
import type { MxdcClient } from '../../support/mxdc/client.ts';
import { login, makeUser } from '../../helpers/accounts.ts';
import type { Login } from '../../helpers/accounts.ts';
import { loadDocument } from '../../../src/loader/load-file.ts';
import { loadSections } from '../../../src/modules.ts';

const DEMO_AREAS = ['Beamline control software', 'Sample automounter', 'Data processing', 'Staff support', 'Remote access'];

/** The key in a survey link: /users/feedback/<key>/new/. */
function keyOf(survey: string): string {
  const match = /\/users\/feedback\/([^/]+)\/new\/$/.exec(survey);
  assert.ok(match, `a survey link: ${survey}`);
  return match[1];
}

describe('the post-session survey', () => {
  let facility: Facility;
  let mxdc: MxdcClient;
  let staff: Login;
  let demo: Login;
  let areas: Array<{ id: number; name: string }>;

  /** A request with no cookie and no token, as MxDC's embedded browser makes it. */
  const anonymous = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    facility.server.app.inject({ method, url: `/rest/v1${url}`, ...(payload === undefined ? {} : { payload: payload as object }) });
  const as = (who: Login, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    facility.server.app.inject({ method, url: `/rest/v1${url}`, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const area = (name: string) => areas.find((a) => a.name === name)!.id;

  /** Launches a new session the way MxDC does and returns its survey key. */
  async function launched(beamline: string): Promise<{ name: string; key: string }> {
    const name = sessionKey(beamline);
    const reply = await mxdc.launch(beamline, name);
    assert.equal(reply.status, 200, reply.text);
    return { name, key: keyOf(reply.body.survey) };
  }

  before(async () => {
    // Wrong keys are tried on purpose here; the limit on them has its own test below.
    facility = await startFacility({ LIGHTPATH_SURVEY_MISS_RATE: '1000/hour' });
    await facility.load(DEMO_FACILITY);
    mxdc = facility.client('demo');
    assert.equal((await mxdc.register()).status, 200);
    await makeUser(facility.server.platform, 'boss', { staff: true });
    staff = await login(facility.server.app, 'boss');
    demo = await login(facility.server.app, 'demo', 'demo');
    areas = (await as(staff, 'GET', '/support-areas')).json().results;
  });
  after(() => facility.close());

  test('the demo facility ships its support areas, in the order of the file', () => {
    assert.deepEqual(areas.map((a) => a.name), DEMO_AREAS);
  });

  test('load files: the same areas again change nothing, a change is reported, and an area listed twice refuses the file', async () => {
    const { platform } = facility.server;
    const load = (support_areas: unknown) => loadDocument(platform, { support_areas }, loadSections, '.');
    const again = await load(DEMO_AREAS.map((name) => ({ name })));
    assert.deepEqual(again.entries.map((e) => e.action), DEMO_AREAS.map(() => 'unchanged'));
    const changed = await load([{ name: 'Remote access', sort_order: 5, description: 'NoMachine and SSH' }]);
    assert.deepEqual(changed.entries, [{ section: 'support area', name: 'Remote access', action: 'updated', changes: ['description'] }]);
    await assert.rejects(load([{ name: 'Twice' }, { name: 'Twice' }]), /support area "Twice" is listed twice/);
    await assert.rejects(load([{ name: 'x'.repeat(201) }]), /support_areas\[0\]\.name/);
    assert.equal(await platform.db.selectFrom('support_areas').select('id').where('name', '=', 'Twice').executeTakeFirst(), undefined);
  });

  test('the survey link from the launch answer opens without a login and shows the session', async () => {
    const session = await launched('SIM-1');
    const response = await fetch(`${facility.baseUrl}/rest/v1/feedback/${session.key}`);
    assert.equal(response.status, 200);
    const survey = await response.json();
    assert.equal(survey.session, session.name);
    assert.equal(survey.beamline, 'SIM-1');
    assert.equal(survey.beamline_name, 'Simulated Beamline 1');
    assert.equal(survey.project, 'demo');
    assert.ok(Date.parse(survey.started_at) > 0);
    assert.equal(survey.ended_at, null, 'the session is still running');
    assert.deepEqual(survey.areas.map((a: { name: string }) => a.name), DEMO_AREAS);
    assert.equal(survey.submitted, false);
    assert.equal(survey.submitted_at, null);

    assert.equal((await mxdc.close('SIM-1', session.name)).status, 200);
    const closed = (await anonymous('GET', `/feedback/${session.key}`)).json();
    assert.ok(Date.parse(closed.ended_at) >= Date.parse(closed.started_at), 'a closed session has ended');
  });

  test('an answer is taken once: 201 with the ratings (null is N/A), then 409, and nothing more is written', async () => {
    const session = await launched('SIM-1');
    const answer = {
      ratings: [
        { area_id: area('Beamline control software'), rating: 2 },
        { area_id: area('Sample automounter'), rating: -1 },
        { area_id: area('Remote access'), rating: null },
      ],
      comments: 'The robot dropped one pin.',
      contact: true,
    };
    const first = await fetch(`${facility.baseUrl}/rest/v1/feedback/${session.key}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(answer),
    });
    assert.equal(first.status, 201);
    const created = await first.json();
    assert.equal(created.session, session.name);
    assert.equal(created.beamline, 'SIM-1');
    assert.equal(created.comments, 'The robot dropped one pin.');
    assert.equal(created.contact, true);
    assert.deepEqual(created.ratings, [
      { area_id: area('Beamline control software'), area: 'Beamline control software', rating: 2 },
      { area_id: area('Sample automounter'), area: 'Sample automounter', rating: -1 },
      { area_id: area('Remote access'), area: 'Remote access', rating: null },
    ]);

    const survey = (await anonymous('GET', `/feedback/${session.key}`)).json();
    assert.equal(survey.submitted, true);
    assert.equal(survey.submitted_at, created.created_at);

    const db = facility.server.platform.db;
    const rows = async () => Number((await db.selectFrom('feedback_ratings').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await rows();
    const second = await anonymous('POST', `/feedback/${session.key}`, { ratings: [{ area_id: area('Staff support'), rating: 1 }] });
    assert.equal(second.statusCode, 409);
    assert.match(second.json().detail, /already been given/);
    assert.equal(await rows(), before);

    // Staff see N/A as null in the list, and the stored value is MxLIVE's 0.
    const stored = await db.selectFrom('feedback_ratings').select('rating').where('feedback_id', '=', created.id).where('area_id', '=', area('Remote access')).executeTakeFirstOrThrow();
    assert.equal(stored.rating, 0);
  });

  test('a long username still gives a survey link that works', async () => {
    const username = `group_${'x'.repeat(60)}`;
    await makeUser(facility.server.platform, username);
    assert.equal((await as(staff, 'POST', '/projects', { username })).statusCode, 201);
    const client = facility.client(username);
    assert.equal((await client.register()).status, 200);
    const name = sessionKey('SIM-2');
    const key = keyOf((await client.launch('SIM-2', name)).body.survey);
    assert.ok(key.length > 100, `a key of ${key.length} characters (the router's default limit on a path part is 100)`);
    const survey = await anonymous('GET', `/feedback/${key}`);
    assert.equal(survey.statusCode, 200, survey.body);
    assert.equal(survey.json().project, username);
  });

  test('a key that names no session is a friendly 404, whatever its form', async () => {
    const session = await launched('SIM-2');
    const wrongUser = Buffer.from(`nobody:${session.name}`).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    const unpadded = session.key.replace(/=+$/, '');
    const noColon = Buffer.from('just-text').toString('base64url');
    const keys = [wrongUser, noColon, 'not base64!', '%00', 'x'.repeat(480)];
    if (unpadded !== session.key) keys.push(unpadded);
    for (const key of keys) {
      for (const method of ['GET', 'POST'] as const) {
        const response = await anonymous(method, `/feedback/${encodeURIComponent(key)}`, method === 'POST' ? { ratings: [] } : undefined);
        assert.equal(response.statusCode, 404, `${method} ${key}: ${response.body}`);
        assert.match(response.json().detail, /survey link/, `${method} ${key}`);
      }
    }
    assert.equal((await anonymous('GET', `/feedback/${session.key}`)).statusCode, 200, 'the right key still works');
  });

  test('bad answers are 400s naming the field, and leave the survey open', async () => {
    const session = await launched('SIM-2');
    const control = area('Beamline control software');
    const inactive = (await as(staff, 'POST', '/support-areas', { name: 'Retired area', active: false })).json();
    const cases: Array<[unknown, string]> = [
      [{ ratings: [{ area_id: 99999, rating: 1 }] }, 'ratings.0.area_id'],
      [{ ratings: [{ area_id: control, rating: 1 }, { area_id: inactive.id, rating: 2 }] }, 'ratings.1.area_id'],
      [{ ratings: [{ area_id: control, rating: 0 }] }, 'ratings.0.rating'],
      [{ ratings: [{ area_id: control, rating: 3 }] }, 'ratings.0.rating'],
      [{ ratings: [{ area_id: control, rating: 1.5 }] }, 'ratings.0.rating'],
      [{ ratings: [{ area_id: control, rating: 1 }, { area_id: control, rating: 2 }] }, 'ratings.1.area_id'],
      [{ ratings: [{ area_id: control }] }, 'ratings.0.rating'],
      [{ comments: 'x'.repeat(10001) }, 'comments'],
      [{ contact: 'yes' }, 'contact'],
      [{ ratings: [], mood: 'happy' }, 'mood'],
    ];
    for (const [body, field] of cases) {
      const response = await anonymous('POST', `/feedback/${session.key}`, body);
      assert.equal(response.statusCode, 400, `${JSON.stringify(body).slice(0, 100)}: ${response.body}`);
      assert.ok(response.json().fields?.[field], `${field} is named: ${response.body}`);
    }
    assert.equal((await anonymous('GET', `/feedback/${session.key}`)).json().submitted, false);
    const count = await facility.server.platform.db.selectFrom('session_feedback as f').innerJoin('beamline_sessions as s', 's.id', 'f.session_id')
      .select('f.id').where('s.name', '=', session.name).execute();
    assert.deepEqual(count, []);
  });

  test('a logged-in browser can answer too, with or without its CSRF token (the key is what counts)', async () => {
    const withoutToken = await launched('SIM-1');
    const cookieOnly = await facility.server.app.inject({
      method: 'POST', url: `/rest/v1/feedback/${withoutToken.key}`, headers: { cookie: demo.cookie }, payload: { ratings: [], comments: 'fine' },
    });
    assert.equal(cookieOnly.statusCode, 201, cookieOnly.body);
    const withToken = await launched('SIM-1');
    const full = await as(demo, 'POST', `/feedback/${withToken.key}`, { ratings: [{ area_id: area('Staff support'), rating: 2 }] });
    assert.equal(full.statusCode, 201, full.body);
  });

  test('staff read averages per area overall, per beamline and per month', async () => {
    const db = facility.server.platform.db;
    const control = area('Beamline control software');
    const robot = area('Sample automounter');
    // Four answers on two beamlines over two months (dated in 2024, away from the other tests' answers).
    const plan = [
      { beamline: 'SIM-1', at: '2024-01-10T09:00:00.000Z', contact: true, ratings: [{ area_id: control, rating: 2 }, { area_id: robot, rating: 1 }] },
      { beamline: 'SIM-1', at: '2024-02-05T09:00:00.000Z', contact: false, ratings: [{ area_id: control, rating: -1 }, { area_id: robot, rating: null }] },
      { beamline: 'SIM-2', at: '2024-01-20T09:00:00.000Z', contact: true, ratings: [{ area_id: control, rating: 1 }, { area_id: robot, rating: -2 }] },
      { beamline: 'SIM-2', at: '2024-02-15T09:00:00.000Z', contact: false, ratings: [{ area_id: control, rating: 2 }] },
    ];
    for (const entry of plan) {
      const session = await launched(entry.beamline);
      const response = await anonymous('POST', `/feedback/${session.key}`, { ratings: entry.ratings, contact: entry.contact, comments: `on ${entry.beamline}` });
      assert.equal(response.statusCode, 201, response.body);
      await db.updateTable('session_feedback').set({ created_at: entry.at }).where('id', '=', response.json().id).execute();
    }

    const response = await as(staff, 'GET', '/feedback-results?from=2024-01-01&to=2024-03-01');
    assert.equal(response.statusCode, 200, response.body);
    const results = response.json();
    type AreaStats = { area_id: number; average: number | null; not_applicable: number };
    const stats = (group: { areas: AreaStats[] }, id: number) => group.areas.find((a) => a.area_id === id)!;
    assert.equal(results.feedback_count, 4);
    assert.equal(results.contact_requests, 2);
    assert.equal(results.average, 0.5, '(2 + 1 − 1 + 1 − 2 + 2) / 6');
    assert.deepEqual(results.areas.map((a: { area: string }) => a.area), [...DEMO_AREAS], 'every active area, in survey order');
    assert.deepEqual(stats(results, control), {
      area_id: control, area: 'Beamline control software', average: 1, ratings: 4, not_applicable: 0, counts: { '-2': 0, '-1': 1, '1': 1, '2': 2 },
    });
    assert.deepEqual(stats(results, robot), {
      area_id: robot, area: 'Sample automounter', average: -0.5, ratings: 2, not_applicable: 1, counts: { '-2': 1, '-1': 0, '1': 1, '2': 0 },
    });
    assert.deepEqual(stats(results, area('Data processing')), {
      area_id: area('Data processing'), area: 'Data processing', average: null, ratings: 0, not_applicable: 0, counts: { '-2': 0, '-1': 0, '1': 0, '2': 0 },
    });

    assert.deepEqual(results.beamlines.map((b: { beamline: string; feedback_count: number }) => [b.beamline, b.feedback_count]), [['SIM-1', 2], ['SIM-2', 2]]);
    const [sim1, sim2] = results.beamlines;
    assert.deepEqual([stats(sim1, control).average, stats(sim1, robot).average, stats(sim1, robot).not_applicable], [0.5, 1, 1]);
    assert.deepEqual([stats(sim2, control).average, stats(sim2, robot).average], [1.5, -2]);
    assert.equal(sim1.average, 2 / 3);
    assert.equal(sim2.contact_requests, 1);

    assert.deepEqual(results.months.map((m: { month: string; feedback_count: number }) => [m.month, m.feedback_count]), [['2024-01', 2], ['2024-02', 2]]);
    const [january, february] = results.months;
    assert.deepEqual([stats(january, control).average, stats(january, robot).average], [1.5, -0.5]);
    assert.deepEqual([stats(february, control).average, stats(february, robot).average, stats(february, robot).not_applicable], [0.5, null, 1]);

    const oneLine = (await as(staff, 'GET', '/feedback-results?beamline=SIM-2&from=2024-01-01&to=2024-03-01')).json();
    assert.equal(oneLine.feedback_count, 2);
    assert.deepEqual(oneLine.beamlines.map((b: { beamline: string }) => b.beamline), ['SIM-2']);
    assert.equal(stats(oneLine, control).average, 1.5);

    // The answers themselves, newest first, with comments and ratings.
    const list = (await as(staff, 'GET', '/feedback?from=2024-01-01&to=2024-03-01&limit=3')).json();
    assert.equal(list.count, 4);
    assert.deepEqual(list.results.map((f: { created_at: string }) => f.created_at), ['2024-02-15T09:00:00.000Z', '2024-02-05T09:00:00.000Z', '2024-01-20T09:00:00.000Z']);
    assert.equal(list.results[1].beamline, 'SIM-1');
    assert.equal(list.results[1].project, 'demo');
    assert.equal(list.results[1].comments, 'on SIM-1');
    assert.deepEqual(list.results[1].ratings, [
      { area_id: control, area: 'Beamline control software', rating: -1 },
      { area_id: robot, area: 'Sample automounter', rating: null },
    ]);
    const wanting = (await as(staff, 'GET', '/feedback?from=2024-01-01&to=2024-03-01&contact=true&beamline=SIM-2')).json();
    assert.deepEqual(wanting.results.map((f: { created_at: string }) => f.created_at), ['2024-01-20T09:00:00.000Z']);

    const badDate = await as(staff, 'GET', '/feedback-results?from=someday');
    assert.equal(badDate.statusCode, 400);
    assert.ok(badDate.json().fields.from);
  });

  test('staff manage the support areas; a rated area can only be deactivated, and leaves the survey', async () => {
    const created = await as(staff, 'POST', '/support-areas', { name: 'Sample preparation lab', description: 'Benches and microscopes', sort_order: 0 });
    assert.equal(created.statusCode, 201, created.body);
    const lab = created.json();
    assert.deepEqual({ ...lab, id: 0, created_at: '', updated_at: '' }, {
      id: 0, name: 'Sample preparation lab', description: 'Benches and microscopes', active: true, sort_order: 0, created_at: '', updated_at: '',
    });
    assert.equal((await as(staff, 'POST', '/support-areas', { name: 'Sample preparation lab' })).statusCode, 409);
    assert.equal((await as(staff, 'POST', '/support-areas', { name: '   ' })).statusCode, 400);

    const session = await launched('SIM-1');
    const survey = (await anonymous('GET', `/feedback/${session.key}`)).json();
    assert.equal(survey.areas[0].name, 'Sample preparation lab', 'sort order 0 comes before the demo areas (1–5)');

    const renamed = await as(staff, 'PATCH', `/support-areas/${lab.id}`, { name: 'Sample lab' });
    assert.equal(renamed.json().name, 'Sample lab');
    assert.equal((await anonymous('POST', `/feedback/${session.key}`, { ratings: [{ area_id: lab.id, rating: 1 }] })).statusCode, 201);

    const refused = await as(staff, 'DELETE', `/support-areas/${lab.id}`);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().detail, /deactivate it instead/);
    assert.equal((await as(staff, 'PATCH', `/support-areas/${lab.id}`, { active: false })).json().active, false);
    const later = await launched('SIM-1');
    assert.ok(!(await anonymous('GET', `/feedback/${later.key}`)).json().areas.some((a: { id: number }) => a.id === lab.id));

    const unused = (await as(staff, 'POST', '/support-areas', { name: 'Never rated' })).json();
    assert.equal((await as(staff, 'DELETE', `/support-areas/${unused.id}`)).statusCode, 204);
    assert.equal((await as(staff, 'GET', `/support-areas/${unused.id}`)).statusCode, 404);
    assert.equal((await as(staff, 'GET', '/support-areas?active=false')).json().results.some((a: { id: number }) => a.id === lab.id), true);
  });

  test('only staff see results, answers and areas: 403 for a project user, 401 without a login', async () => {
    for (const url of ['/feedback-results', '/feedback', '/support-areas', `/support-areas/${areas[0].id}`]) {
      assert.equal((await as(demo, 'GET', url)).statusCode, 403, url);
      assert.equal((await anonymous('GET', url)).statusCode, 401, url);
    }
    assert.equal((await as(demo, 'POST', '/support-areas', { name: 'Mine' })).statusCode, 403);
    assert.equal((await as(demo, 'PATCH', `/support-areas/${areas[0].id}`, { active: false })).statusCode, 403);
    assert.equal((await as(demo, 'DELETE', `/support-areas/${areas[0].id}`)).statusCode, 403);
  });
});

describe('guessing survey keys', () => {
  let facility: Facility;
  before(async () => {
    facility = await startFacility({ LIGHTPATH_SURVEY_MISS_RATE: '3/hour' });
    await facility.load(DEMO_FACILITY);
  });
  after(() => facility.close());

  test('after a few links that lead nowhere, an address gets 429 even for a right key; right keys do not count', async () => {
    const mxdc = facility.client('demo');
    assert.equal((await mxdc.register()).status, 200);
    const name = sessionKey('SIM-1');
    const key = keyOf((await mxdc.launch('SIM-1', name)).body.survey);
    const get = (k: string) => facility.server.app.inject({ method: 'GET', url: `/rest/v1/feedback/${k}` });
    for (let i = 0; i < 5; i++) assert.equal((await get(key)).statusCode, 200, 'right keys are never counted');
    for (let i = 0; i < 3; i++) assert.equal((await get(`wrong${i}`)).statusCode, 404);
    const refused = await get(key);
    assert.equal(refused.statusCode, 429);
    assert.match(refused.json().detail, /Too many survey links/);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    const post = await facility.server.app.inject({ method: 'POST', url: `/rest/v1/feedback/${key}`, payload: { ratings: [] } });
    assert.equal(post.statusCode, 429);
  });
});
