// Bad input is a 400 with the fields named, before anything is written; the access rules (login,
// staff, CSRF, read-only tokens) hold on every LIMS route; concurrent writes never end in a 500;
// and every route is in the OpenAPI document under one of the LIMS tags.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer } from '../../helpers/accounts.ts';
import { draftShipment, startWorld } from './world.ts';
import type { World } from './world.ts';

const LIMS_TAGS = ['projects', 'shipments', 'containers', 'groups', 'samples', 'beamlines', 'automounters', 'sessions', 'datasets', 'reports', 'access-lists', 'ssh-keys', 'container-types'];

describe('input checking and access rules', () => {
  let world: World;
  let trip: Awaited<ReturnType<typeof draftShipment>>;
  before(async () => {
    world = await startWorld();
    trip = await draftShipment(world, 'alice', 'V1');
  });
  after(() => world.close());

  test('wrong types, unknown fields and missing fields are 400 with "fields"', async () => {
    const cases: Array<[string, string, unknown, string[]]> = [
      ['POST', '/shipments', { name: 42 }, ['name']],
      ['POST', '/shipments', { name: 'ok', colour: 'blue' }, ['colour']],
      ['POST', '/shipments', {}, ['name']],
      ['PATCH', `/shipments/${trip.shipment}`, {}, ['non_field_errors']],
      ['POST', '/containers', { shipment_id: '1', name: 'X', type: 'Uni-Puck' }, ['shipment_id']],
      ['POST', '/containers', { shipment_id: trip.shipment, name: 'has space', type: 'Uni-Puck' }, ['name']],
      ['POST', '/groups', { shipment_id: trip.shipment, name: 'g', kind: 'weird', energy: 'high' }, ['kind', 'energy']],
      ['POST', '/samples', { container_id: trip.puck, name: 'x', location: 3 }, ['location']],
      ['PATCH', `/samples/${trip.samples[0]}`, { priority: 1.5, extra: true }, ['priority', 'extra']],
      ['POST', `/containers/${trip.puck}/load`, { parent_id: trip.adaptor }, ['location']],
      ['POST', `/shipments/${trip.shipment}/send`, { tracking_code: 7 }, ['tracking_code']],
      ['POST', `/shipments/${trip.shipment}/recall`, { anything: 1 }, ['anything']],
      ['PATCH', `/projects/${world.projects.alice}`, { mxdc_key: 'sneaky' }, ['mxdc_key']],
    ];
    for (const [method, url, payload, fields] of cases) {
      const response = await world.api('alice', method as 'POST', url, payload);
      assert.equal(response.statusCode, 400, `${method} ${url}: ${response.body}`);
      const body = response.json();
      assert.equal(typeof body.detail, 'string');
      for (const field of fields) assert.ok(body.fields?.[field], `${method} ${url}: no "${field}" in ${response.body}`);
    }
    const ids = await world.api('alice', 'GET', '/shipments/abc');
    assert.equal(ids.statusCode, 400);
  });

  test('a field\'s problem is said in words a person reads, not as the rule\'s pattern', async () => {
    const name = await world.api('alice', 'POST', '/containers', { shipment_id: trip.shipment, name: 'has space', type: 'Uni-Puck' });
    assert.equal(name.statusCode, 400);
    assert.deepEqual(name.json().fields.name, ['must be 1 to 60 letters, digits, _ or -']);
    // A nullable number out of range: the range, without "must be null" beside it.
    const energy = await world.api('alice', 'POST', '/groups', { shipment_id: trip.shipment, name: 'g', energy: 500 });
    assert.equal(energy.statusCode, 400);
    assert.deepEqual(energy.json().fields.energy, ['must be more than 0 and at most 100 (keV)']);
  });

  test('nothing is written by a refused request', async () => {
    assert.equal((await world.ok('alice', 'GET', `/shipments/${trip.shipment}`)).name, 'V1');
  });

  test('input the database could not hold is a 400, never a 500', async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ['GET', '/shipments/99999999999', undefined, 'id'],
      ['GET', '/shipments?offset=99999999999999', undefined, 'offset'],
      ['POST', '/containers', { shipment_id: 99999999999, name: 'X', type: 'Uni-Puck' }, 'shipment_id'],
      ['PATCH', `/shipments/${trip.shipment}`, { comments: 'nul \u0000 byte' }, 'comments'],
      ['GET', '/samples?name=a%00b', undefined, 'name'],
      ['PATCH', `/projects/${world.projects.alice}`, { postal_code: 'x'.repeat(31) }, 'postal_code'],
      ['GET', '/datasets?created_after=2026-02-30T00:00:00Z', undefined, 'created_after'],
    ];
    for (const [method, url, payload, field] of cases) {
      const response = await world.api('alice', method as 'POST', url, payload);
      assert.equal(response.statusCode, 400, `${method} ${url}: ${response.body}`);
      assert.ok(response.json().fields?.[field], `${method} ${url}: ${response.body}`);
    }
    const csv = await world.csv('alice', trip.puck, 'name,location,comments\nnul,9,"a\u0000b"\n');
    assert.equal(csv.statusCode, 400);
    // A filter value beyond the id range names nothing: an empty list, as any unknown id or name.
    for (const url of ['/samples?container=99999999999', '/containers?type=99999999999']) {
      assert.deepEqual((await world.ok('alice', 'GET', url)), { count: 0, results: [] }, url);
    }
  });

  test('anonymous requests are 401; staff routes are 403 for owners', async () => {
    const anonymous = await world.server.app.inject({ method: 'GET', url: '/rest/v1/shipments' });
    assert.equal(anonymous.statusCode, 401);
    for (const [method, url] of [['GET', '/automounters'], ['GET', '/access-lists'], ['POST', `/projects/${world.projects.alice}/reset-mxdc-key`], ['POST', `/shipments/${trip.shipment}/receive`]]) {
      assert.equal((await world.api('alice', method as 'GET', url)).statusCode, 403, url);
    }
  });

  test('a cookie write without the CSRF token is refused; a read-only token cannot write', async () => {
    const noCsrf = await world.server.app.inject({ method: 'POST', url: '/rest/v1/shipments', headers: { cookie: world.logins.alice.cookie }, payload: { name: 'CSRF' } });
    assert.equal(noCsrf.statusCode, 403);
    const alice = (await world.server.platform.users.findByUsername('alice'))!;
    const readOnly = await bearer(world.server.platform, alice, 'read');
    const read = await world.server.app.inject({ method: 'GET', url: '/rest/v1/shipments', headers: readOnly });
    assert.equal(read.statusCode, 200);
    const write = await world.server.app.inject({ method: 'POST', url: '/rest/v1/shipments', headers: readOnly, payload: { name: 'Token' } });
    assert.equal(write.statusCode, 403);
    const csv = await world.server.app.inject({ method: 'POST', url: `/rest/v1/containers/${trip.puck}/samples/import`, headers: { ...readOnly, 'content-type': 'text/csv' }, payload: 'name,location\nt,9\n' });
    assert.equal(csv.statusCode, 403);
    const writer = await bearer(world.server.platform, alice, 'write');
    const created = await world.server.app.inject({ method: 'POST', url: '/rest/v1/shipments', headers: writer, payload: { name: 'Token' } });
    assert.equal(created.statusCode, 201);
    assert.equal((await world.ok('alice', 'GET', '/shipments?limit=500')).results.filter((s: { name: string }) => s.name === 'CSRF').length, 0);
  });

  test('racing for one slot gives one sample and clean 409s, never a 500', async () => {
    const attempts = await Promise.all(Array.from({ length: 6 }, (_, i) => world.api('alice', 'POST', '/samples', { container_id: trip.puck, name: `race-${i}`, location: '10' })));
    const statuses = attempts.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409], attempts.map((r) => r.body).join('\n'));
    assert.equal((await world.ok('alice', 'GET', '/samples?name=race-')).count, 1);
  });

  test('racing to send and to add a container: the shipment never ends up sent with a draft container', async () => {
    const other = await draftShipment(world, 'alice', 'V2');
    const [sent, added] = await Promise.all([
      world.api('alice', 'POST', `/shipments/${other.shipment}/send`),
      world.api('alice', 'POST', '/containers', { shipment_id: other.shipment, name: 'V2-LATE', type: 'Uni-Puck' }),
    ]);
    assert.equal(sent.statusCode, 200);
    assert.ok([201, 409].includes(added.statusCode), added.body);
    const containers = await world.ok('alice', 'GET', `/containers?shipment=${other.shipment}`);
    assert.ok(containers.results.every((c: { state: string }) => c.state === 'sent'), JSON.stringify(containers.results));
  });

  test('every LIMS route is in the OpenAPI document, tagged, with a summary', async () => {
    const doc = (await world.server.app.inject({ method: 'GET', url: '/rest/openapi.json' })).json();
    const operations = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[]; summary?: string }>>)
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, ...op })))
      .filter((op) => op.tags?.some((t) => LIMS_TAGS.includes(t)));
    const byTag = new Set(operations.flatMap((op) => op.tags ?? []));
    assert.deepEqual(LIMS_TAGS.filter((t) => !byTag.has(t)), []);
    assert.ok(operations.length >= 60, `${operations.length} operations`);
    assert.ok(operations.every((op) => op.summary), 'every operation has a summary');
    const paths = new Set(operations.map((op) => `${op.method.toUpperCase()} ${op.path}`));
    for (const expected of [
      'POST /rest/v1/containers/{id}/samples/import', 'POST /rest/v1/projects/{id}/reset-mxdc-key', 'POST /rest/v1/shipments/{id}/send',
      'POST /rest/v1/automounters/{id}/activate', 'GET /rest/v1/access-lists/{id}/connections', 'POST /rest/v1/beamlines/{id}/unload-project',
    ]) assert.ok(paths.has(expected), expected);
    const importOp = doc.paths['/rest/v1/containers/{id}/samples/import'].post;
    assert.ok(importOp.requestBody.content['text/csv']);
  });
});
