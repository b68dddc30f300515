// POST /api/observe/ (spec §1.4, §8 "Observe API", decisions T9–T11): field validation with DRF's
// messages, the three 404s in order, form errors, portal failures, one record and alert per
// observation id, the 201 echo, and the throttle.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { makeUser, login } from '../../helpers/accounts.ts';
import { createTarget } from '../../../src/tom/targets.ts';
import { saveTemplate, instanceName } from '../../../src/tom/observations/templates.ts';
import { FakeFacility } from './fake-facility.ts';

describe('POST /api/observe/', () => {
  let server: TestServer;
  let fake: FakeFacility;
  let targetId: number;
  const observe = (payload: unknown, extra: Partial<InjectOptions> = {}) => server.app.inject({ method: 'POST', url: '/api/observe/', payload: payload as object, ...extra });
  const count = async (table: 'observation_records' | 'observation_alerts') => Number((await server.platform.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const valid = () => ({ target: targetId, template_name: 'mytemplate', facility: 'TemplateFake', overrides: { extra_field: 'hello' }, email: 'someone@someplace.net' });

  before(async () => {
    fake = new FakeFacility();
    server = await startTestServer({ app: { facilities: new Map([['TemplateFake', fake], ['AnotherFake', new FakeFacility('AnotherFake')]]) }, env: { LIGHTPATH_OBSERVE_RATE: '1000/minute' } });
    const target = await createTarget(server.platform.db, { identifier: 'my-target', name: 'my target', name2: '', name3: '', kind: 'sidereal', ra: 1, dec: 2, is_public: true, owner_id: null }, {});
    targetId = target.id;
    await saveTemplate(server.platform.db, { name: 'mytemplate', targetId, facility: 'TemplateFake', fields: { test_input: 'ignored', extra_field: 'stored', another_extra_field: 17, target_id: targetId, facility: 'TemplateFake', observation_type: '' } });
  });
  after(() => server.close());
  beforeEach(() => {
    fake.nextSubmit = 'auto';
  });

  test('creates an observation and its alert; answers 201 echoing the validated input', async () => {
    const before = await count('observation_records');
    const response = await observe({ ...valid(), target: String(targetId), email: '  someone@someplace.net ' });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.body, JSON.stringify({ target: targetId, template_name: 'mytemplate', facility: 'TemplateFake', overrides: { extra_field: 'hello' }, email: 'someone@someplace.net' }));
    assert.equal(await count('observation_records'), before + 1);
    const record = await server.platform.db.selectFrom('observation_records').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(record.facility, 'TemplateFake');
    assert.match(record.observation_id, /^fakeid-\d+$/);
    const parameters = JSON.parse(record.parameters);
    assert.equal(parameters.extra_field, 'hello', 'the override wins');
    assert.equal(parameters.another_extra_field, 17, 'stored values are kept');
    assert.match(parameters.test_input, /^mytemplate-\d{4}-\d\d-\d\d-\d{6}$/);
    assert.equal(parameters.target_id, targetId);
    const alert = await server.platform.db.selectFrom('observation_alerts').selectAll().where('observation_record_id', '=', record.id).executeTakeFirstOrThrow();
    assert.equal(alert.email, 'someone@someplace.net');
  });

  test('without overrides the echo has no overrides key', async () => {
    const { overrides: _o, ...input } = valid();
    const response = await observe(input);
    assert.equal(response.statusCode, 201);
    assert.deepEqual(Object.keys(response.json()), ['target', 'template_name', 'facility', 'email']);
  });

  test('field errors use DRF messages, all fields at once, and create nothing', async () => {
    const before = await count('observation_records');
    const cases: Array<[unknown, Record<string, string[]>]> = [
      [{}, { target: ['This field is required.'], template_name: ['This field is required.'], facility: ['This field is required.'], email: ['This field is required.'] }],
      [{ ...valid(), target: 'abc' }, { target: ['A valid integer is required.'] }],
      [{ ...valid(), target: 0 }, { target: ['Ensure this value is greater than or equal to 1.'] }],
      [{ ...valid(), target: null }, { target: ['This field may not be null.'] }],
      [{ ...valid(), template_name: '   ' }, { template_name: ['This field may not be blank.'] }],
      [{ ...valid(), overrides: 'start=today' }, { overrides: ['Expected a dictionary of items but got type "str".'] }],
      [{ ...valid(), overrides: null }, { overrides: ['This field may not be null.'] }],
      [{ ...valid(), email: 'not-an-email' }, { email: ['Enter a valid email address.'] }],
      [[1, 2], { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] }],
    ];
    for (const [payload, errors] of cases) {
      const response = await observe(payload);
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      assert.deepEqual(response.json(), errors, JSON.stringify(payload));
    }
    assert.equal(await count('observation_records'), before);
  });

  test('the three 404s, in order: target, facility, template', async () => {
    const target = await observe({ ...valid(), target: 10000000000 });
    assert.equal(target.statusCode, 404);
    assert.deepEqual(target.json(), { detail: 'Target not found.' });
    const facility = await observe({ ...valid(), target: 10000000000, facility: 'Nowhere' });
    assert.deepEqual(facility.json(), { detail: 'Target not found.' }, 'the target is checked first');
    const noFacility = await observe({ ...valid(), facility: 'Nowhere' });
    assert.deepEqual(noFacility.json(), { detail: 'Facility not found.' });
    const template = await observe({ ...valid(), template_name: 'tempo' });
    assert.equal(template.statusCode, 404);
    assert.deepEqual(template.json(), { detail: "Template 'tempo' not found for target 'my target' and facility 'TemplateFake'" });
    const otherFacility = await observe({ ...valid(), facility: 'AnotherFake' });
    assert.deepEqual(otherFacility.json(), { detail: "Template 'mytemplate' not found for target 'my target' and facility 'AnotherFake'" });
  });

  test('form errors from the facility, non-field errors under __all__', async () => {
    const invalid = await observe({ ...valid(), overrides: { another_extra_field: 'not an integer' } });
    assert.equal(invalid.statusCode, 400);
    assert.deepEqual(invalid.json(), { another_extra_field: ['Enter a whole number.'] });
    const combination = await observe({ ...valid(), overrides: { extra_field: 'bad-combination' } });
    assert.deepEqual(combination.json(), { __all__: ['That combination is not allowed'] });
  });

  test('portal refusals are 400, an unreachable portal 502; neither leaves a record (T9)', async () => {
    const before = await count('observation_records');
    fake.nextSubmit = 'reject';
    const rejected = await observe(valid());
    assert.equal(rejected.statusCode, 400);
    assert.deepEqual(rejected.json(), { detail: 'TemplateFake: {"proposal": ["no time left"]}' });
    fake.nextSubmit = 'down';
    const down = await observe(valid());
    assert.equal(down.statusCode, 502);
    assert.match(down.json().detail, /unreachable/);
    assert.equal(await count('observation_records'), before);
  });

  test('several observation ids (a cadence) make one record and alert each (T9)', async () => {
    const before = await count('observation_alerts');
    fake.nextSubmit = ['c1', 'c2', 'c3'];
    assert.equal((await observe(valid())).statusCode, 201);
    assert.equal(await count('observation_alerts'), before + 3);
  });

  test('malformed JSON, other content types and other methods get DRF-style answers', async () => {
    const malformed = await observe('{"target": ', { headers: { 'content-type': 'application/json' } });
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.json().detail, /^JSON parse error - /);
    const text = await observe('target=1', { headers: { 'content-type': 'text/csv' } });
    assert.equal(text.statusCode, 415);
    assert.equal(text.json().detail, 'Unsupported media type "text/csv" in request.');
    const get = await server.app.inject({ method: 'GET', url: '/api/observe/' });
    assert.equal(get.statusCode, 405);
    assert.deepEqual(get.json(), { detail: 'Method "GET" not allowed.' });
  });

  test('a private target is "Target not found." for others, and works for its owner', async () => {
    const owner = await makeUser(server.platform, 'astro');
    const hidden = await createTarget(server.platform.db, { identifier: 'hidden', name: 'Hidden', name2: '', name3: '', kind: 'sidereal', ra: 1, dec: 1, is_public: false, owner_id: owner.id }, {});
    await saveTemplate(server.platform.db, { name: 'mytemplate', targetId: hidden.id, facility: 'TemplateFake', fields: { test_input: 'x' } });
    const anonymous = await observe({ ...valid(), target: hidden.id });
    assert.deepEqual(anonymous.json(), { detail: 'Target not found.' });
    const session = await login(server.app, 'astro');
    const mine = await observe({ ...valid(), target: hidden.id }, { headers: session.headers });
    assert.equal(mine.statusCode, 201);
  });

  test('template instances are named <template>-<YYYY-MM-DD-HHMMSS>', () => {
    assert.equal(instanceName('mytemplate', new Date('2019-01-02T03:04:05.000006Z')), 'mytemplate-2019-01-02-030405');
  });
});

