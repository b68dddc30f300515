// Paged lists ({count, results}, limit/offset) and their filters, and the indexes behind them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { beamlineRecords, draftShipment, startWorld } from './world.ts';
import type { World } from './world.ts';

describe('lists: pages and filters', () => {
  let world: World;
  let first: Awaited<ReturnType<typeof draftShipment>>;
  let second: Awaited<ReturnType<typeof draftShipment>>;
  before(async () => {
    world = await startWorld();
    for (let i = 1; i <= 7; i++) await world.ok('alice', 'POST', '/shipments', { name: `Bulk ${i}` });
    first = await draftShipment(world, 'alice', 'F1');
    second = await draftShipment(world, 'alice', 'F2');
    await world.ok('alice', 'POST', `/shipments/${second.shipment}/send`);
  });
  after(() => world.close());

  test('limit and offset page through a stable order; count is the total', async () => {
    const all = await world.ok('alice', 'GET', '/shipments?limit=500');
    assert.equal(all.count, 9);
    const pages = [];
    for (let offset = 0; offset < 9; offset += 4) pages.push(...(await world.ok('alice', 'GET', `/shipments?limit=4&offset=${offset}`)).results);
    assert.deepEqual(pages.map((s: { id: number }) => s.id), all.results.map((s: { id: number }) => s.id));
    const beyond = await world.ok('alice', 'GET', '/shipments?offset=100');
    assert.deepEqual(beyond, { count: 9, results: [] });
    const defaults = await world.ok('alice', 'GET', '/samples');
    assert.equal(defaults.results.length, 4);
  });

  test('limit is 1 to 500 and offset is not negative', async () => {
    for (const query of ['limit=0', 'limit=501', 'offset=-1', 'limit=ten']) {
      const response = await world.api('alice', 'GET', `/shipments?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.ok(response.json().fields, query);
    }
  });

  test('shipments by state', async () => {
    const sent = await world.ok('alice', 'GET', '/shipments?state=sent');
    assert.deepEqual(sent.results.map((s: { name: string }) => s.name), ['F2']);
    assert.equal((await world.ok('alice', 'GET', '/shipments?state=draft')).count, 8);
    assert.equal((await world.api('alice', 'GET', '/shipments?state=lost')).statusCode, 400);
  });

  test('containers by shipment, state, type (name or id) and parent', async () => {
    assert.equal((await world.ok('alice', 'GET', `/containers?shipment=${first.shipment}`)).count, 2);
    assert.deepEqual((await world.ok('alice', 'GET', '/containers?state=sent')).results.map((c: { name: string }) => c.name), ['F2-AD', 'F2-P1']);
    assert.deepEqual((await world.ok('alice', 'GET', '/containers?type=Adaptor')).results.map((c: { name: string }) => c.name), ['F1-AD', 'F2-AD']);
    const puckType = (await world.ok('alice', 'GET', `/containers/${first.puck}`)).container_type_id;
    assert.equal((await world.ok('alice', 'GET', `/containers?type=${puckType}&state=draft`)).count, 1);
    assert.deepEqual((await world.ok('alice', 'GET', `/containers?parent=${first.adaptor}`)).results.map((c: { id: number }) => c.id), [first.puck]);
    assert.equal((await world.ok('alice', 'GET', '/containers?type=Teacup')).count, 0, 'an unknown type lists nothing, as an unknown id does');
  });

  test('samples by container, group and name prefix (wildcards taken literally)', async () => {
    assert.equal((await world.ok('alice', 'GET', `/samples?container=${first.puck}`)).count, 2);
    assert.equal((await world.ok('alice', 'GET', `/samples?group=${second.group}`)).count, 2);
    assert.deepEqual((await world.ok('alice', 'GET', '/samples?name=F2-')).results.map((s: { name: string }) => s.name), ['F2-s1', 'F2-s2']);
    assert.equal((await world.ok('alice', 'GET', '/samples?name=f2')).count, 0, 'case-sensitive');
    assert.equal((await world.ok('alice', 'GET', '/samples?name=F_')).count, 0, '_ is not a wildcard');
    assert.equal((await world.ok('alice', 'GET', '/samples?name=F*')).count, 0, '* is not a wildcard');
    assert.equal((await world.ok('alice', 'GET', '/samples?name=F%25')).count, 0, '% is not a wildcard');
  });

  test('groups by shipment', async () => {
    const groups = await world.ok('alice', 'GET', `/groups?shipment=${first.shipment}`);
    assert.deepEqual(groups.results.map((g: { name: string }) => g.name), ['F1-g']);
  });

  test('datasets by session, sample, beamline, type and creation time; sessions by beamline', async () => {
    const one = await beamlineRecords(world, 'alice', first.samples[0], 'BL1-20260101-one00000');
    const two = await beamlineRecords(world, 'alice', second.samples[1], 'BL1-20260101-two00000');
    const ids = (page: { results: { id: number }[] }) => page.results.map((r) => r.id);
    assert.deepEqual(ids(await world.ok('alice', 'GET', `/datasets?session=${one.session}`)), [one.dataset]);
    assert.deepEqual(ids(await world.ok('alice', 'GET', `/datasets?sample=${second.samples[1]}`)), [two.dataset]);
    assert.deepEqual(ids(await world.ok('alice', 'GET', `/datasets?beamline=${world.beamline.id}&type=DATA`)), [two.dataset, one.dataset]);
    assert.equal((await world.ok('alice', 'GET', '/datasets?type=XRF')).count, 0);
    const created = (await world.ok('alice', 'GET', `/datasets/${two.dataset}`)).created_at as string;
    assert.deepEqual(ids(await world.ok('alice', 'GET', `/datasets?created_after=${encodeURIComponent(created)}`)), [two.dataset]);
    assert.deepEqual(ids(await world.ok('alice', 'GET', `/datasets?created_before=${encodeURIComponent(created)}`)), [one.dataset]);
    assert.equal((await world.ok('alice', 'GET', '/datasets?created_after=2999-01-01T00:00:00Z')).count, 0);
    assert.equal((await world.api('alice', 'GET', '/datasets?created_after=yesterday')).statusCode, 400);
    assert.equal((await world.ok('alice', 'GET', `/sessions?beamline=${world.beamline.id}`)).count, 2);
    assert.equal((await world.ok('alice', 'GET', '/sessions?beamline=999')).count, 0);
    assert.deepEqual(ids(await world.ok('alice', 'GET', `/reports?dataset=${one.dataset}`)), [one.report]);
  });

  test('an unknown filter is refused rather than ignored', async () => {
    const response = await world.api('alice', 'GET', '/samples?colour=red');
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json().fields, { colour: ['is not allowed'] });
  });

  test('every filter column leads an index', async () => {
    const filters: Array<[string, string]> = [
      ['shipments', 'state'], ['shipments', 'project_id'],
      ['containers', 'shipment_id'], ['containers', 'state'], ['containers', 'container_type_id'], ['containers', 'parent_id'], ['containers', 'project_id'],
      ['sample_groups', 'shipment_id'], ['sample_groups', 'project_id'],
      ['samples', 'container_id'], ['samples', 'group_id'], ['samples', 'name'], ['samples', 'project_id'],
      ['beamline_sessions', 'beamline_id'], ['beamline_sessions', 'project_id'],
      ['datasets', 'session_id'], ['datasets', 'sample_id'], ['datasets', 'beamline_id'], ['datasets', 'data_type_id'], ['datasets', 'created_at'], ['datasets', 'project_id'],
      ['reports', 'project_id'], ['report_datasets', 'dataset_id'], ['activity_log', 'project_id'], ['ssh_keys', 'project_id'],
      ['automounters', 'beamline_id'], ['load_history', 'child_id'], ['load_history', 'parent_id'], ['remote_connections', 'access_list_id'],
      ['beamlines', 'active'], ['projects', 'user_id'], ['users', 'username'],
      // Filters by name (?beamline=SIM-1, ?shipment=Trip-1, …).
      ['beamlines', 'acronym'], ['container_types', 'name'], ['shipments', 'name'], ['containers', 'name'], ['sample_groups', 'name'],
      ['beamline_sessions', 'name'], ['datasets', 'name'],
    ];
    const db = world.server.platform.db;
    const leading = new Set<string>();
    if (world.server.platform.database.kind === 'sqlite') {
      const rows = await sql<{ tbl: string; col: string }>`select m.name as tbl, ii.name as col from sqlite_master m, pragma_index_list(m.name) il, pragma_index_info(il.name) ii where m.type = 'table' and ii.seqno = 0`.execute(db);
      for (const r of rows.rows) leading.add(`${r.tbl}.${r.col}`);
    } else {
      const rows = await sql<{ tbl: string; col: string }>`select t.relname as tbl, a.attname as col from pg_index i join pg_class t on t.oid = i.indrelid join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0] join pg_namespace n on n.oid = t.relnamespace where n.nspname = current_schema()`.execute(db);
      for (const r of rows.rows) leading.add(`${r.tbl}.${r.col}`);
    }
    const missing = filters.map(([t, c]) => `${t}.${c}`).filter((f) => !leading.has(f));
    assert.deepEqual(missing, []);
  });

  test('the name-prefix search uses the index', async () => {
    const db = world.server.platform.db;
    if (world.server.platform.database.kind === 'sqlite') {
      const plan = await sql<{ detail: string }>`explain query plan select id from samples where name glob ${'F2-*'}`.execute(db);
      assert.match(plan.rows.map((r) => r.detail).join('\n'), /USING (COVERING )?INDEX samples_name/);
    } else {
      // A handful of rows would be scanned anyway; on one connection, forbid that to see whether the index can serve.
      const plan = await db.connection().execute(async (connection) => {
        await sql`set enable_seqscan = off`.execute(connection);
        try {
          return await sql<{ 'QUERY PLAN': string }>`explain select id from samples where name like ${'F2-%'}`.execute(connection);
        } finally {
          await sql`set enable_seqscan = on`.execute(connection);
        }
      });
      assert.match(plan.rows.map((r) => r['QUERY PLAN']).join('\n'), /samples_name/);
    }
  });
});
