// Body limits every route shares: nesting deeper than 64 levels, bytes that are not UTF-8 and NUL
// characters are a 400 {"detail"} before any route code runs (issue 8, A4 and A8), for JSON,
// msgpack and forms. PostgreSQL cannot store NUL: without the check those were 500s there.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { encode } from '@msgpack/msgpack';
import type { LightMyRequestResponse } from 'fastify';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { bearer, login, makeUser } from '../helpers/accounts.ts';
import type { Login } from '../helpers/accounts.ts';
import { createTarget } from '../../src/tom/targets.ts';
import { saveTemplate } from '../../src/tom/observations/templates.ts';
import { FakeFacility } from '../tom/observations/fake-facility.ts';
import { DEMO_FACILITY, startFacility } from '../lims/facility.ts';
import type { Facility } from '../lims/facility.ts';
import { sessionKey } from '../support/mxdc/client.ts';
import type { MxdcClient } from '../support/mxdc/client.ts';

const TOO_DEEP = 'JSON nested deeper than 64 levels.';
const deepJson = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
/** A JSON object whose "value" is an array nested `levels` deep. */
const deepField = (fields: Record<string, unknown>, key: string, levels: number) =>
  JSON.stringify({ ...fields, [key]: 0 }).replace(/0}$/, `${deepJson(levels)}}`);
/** JSON text with bytes that are not UTF-8 (Latin-1 "é") inside a string. */
const latin1Json = (fields: Record<string, unknown>, key: string) => {
  const [head, tail] = JSON.stringify({ ...fields, [key]: 'caf#' }).split('#');
  return Buffer.concat([Buffer.from(head), Buffer.from([0xe9]), Buffer.from(tail)]);
};

function assertRefused(response: LightMyRequestResponse | { statusCode: number; body: string }, detail: string | RegExp) {
  assert.equal(response.statusCode, 400, response.body);
  const body = JSON.parse(response.body);
  assert.deepEqual(Object.keys(body), ['detail']);
  if (typeof detail === 'string') assert.equal(body.detail, detail);
  else assert.match(body.detail, detail);
}

