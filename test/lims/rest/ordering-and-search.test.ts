// Lists sorted by `ordering` (a declared field, "-" for descending, ties by id) and found by
// `search` (case-insensitive substring, wildcards taken literally), with visibility kept.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { beamlineRecords, draftShipment, startWorld } from './world.ts';
import type { World } from './world.ts';

type Row = { id: number; name: string };
const names = (page: { results: Row[] }) => page.results.map((r) => r.name);
const ids = (page: { results: { id: number }[] }) => page.results.map((r) => r.id);

describe('lists: ordering and search', () => {
  let world: World;
  let first: Awaited<ReturnType<typeof draftShipment>>;
  let second: Awaited<ReturnType<typeof draftShipment>>;
  before(async () => {
    world = await startWorld();
    first = await draftShipment(world, 'alice', 'Zeta');
    second = await draftShipment(world, 'alice', 'alpha');
    await world.ok('alice', 'PATCH', `/shipments/${first.shipment}`, { tracking_code: 'TRK-100%' });
    for (const name of ['Mid_1', 'Mid-2', 'Mid-3']) await world.ok('alice', 'POST', '/shipments', { name });
    await draftShipment(world, 'bob', 'Bob-alpha');
  });
  after(() => world.close());

  test('ordering by a field, ascending or descending, ties broken by id', async () => {
    const byName = await world.ok('alice', 'GET', '/shipments?ordering=name');
    // SQLite compares bytes ("Zeta" before "alpha"), PostgreSQL uses its collation: check the rows, and that "-name" reverses them.
    const asc = names(byName);
    assert.deepEqual(new Set(asc), new Set(['Zeta', 'alpha', 'Mid_1', 'Mid-2', 'Mid-3']));
    const desc = names(await world.ok('alice', 'GET', '/shipments?ordering=-name'));
    assert.deepEqual(desc, [...asc].reverse());
    // Every shipment has the same state: the order is by id alone, and reversed with "-".
    const byState = ids(await world.ok('alice', 'GET', '/shipments?ordering=state'));
    assert.deepEqual(byState, [...byState].sort((a, b) => a - b));
    assert.deepEqual(ids(await world.ok('alice', 'GET', '/shipments?ordering=-state')), [...byState].reverse());
  });

  test('paging through an ordering with ties neither repeats nor skips', async () => {
    const all = ids(await world.ok('alice', 'GET', '/shipments?ordering=state&limit=500'));
    const paged: number[] = [];
    for (let offset = 0; offset < all.length; offset += 2) paged.push(...ids(await world.ok('alice', 'GET', `/shipments?ordering=state&limit=2&offset=${offset}`)));
    assert.deepEqual(paged, all);
  });

  test('the default order is unchanged', async () => {
    const plain = ids(await world.ok('alice', 'GET', '/shipments'));
    assert.deepEqual(plain, ids(await world.ok('alice', 'GET', '/shipments?ordering=-created_at')));
    const samples = await world.ok('alice', 'GET', '/samples');
    assert.deepEqual(names(samples), ['Zeta-s1', 'Zeta-s2', 'alpha-s1', 'alpha-s2']);
  });

  test('nullable fields put empty values last either way', async () => {
    await world.ok('alice', 'POST', `/shipments/${second.shipment}/send`);
    for (const ordering of ['date_shipped', '-date_shipped']) {
      const order = (await world.ok('alice', 'GET', `/shipments?ordering=${ordering}`)).results as { id: number; date_shipped: string | null }[];
      assert.equal(order[0].id, second.shipment, ordering);
      assert.ok(order.slice(1).every((s) => s.date_shipped === null), ordering);
    }
  });

  test('an unknown or malformed ordering is a 400 naming the field', async () => {
    for (const ordering of ['colour', '--name', 'name,-id', '', 'tracking_code', '-']) {
      const response = await world.api('alice', 'GET', `/shipments?ordering=${encodeURIComponent(ordering)}`);
      assert.equal(response.statusCode, 400, ordering);
      const body = response.json();
      assert.equal(typeof body.detail, 'string');
      assert.ok(Array.isArray(body.fields.ordering), `${ordering}: ${response.body}`);
    }
    const twice = await world.api('alice', 'GET', '/shipments?ordering=name&ordering=-name');
    assert.equal(twice.statusCode, 400);
  });

  test('every list takes ordering, and refuses a field it does not declare', async () => {
    await beamlineRecords(world, 'alice', first.samples[0], 'BL1-20260101-sort0000'); // rows for sessions, datasets and reports
    const lists: Array<[string, string, 'alice' | 'staff']> = [
      ['/shipments', '-updated_at', 'alice'], ['/containers', '-name', 'alice'], ['/groups', 'priority', 'alice'], ['/samples', '-name', 'alice'],
      ['/sessions', 'name', 'alice'], ['/datasets', '-created_at', 'alice'], ['/reports', '-score', 'alice'], ['/projects', '-username', 'staff'],
      ['/beamlines', '-acronym', 'alice'], ['/automounters', 'beamline', 'staff'], ['/access-lists', 'address', 'staff'], ['/activity', 'action', 'alice'],
      ['/ssh-keys', '-created_at', 'alice'], ['/container-types', 'name', 'alice'], ['/users', '-username', 'staff'], ['/tokens', '-created_at', 'alice'],
      [`/containers/${first.puck}/history`, 'started_at', 'staff'], [`/automounters/${world.beamline.automounterId}/history`, '-started_at', 'staff'],
      [`/shipments/${first.shipment}/history`, 'created_at', 'alice'],
    ];
    for (const [path, ordering, who] of lists) {
      await world.ok(who, 'GET', `${path}?ordering=${ordering}`);
      const bad = await world.api(who, 'GET', `${path}?ordering=password_hash`);
      assert.equal(bad.statusCode, 400, `${path}: ${bad.body}`);
      assert.ok(bad.json().fields?.ordering, path);
    }
  });

  test('every declared ordering value of every list answers, on this database', async () => {
    const accessList = await world.ok('staff', 'POST', '/access-lists', { name: 'Remote', address: '192.0.2.7' });
    const ids: Record<string, number> = {
      '/rest/v1/containers/{id}/history': first.puck, '/rest/v1/automounters/{id}/history': world.beamline.automounterId,
      '/rest/v1/shipments/{id}/history': first.shipment, '/rest/v1/access-lists/{id}/connections': accessList.id,
    };
    const spec = (await world.server.app.inject({ method: 'GET', url: '/rest/openapi.json' })).json();
    let checked = 0;
    for (const [path, methods] of Object.entries(spec.paths) as [string, { get?: { parameters?: { name: string; schema: { enum?: string[] } }[] } }][]) {
      const ordering = methods.get?.parameters?.find((p) => p.name === 'ordering');
      if (!ordering) continue;
      assert.ok(path.startsWith('/rest/v1/'), path);
      const url = path.replace('/rest/v1', '').replace('{id}', () => String(ids[path] ?? assert.fail(`no id for ${path}`)));
      for (const value of ordering.schema.enum ?? assert.fail(`${path}: ordering has no enum`)) {
        await world.ok('staff', 'GET', `${url}?ordering=${value}`);
        checked++;
      }
    }
    assert.ok(checked > 80, `${checked} orderings checked`);
  });

  test('the OpenAPI document declares each list\'s ordering fields', async () => {
    const response = await world.server.app.inject({ method: 'GET', url: '/rest/openapi.json' });
    const spec = response.json();
    const parameter = (path: string, name: string) => spec.paths[path].get.parameters.find((p: { name: string }) => p.name === name);
    assert.deepEqual(parameter('/rest/v1/shipments', 'ordering').schema.enum.slice(0, 4), ['created_at', '-created_at', 'updated_at', '-updated_at']);
    assert.ok(parameter('/rest/v1/samples', 'ordering').schema.enum.includes('-name'));
    assert.equal(parameter('/rest/v1/samples', 'search').schema.type, 'string');
    const history = spec.paths['/rest/v1/shipments/{id}/history'].get.responses['200'];
    assert.ok(history.content['application/json'].schema, 'the history answer has a schema');
  });

  test('search finds a case-insensitive substring of the names people know', async () => {
    assert.deepEqual(names(await world.ok('alice', 'GET', '/shipments?search=ALPH')), ['alpha']);
    assert.deepEqual(names(await world.ok('alice', 'GET', '/shipments?search=trk-100')), ['Zeta'], 'tracking code');
    assert.deepEqual(names(await world.ok('alice', 'GET', '/containers?search=zeta-p')), ['Zeta-P1']);
    assert.deepEqual(names(await world.ok('alice', 'GET', '/groups?search=HA-G')), ['alpha-g']);
    assert.deepEqual(new Set(names(await world.ok('alice', 'GET', '/samples?search=A-S2'))), new Set(['alpha-s2', 'Zeta-s2']));
    await world.ok('alice', 'PATCH', `/samples/${first.samples[0]}`, { barcode: 'BC-Q77' });
    assert.deepEqual(ids(await world.ok('alice', 'GET', '/samples?search=q77')), [first.samples[0]], 'barcode');
    const records = await beamlineRecords(world, 'alice', first.samples[1], 'BL1-20260101-Search00');
    assert.deepEqual(ids(await world.ok('alice', 'GET', '/sessions?search=search00')), [records.session]);
    assert.deepEqual(ids(await world.ok('alice', 'GET', '/datasets?search=SEARCH00-DATA')), [records.dataset]);
    assert.deepEqual(ids(await world.ok('alice', 'GET', '/reports?search=search00-rep')), [records.report]);
    assert.deepEqual((await world.ok('staff', 'GET', '/projects?search=LIC')).results.map((p: { username: string }) => p.username), ['alice']);
  });

  test('% and _ in a search are taken literally', async () => {
    assert.deepEqual(names(await world.ok('alice', 'GET', '/shipments?search=mid_')), ['Mid_1']);
    assert.deepEqual(names(await world.ok('alice', 'GET', '/shipments?search=%25')), ['Zeta'], 'only the tracking code holds a %');
    assert.deepEqual(names(await world.ok('alice', 'GET', '/shipments?search=100%25')), ['Zeta']);
    assert.equal((await world.ok('alice', 'GET', '/shipments?search=%5C')).count, 0, 'a backslash is a plain character');
  });

  test('search keeps to what the caller may see', async () => {
    assert.equal((await world.ok('alice', 'GET', '/shipments?search=bob')).count, 0);
    assert.deepEqual(names(await world.ok('staff', 'GET', '/shipments?search=alpha&ordering=name')).sort(), ['Bob-alpha', 'alpha'].sort());
  });

  test('an empty or too long search is a 400', async () => {
    for (const search of ['', 'x'.repeat(151)]) {
      const response = await world.api('alice', 'GET', `/shipments?search=${search}`);
      assert.equal(response.statusCode, 400);
      assert.ok(response.json().fields?.search);
    }
  });

  test('a NUL character in a search or filter is a 400 naming it, on every list', async () => {
    for (const url of ['/shipments?search=a%00b', '/users?search=alph%25%001a', '/samples?name=x%00', '/activity?search=%00']) {
      const response = await world.api('staff', 'GET', url);
      assert.equal(response.statusCode, 400, `${url}: ${response.body}`);
      assert.match(response.json().detail, /NUL/, url);
    }
  });
});