describe('the observe throttle', () => {
  test('6 a minute per client address: the 7th is 429 with Retry-After; every request counts, refusals do not', async () => {
    const fake = new FakeFacility();
    const server = await startTestServer({ app: { facilities: new Map([['TemplateFake', fake]]) } });
    try {
      const statuses = [];
      statuses.push((await server.app.inject({ method: 'GET', url: '/api/observe/' })).statusCode);
      for (let i = 0; i < 5; i++) statuses.push((await server.app.inject({ method: 'POST', url: '/api/observe/', payload: {} })).statusCode);
      assert.deepEqual(statuses, [405, 400, 400, 400, 400, 400]);
      const refused = await server.app.inject({ method: 'POST', url: '/api/observe/', payload: {} });
      assert.equal(refused.statusCode, 429);
      const wait = Number(refused.headers['retry-after']);
      assert.ok(wait >= 59 && wait <= 60, `Retry-After ${wait}`);
      assert.deepEqual(refused.json(), { detail: `Request was throttled. Expected available in ${wait} seconds.` });
      const other = await server.app.inject({ method: 'POST', url: '/api/observe/', payload: {}, remoteAddress: '127.0.0.2' });
      assert.equal(other.statusCode, 400, 'another address has its own count');
      const hits = await server.platform.db.selectFrom('rate_limit_hits').select('id').where('bucket', 'like', 'observe:%').execute();
      assert.equal(hits.length, 7, 'six from the first address, one from the second; the refusal was not counted');
    } finally {
      await server.close();
    }
  });

  test('a logged-in user is throttled by account, not address', async () => {
    const server = await startTestServer({ env: { LIGHTPATH_OBSERVE_RATE: '2/minute' }, app: { facilities: new Map() } });
    try {
      await makeUser(server.platform, 'student');
      const session = await login(server.app, 'student');
      for (let i = 0; i < 2; i++) assert.equal((await server.app.inject({ method: 'POST', url: '/api/observe/', payload: {}, headers: session.headers })).statusCode, 400);
      assert.equal((await server.app.inject({ method: 'POST', url: '/api/observe/', payload: {}, headers: session.headers })).statusCode, 429);
      assert.equal((await server.app.inject({ method: 'POST', url: '/api/observe/', payload: {} })).statusCode, 400, 'anonymous from the same address is counted apart');
    } finally {
      await server.close();
    }
  });
});
