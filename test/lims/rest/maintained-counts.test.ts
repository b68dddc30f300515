// Staff's unfiltered lists answer the row counts kept by triggers (migration 0019) as their
// `count`, so those must equal count(*) after anything that adds or removes rows: the API's
// creates and deletes, MxDC's records, deletes that cascade from a project, concurrent writers on
// PostgreSQL, and TRUNCATE. Any filter, search or an owner's view still counts rows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { launchSession } from '../../../src/lims/sessions.ts';
import { countDifferences, recountRows } from '../../../src/platform/db/row-counts.ts';
import { TEST_DB } from '../../helpers/database.ts';
import { beamlineRecords, draftShipment, startWorld } from './world.ts';
import type { World } from './world.ts';

/** Each list staff see whole, and the rows it lists. */
const LISTS = [
  ['/samples', 'samples', ''], ['/datasets', 'datasets', ''], ['/reports', 'reports', ''], ['/activity', 'activity_log', ''],
  ['/sessions', 'beamline_sessions', ''], ['/shipments', 'shipments', ''], ['/containers', 'containers', 'where project_id is not null'],
] as const;

describe('row counts kept by triggers', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(() => world.close());

  const db = () => world.server.platform.db;

  /** Every list's count for staff is the number of rows it lists, and every kept count is right. */
  async function assertExact(when: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const [url, table, where] of LISTS) {
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.id(table)} ${sql.raw(where)}`.execute(db());
      const page = await world.ok('staff', 'GET', `${url}?limit=1`);
      assert.equal(page.count, Number(rows[0].n), `${when}: staff's ${url}`);
      counts[url] = page.count;
    }
    assert.deepEqual(await countDifferences(db()), [], when);
    return counts;
  }

  test('creates and deletes through the API and MxDC\'s records keep every count exact', async () => {
    const empty = await assertExact('at the start');
    assert.equal(empty['/containers'], 0, 'the automounter is no project\'s container');
    const a = await draftShipment(world, 'alice', 'A1');
    const b = await draftShipment(world, 'bob', 'B1');
    await beamlineRecords(world, 'alice', a.samples[0], 'BL1-alice-1');
    await beamlineRecords(world, 'bob', b.samples[0], 'BL1-bob-1');
    const full = await assertExact('after creating');
    assert.deepEqual([full['/samples'], full['/containers'], full['/shipments'], full['/datasets']], [4, 4, 2, 2]);
    await world.ok('alice', 'DELETE', `/samples/${a.samples[1]}`);
    await world.ok('alice', 'DELETE', `/containers/${a.puck}`); // and its sample with it
    assert.equal((await assertExact('after deleting a sample and a puck'))['/samples'], 2);
    await world.ok('bob', 'DELETE', `/shipments/${b.shipment}`);
    const left = await assertExact('after deleting a shipment with its containers and samples');
    assert.deepEqual([left['/samples'], left['/containers'], left['/shipments']], [0, 1, 1]);
  });

  test('launching a session that exists already adds no session', async () => {
    const projectId = world.projects.alice;
    const userId = (await db().selectFrom('users').select('id').where('username', '=', 'alice').executeTakeFirstOrThrow()).id;
    const launch = () => launchSession(db(), {
      projectId, userId, beamlineId: world.beamline.id, name: 'twice', proxyKey: 'd'.repeat(40), address: null, beamlineAcronym: world.beamline.acronym,
    });
    await launch();
    await launch();
    await assertExact('after launching one session twice');
  });

  test('a project deleted with everything it owns takes its rows out of the counts', async () => {
    const c = await draftShipment(world, 'bob', 'B2');
    await beamlineRecords(world, 'bob', c.samples[0], 'BL1-bob-2');
    const before = await assertExact('before deleting bob');
    await db().deleteFrom('users').where('username', '=', 'bob').execute(); // cascades to the project and its rows
    const after = await assertExact('after deleting bob');
    assert.ok(after['/samples'] < before['/samples'] && after['/datasets'] < before['/datasets'] && after['/reports'] < before['/reports']);
  });

  test('staff\'s unfiltered list answers the kept count; a filter, a search or an owner counts rows', async () => {
    await draftShipment(world, 'alice', 'A2');
    const real = (await world.ok('staff', 'GET', '/samples?project=alice')).count;
    assert.equal(real, 2);
    await sql`update row_counts set samples = samples + 1000 where slot = 0`.execute(db());
    try {
      assert.equal((await world.ok('staff', 'GET', '/samples?limit=5&offset=1&ordering=-name')).count, real + 1000);
      for (const url of ['/samples?project=alice', '/samples?search=A', '/samples?name=A']) assert.equal((await world.ok('staff', 'GET', url)).count, real, url);
      assert.equal((await world.ok('alice', 'GET', '/samples')).count, real);
    } finally {
      await recountRows(db(), world.server.platform.database.kind);
    }
    await assertExact('after a recount');
  });

  test('a statement of many rows counts them all, and a savepoint rolled back takes its rows back out', async () => {
    const entries = (n: number, description: string) => Array.from({ length: n }, () => ({
      created_at: new Date().toISOString(), project_id: world.projects.alice, user_id: null, address: null, action: 'task' as const, object_type: 'test', object_id: null, description,
    }));
    await db().insertInto('activity_log').values(entries(300, 'bulk')).execute();
    await db().connection().execute(async (connection) => {
      await sql`begin`.execute(connection);
      await connection.insertInto('activity_log').values(entries(5, 'kept')).execute();
      await sql`savepoint undone`.execute(connection);
      await connection.insertInto('activity_log').values(entries(7, 'undone')).execute();
      await connection.deleteFrom('activity_log').where('description', '=', 'bulk').execute();
      await sql`rollback to savepoint undone`.execute(connection);
      await connection.deleteFrom('activity_log').where('description', '=', 'bulk').where('id', '<=', sql<number>`(select min(id) + 99 from activity_log where description = 'bulk')`).execute();
      await sql`commit`.execute(connection);
    });
    const { rows } = await sql<{ description: string; n: number | string }>`select description, count(*) as n from activity_log
      where description in ('bulk', 'kept', 'undone') group by description order by description`.execute(db());
    assert.deepEqual(rows.map((r) => [r.description, Number(r.n)]), [['bulk', 200], ['kept', 5]]);
    await assertExact('after a savepoint rolled back');
  });

  test('concurrent writers on PostgreSQL share the counts without waiting on one row or deadlocking', { skip: TEST_DB !== 'postgres' && 'PostgreSQL only' }, async () => {
    const projectId = world.projects.alice;
    const now = new Date().toISOString();
    const shipment = (name: string) => ({
      project_id: projectId, name, state: 'draft' as const, comments: '', carrier: '', tracking_code: '', return_code: '', storage_location: '',
      date_shipped: null, date_received: null, date_returned: null, created_at: now, updated_at: now,
    });
    const entry = { created_at: now, project_id: projectId, user_id: null, address: null, action: 'create' as const, object_type: 'shipment', object_id: null, description: 'concurrent' };
    // Twenty transactions at once (the pool has ten connections), half writing the shipments
    // before the log entries and half after, three of each per transaction.
    await Promise.all(Array.from({ length: 20 }, (_, t) => db().transaction().execute(async (trx) => {
      const writes = [
        async () => { for (let i = 0; i < 3; i++) await trx.insertInto('shipments').values(shipment(`concurrent-${t}-${i}`)).execute(); },
        async () => { for (let i = 0; i < 3; i++) await trx.insertInto('activity_log').values(entry).execute(); },
      ];
      for (const write of t % 2 === 0 ? writes : writes.reverse()) await write();
    })));
    await db().deleteFrom('shipments').where('name', 'like', 'concurrent-1-%').execute();
    await assertExact('after concurrent writers');
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from row_counts where shipments <> 0 and slot <> 0`.execute(db());
    assert.ok(Number(rows[0].n) > 1, 'the writers used several slots');
  });

  test('TRUNCATE on PostgreSQL zeroes the counts of the tables it empties', { skip: TEST_DB !== 'postgres' && 'PostgreSQL only' }, async () => {
    await sql`truncate projects cascade`.execute(db());
    const counts = await assertExact('after truncating every project');
    for (const url of ['/samples', '/datasets', '/reports', '/sessions', '/shipments', '/containers']) assert.equal(counts[url], 0, url);
  });
});
