// A list's count and first page after the changes the web benchmark asked for (docs/benchmarks.md,
// web-pages): an owner's rows are matched to their one project with "=" (so PostgreSQL walks the
// index in order and stops after a page), the dataset count leaves out the joins that only add
// names, and migration 0014 indexes sessions and the activity log newest first. Counts must still
// cover exactly what the filters and the owner may see.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ownedBy } from '../../../src/lims/visibility.ts';
import { beamlineRecords, draftShipment, startWorld } from './world.ts';
import type { World, Who } from './world.ts';

describe('list counts and first pages', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
    const a = await draftShipment(world, 'alice', 'A1');
    const b = await draftShipment(world, 'bob', 'B1');
    for (const n of [1, 2, 3]) await beamlineRecords(world, 'alice', a.samples[0], `BL1-alice-${n}`);
    await beamlineRecords(world, 'bob', b.samples[0], 'BL1-bob-1');
  });
  after(() => world.close());

  const list = (who: Who, url: string) => world.ok(who, 'GET', url);

  test('an owner counts all of their own datasets and gets the newest page with its names', async () => {
    const page = await list('alice', '/datasets?limit=2');
    assert.equal(page.count, 3);
    assert.deepEqual(page.results.map((d: { name: string }) => d.name), ['BL1-alice-3-data', 'BL1-alice-2-data']);
    assert.deepEqual([page.results[0].session, page.results[0].sample, page.results[0].beamline, page.results[0].type], ['BL1-alice-3', 'A1-s1', 'BL-1', 'DATA']);
    assert.equal((await list('bob', '/datasets')).count, 1);
  });

  test('filters narrow the count as they narrow the rows', async () => {
    const found = await list('alice', '/datasets?search=alice-2');
    assert.equal(found.count, 1);
    assert.deepEqual(found.results.map((d: { name: string }) => d.name), ['BL1-alice-2-data']);
    assert.equal((await list('alice', '/datasets?search=bob')).count, 0);
    assert.equal((await list('alice', '/datasets?session=BL1-alice-1')).count, 1);
    assert.equal((await list('staff', '/datasets?project=bob')).count, 1);
    const byType = await list('staff', '/datasets?ordering=type&limit=1');
    assert.equal(byType.count, 4);
    assert.equal(byType.results.length, 1);
  });

  test('staff count everyone\'s rows; an account without a project counts none', async () => {
    for (const [url, all, alice] of [['/datasets', 4, 3], ['/sessions', 4, 3], ['/reports', 4, 3], ['/shipments', 2, 1]] as const) {
      assert.equal((await list('staff', url)).count, all, url);
      assert.equal((await list('alice', url)).count, alice, url);
      const none = await list('carol', url);
      assert.deepEqual([none.count, none.results], [0, []], url);
    }
  });

  test('the sample list counts without its joins exactly the samples it would list, filtered or not', async () => {
    const staffAll = await list('staff', '/samples?limit=500');
    const alice = await list('alice', '/samples?limit=500');
    const bob = await list('bob', '/samples?limit=500');
    assert.ok(alice.count > 0 && bob.count > 0);
    assert.deepEqual([staffAll.count, alice.count, bob.count], [staffAll.results.length, alice.results.length, bob.results.length]);
    assert.equal(staffAll.count, alice.count + bob.count);
    const first = alice.results[0] as { name: string; container: string; location: string };
    assert.ok(first.container && first.location, 'the page still carries the joined names');
    for (const url of [`/samples?search=${first.name}`, `/samples?container=${first.container}`, '/samples?search=no-such-sample']) {
      const page = await list('alice', `${url}&limit=500`);
      assert.equal(page.count, page.results.length, url);
    }
    assert.deepEqual(await list('carol', '/samples'), { count: 0, results: [] });
    assert.equal((await list('alice', '/samples?limit=1')).count, alice.count);
  });

  test('the container list counts without its joins exactly the containers it would list', async () => {
    const all = await list('staff', '/containers?limit=500');
    const alice = await list('alice', '/containers?limit=500');
    assert.ok(alice.count > 0);
    assert.deepEqual([all.count, alice.count], [all.results.length, alice.results.length]);
    assert.equal((await list('staff', '/containers?project=alice&limit=1')).count, alice.count);
    const named = alice.results[0] as { name: string; container_type: string };
    assert.ok(named.container_type, 'the page still carries the type name');
    const found = await list('alice', `/containers?search=${named.name}&limit=500`);
    assert.equal(found.count, found.results.length);
  });

  test('a search answers its rows with the same names as the whole list (names are looked up per row of the page)', async () => {
    for (const url of ['/samples', '/datasets']) {
      const whole = (await list('staff', `${url}?limit=500`)).results as Array<{ id: number; name: string }>;
      assert.ok(whole.length >= 4, url);
      for (const row of [whole[0], whole[whole.length - 1]]) {
        const found = await list('staff', `${url}?search=${encodeURIComponent(row.name)}`);
        assert.deepEqual(found.results, whole.filter((other) => other.name.toLowerCase().includes(row.name.toLowerCase())), `${url} ${row.name}`);
      }
    }
    const [dataset] = (await list('alice', '/datasets?search=alice-1')).results;
    assert.deepEqual([dataset.session, dataset.sample, dataset.group, dataset.beamline, dataset.type], ['BL1-alice-1', 'A1-s1', null, 'BL-1', 'DATA']);
    const [sample] = (await list('alice', '/samples?search=A1-s2')).results;
    assert.deepEqual([sample.container, sample.location, sample.group], ['A1-P1', '2', 'A1-g']);
  });

  test('on PostgreSQL the newest page of a list walks an index instead of sorting every row', async (t) => {
    const { platform } = world.server;
    if (platform.database.kind !== 'postgres') return t.skip('PostgreSQL only');
    const userId = (await platform.db.selectFrom('users').select('id').where('username', '=', 'alice').executeTakeFirstOrThrow()).id;
    const owner = (column: 'd.project_id' | 's.project_id') => ownedBy({ userId, isStaff: false, address: null }, column);
    // A few rows would be read whole anyway; with sorting and scans forbidden on this connection,
    // the plan shows whether an index can give the order (with "in (…)", or without migration
    // 0014 for sessions, none could).
    const plans = await platform.db.connection().execute(async (connection) => {
      await sql`set enable_sort = off`.execute(connection);
      await sql`set enable_seqscan = off`.execute(connection);
      const explain = (query: ReturnType<typeof sql>) => sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(connection)
        .then((plan) => plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
      try {
        return {
          datasets: await explain(sql`select d.id from datasets d where ${owner('d.project_id')} order by d.created_at desc, d.id desc limit 25`),
          sessions: await explain(sql`select s.id from beamline_sessions s where ${owner('s.project_id')} order by s.created_at desc, s.id desc limit 25`),
          allSessions: await explain(sql`select s.id from beamline_sessions s order by s.created_at desc, s.id desc limit 25`),
          activity: await explain(sql`select a.id from activity_log a order by a.created_at desc, a.id desc limit 25`),
        };
      } finally {
        await sql`reset enable_sort`.execute(connection);
        await sql`reset enable_seqscan`.execute(connection);
      }
    });
    assert.match(plans.datasets, /Index Scan Backward using datasets_project/);
    assert.match(plans.sessions, /Index Scan Backward using beamline_sessions_project/);
    // Staff: every session, and the activity log, newest first.
    assert.match(plans.allSessions, /Index Scan Backward using beamline_sessions_created/);
    assert.match(plans.activity, /Index Scan Backward using activity_log_created/);
  });
});