describe('request bodies: nesting depth and UTF-8', () => {
  let server: TestServer;
  let staff: Login;
  let targetId: number;
  const facility = new FakeFacility();
  const count = async (table: 'shipments' | 'targets' | 'observation_records' | 'beamlines') =>
    Number((await server.platform.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const post = (url: string, payload: string | Buffer, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload });

  before(async () => {
    server = await startTestServer({ app: { facilities: new Map([['TemplateFake', facility]]) }, env: { LIGHTPATH_OBSERVE_RATE: '1000/minute' } });
    await makeUser(server.platform, 'boss', { staff: true });
    staff = await login(server.app, 'boss');
    const target = await createTarget(server.platform.db, { identifier: 't1', name: 't1', name2: '', name3: '', kind: 'sidereal', ra: 1, dec: 2, is_public: true, owner_id: null }, {});
    targetId = target.id;
    await saveTemplate(server.platform.db, { name: 'tpl', targetId, facility: 'TemplateFake', fields: { test_input: 'x', target_id: targetId, facility: 'TemplateFake', observation_type: '' } });
  });
  after(() => server.close());

  test('5000 nested brackets on a beamline REST write route are a 400, not a stack overflow', async () => {
    const before = await count('beamlines');
    assertRefused(await post('/rest/v1/beamlines', deepJson(5000), staff.headers), TOO_DEEP);
    assertRefused(await post('/rest/v1/beamlines', deepField({ acronym: 'BL-9', name: 'Nine' }, 'name', 5000), staff.headers), TOO_DEEP);
    assert.equal(await count('beamlines'), before);
  });

  test('every write route of the REST API refuses 5000 nested brackets with the same 400', async () => {
    const document = (await server.app.inject({ method: 'GET', url: '/rest/openapi.json' })).json();
    let routes = 0;
    for (const [path, operations] of Object.entries<Record<string, unknown>>(document.paths)) {
      for (const method of Object.keys(operations).filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))) {
        const url = path.replace(/\{[^}]+\}/g, '1');
        const response = await server.app.inject({
          method: method.toUpperCase() as 'POST', url, headers: { ...staff.headers, 'content-type': 'application/json' }, payload: deepJson(5000),
        });
        assert.equal(response.statusCode, 400, `${method} ${url}: ${response.body}`);
        assert.deepEqual(response.json(), { detail: TOO_DEEP }, `${method} ${url}`);
        routes++;
      }
    }
    assert.ok(routes > 50, `${routes} write routes`);
  });

  test('nesting is counted outside strings only, and 64 levels still parse', async () => {
    // Brackets inside a string are text: the route sees a plain (if odd) name and validates it as usual.
    const quoted = await post('/rest/v1/shipments', JSON.stringify({ name: '['.repeat(200) }), staff.headers);
    assert.notEqual(quoted.statusCode, 500);
    assert.doesNotMatch(quoted.body, /nested deeper/);
    const escaped = await post('/rest/v1/shipments', JSON.stringify({ name: '\\"[[[' + '['.repeat(100) }), staff.headers);
    assert.doesNotMatch(escaped.body, /nested deeper/);
    // 63 levels inside the top-level object make 64: allowed by the parser, refused by the schema.
    const allowed = await post('/rest/v1/shipments', deepField({ name: 'ok' }, 'comments', 63), staff.headers);
    assert.equal(allowed.statusCode, 400);
    assert.ok(JSON.parse(allowed.body).fields, allowed.body);
    assertRefused(await post('/rest/v1/shipments', deepField({ name: 'ok' }, 'comments', 64), staff.headers), TOO_DEEP);
  });

  test('a telescope REST route refuses deep nesting too', async () => {
    const before = await count('targets');
    const body = deepField({ name: 'deep', kind: 'sidereal', ra: 1, dec: 1 }, 'extra_fields', 3000);
    assertRefused(await post('/rest/v1/targets', body, await bearer(server.platform, (await server.platform.users.findByUsername('boss'))!)), TOO_DEEP);
    assert.equal(await count('targets'), before);
  });

  test('/api/observe/ refuses deep overrides before anything reaches the portal', async () => {
    const before = await count('observation_records');
    const submitted = facility.submitted.length;
    const body = deepField({ target: targetId, template_name: 'tpl', facility: 'TemplateFake', email: 'a@example.org' }, 'overrides', 5000);
    assertRefused(await post('/api/observe/', body), TOO_DEEP);
    assert.equal(facility.submitted.length, submitted);
    assert.equal(await count('observation_records'), before);
  });

  test('JSON with bytes that are not UTF-8 is a 400, not stored as U+FFFD', async () => {
    const before = await count('shipments');
    assertRefused(await post('/rest/v1/shipments', latin1Json({}, 'name'), staff.headers), 'Request body is not valid UTF-8 JSON.');
    // A lone surrogate half and an overlong encoding of "/" are not UTF-8 either.
    assertRefused(await post('/rest/v1/shipments', Buffer.from([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d]), staff.headers), /not valid UTF-8/);
    assertRefused(await post('/rest/v1/shipments', Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]), staff.headers), /not valid UTF-8/);
    assertRefused(await post('/api/observe/', latin1Json({ target: targetId, template_name: 'tpl', facility: 'TemplateFake' }, 'email')), /not valid UTF-8/);
    assert.equal(await count('shipments'), before);
    // Real UTF-8 (and a byte-order mark in front) is fine.
    const good = await post('/rest/v1/shipments', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ name: 'café' }))]), staff.headers);
    assert.notEqual(good.statusCode, 500);
    assert.doesNotMatch(good.body, /UTF-8/);
  });

  test('text with a NUL character is a 400 naming the field, on every route (both databases alike)', async () => {
    const before = await count('shipments');
    const tokens = await post('/rest/v1/tokens', JSON.stringify({ name: 'a\u0000b', scope: 'read' }), staff.headers);
    assert.equal(tokens.statusCode, 400, tokens.body);
    assert.deepEqual(tokens.json(), { detail: 'Text may not contain NUL characters (name).', fields: { name: ['contains a NUL character'] } });
    const nested = await post('/rest/v1/shipments', JSON.stringify({ name: 'ok', comments: 'fine', extra: [{ deep: 'x\u0000' }] }), staff.headers);
    assert.deepEqual(nested.json().fields, { 'extra.0.deep': ['contains a NUL character'] });
    const key = await post('/rest/v1/shipments', JSON.stringify({ ['na\u0000me']: 'x' }), staff.headers);
    assert.equal(key.statusCode, 400);
    const form = await server.app.inject({
      method: 'POST', url: '/rest/v1/tokens', headers: { ...staff.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=a%00b&scope=read',
    });
    assert.deepEqual(form.json(), { detail: 'Text may not contain NUL characters (name).', fields: { name: ['contains a NUL character'] } });
    // An escaped backslash before "u0000" is not a NUL character.
    const literal = await post('/rest/v1/tokens', JSON.stringify({ name: 'back\\u0000slash', scope: 'read' }), staff.headers);
    assert.equal(literal.statusCode, 201, literal.body);
    assert.equal(await count('shipments'), before);
  });

  test('form bodies refuse bytes and %-escapes that are not UTF-8', async () => {
    const form = (payload: string | Buffer) => server.app.inject({
      method: 'POST', url: '/rest/v1/auth/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload,
    });
    assertRefused(await form(Buffer.concat([Buffer.from('username=boss&password=caf'), Buffer.from([0xe9])])), 'Request body is not valid UTF-8 form data.');
    assertRefused(await form('username=boss&password=caf%E9'), /not valid form encoding/);
    assertRefused(await form('username=boss&password=%zz'), /not valid form encoding/);
    const ok = await form('username=boss&password=boss-password');
    assert.equal(ok.statusCode, 200, ok.body);
    const spaces = await form('username=bo+ss&password=caf%C3%A9');
    assert.equal(spaces.statusCode, 401, spaces.body);
  });
});

describe('MxDC msgpack bodies: nesting depth and NUL', () => {
  let facility: Facility;
  let mxdc: MxdcClient;
  before(async () => {
    facility = await startFacility();
    await facility.load(DEMO_FACILITY);
    mxdc = facility.client('demo');
    assert.equal((await mxdc.register()).status, 200);
  });
  after(() => facility.close());

  test('AddData with a value nested 5000 levels deep is a 400 and records nothing', async () => {
    const session = sessionKey('SIM-1');
    assert.equal((await mxdc.launch('SIM-1', session)).status, 200);
    const payload = {
      name: 'deep_1', frames: '1-10', filename: 'deep_1_{:05d}.cbf', type: 'DATA', directory: facility.directory('demo/deep'),
      energy: 12.6, attenuation: 0, exposure: 1, start_time: '2026-11-21T10:00:00+00:00', end_time: '2026-11-21T10:01:00+00:00',
      deep: 'PLACEHOLDER-VALUE',
    };
    // The encoder refuses deep values itself, so the nesting is spliced in as raw bytes: fixarray(1) × 5000, then nil.
    const encoded = Buffer.from(encode(payload));
    const placeholder = Buffer.from(encode('PLACEHOLDER-VALUE'));
    const at = encoded.indexOf(placeholder);
    const body = Buffer.concat([encoded.subarray(0, at), Buffer.alloc(5000, 0x91), Buffer.from([0xc0]), encoded.subarray(at + placeholder.length)]);
    const datasets = async () => Number((await facility.server.platform.db.selectFrom('datasets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await datasets();
    const reply = await mxdc.post('data/SIM-1/', body);
    assert.equal(reply.status, 400, reply.text);
    assert.deepEqual(reply.body, { detail: 'msgpack nested deeper than 64 levels.' });
    assert.equal(await datasets(), before);
    // The same payload without the deep value is recorded.
    const plain = await mxdc.addData('SIM-1', { ...payload, deep: [[1]] });
    assert.equal(plain.status, 200, plain.text);
  });

  test('AddReport with a NUL character in its text is a 400 naming the field', async () => {
    const reports = async () => Number((await facility.server.platform.db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await reports();
    const reply = await mxdc.addReport('SIM-1', { data_id: [], directory: facility.directory('demo/nul'), title: 'NUL', kind: 'a\u0000b', score: 0.5 });
    assert.equal(reply.status, 400, reply.text);
    assert.deepEqual(reply.body, { detail: 'Text may not contain NUL characters (kind).', fields: { kind: ['contains a NUL character'] } });
    assert.equal(await reports(), before);
  });
});
