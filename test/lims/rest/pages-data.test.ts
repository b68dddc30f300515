// What the web app's beamline pages read in one call each: who is signed in and which project is
// theirs (/auth/me), a project's dashboard (/projects/{id}/summary), a shipment's history, and a
// session page's datasets and reports by session, sample and group — each within visibility.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { beamlineRecords, draftShipment, startWorld } from './world.ts';
import type { World } from './world.ts';

const ids = (page: { results: { id: number }[] }) => page.results.map((r) => r.id);

describe('data behind the beamline pages', () => {
  let world: World;
  let trip: Awaited<ReturnType<typeof draftShipment>>;
  before(async () => {
    world = await startWorld();
    trip = await draftShipment(world, 'alice', 'Dash');
  });
  after(() => world.close());

  test('/auth/me lists the projects the account owns, with its MxDC key state', async () => {
    const alice = await world.ok('alice', 'GET', '/auth/me');
    assert.equal(alice.user.is_staff, false);
    assert.deepEqual(alice.projects, [{ id: world.projects.alice, username: 'alice', full_name: alice.user.full_name, has_mxdc_key: false }]);
    const staff = await world.ok('staff', 'GET', '/auth/me');
    assert.equal(staff.user.is_staff, true);
    assert.deepEqual(staff.projects, []);
    assert.deepEqual((await world.ok('carol', 'GET', '/auth/me')).projects, []);
  });

  test('a project summary counts shipments by state and places each container on site', async () => {
    const empty = await world.ok('bob', 'GET', `/projects/${world.projects.bob}/summary`);
    assert.deepEqual(empty, { project_id: world.projects.bob, shipments: { draft: 0, sent: 0, on_site: 0, returned: 0, archived: 0 }, containers_on_site: [] });

    const shelf = await draftShipment(world, 'alice', 'Shelf');
    await world.ok('alice', 'POST', '/shipments', { name: 'Later' });
    for (const id of [trip.shipment, shelf.shipment]) {
      await world.ok('alice', 'POST', `/shipments/${id}/send`);
      await world.ok('staff', 'POST', `/shipments/${id}/receive`);
    }
    await world.ok('staff', 'POST', `/containers/${trip.adaptor}/load`, { beamline: 'BL-1', location: 'L' });

    const summary = await world.ok('alice', 'GET', `/projects/${world.projects.alice}/summary`);
    assert.deepEqual(summary.shipments, { draft: 1, sent: 0, on_site: 2, returned: 0, archived: 0 });
    const where = Object.fromEntries(summary.containers_on_site.map((c: { name: string; beamline: string | null; automounter: string | null; port: string | null; parent: string | null }) =>
      [c.name, [c.beamline, c.automounter, c.port, c.parent]]));
    assert.deepEqual(where, {
      'Dash-AD': ['BL-1', 'BL1-SAM', 'L', 'BL1-SAM'],
      'Dash-P1': ['BL-1', 'BL1-SAM', 'LA', 'Dash-AD'],
      'Shelf-AD': [null, null, null, null],
      'Shelf-P1': [null, null, null, 'Shelf-AD'],
    });
    assert.deepEqual(await world.ok('staff', 'GET', `/projects/${world.projects.alice}/summary`), summary, 'staff see the same');
  });

  test('a summary does not name another project\'s container that holds one of ours', async () => {
    const bobs = await draftShipment(world, 'bob', 'Lend');
    await world.ok('bob', 'POST', `/shipments/${bobs.shipment}/send`);
    await world.ok('staff', 'POST', `/shipments/${bobs.shipment}/receive`);
    const shelfPuck = (await world.ok('alice', 'GET', '/containers?search=Shelf-P1')).results[0];
    await world.ok('staff', 'POST', `/containers/${shelfPuck.id}/unload`);
    await world.ok('staff', 'POST', `/containers/${shelfPuck.id}/load`, { parent_id: bobs.adaptor, location: 'B' });
    const summary = await world.ok('alice', 'GET', `/projects/${world.projects.alice}/summary`);
    const seated = summary.containers_on_site.find((c: { id: number }) => c.id === shelfPuck.id);
    assert.deepEqual([seated.parent_id, seated.parent, seated.location, seated.beamline], [null, null, null, null]);
    assert.ok(!JSON.stringify(summary).includes('Lend'), 'nothing of bob\'s shows');
  });

  test('another project\'s summary is not found, and a bad id is a 400', async () => {
    const other = await world.api('bob', 'GET', `/projects/${world.projects.alice}/summary`);
    assert.equal(other.statusCode, 404);
    assert.equal(typeof other.json().detail, 'string');
    assert.equal((await world.api('carol', 'GET', `/projects/${world.projects.alice}/summary`)).statusCode, 404);
    assert.equal((await world.api('alice', 'GET', '/projects/abc/summary')).statusCode, 400);
  });

  test('a shipment\'s history holds its creation, changes and state changes, newest first, with who did them', async () => {
    const history = await world.ok('alice', 'GET', `/shipments/${trip.shipment}/history`);
    const lines = history.results.map((e: { description: string; username: string | null }) => `${e.username}: ${e.description}`);
    assert.equal(history.count, 3);
    assert.match(lines[0], /^staffer: .*receive/);
    assert.match(lines[1], /^alice: .*send/);
    assert.match(lines[2], /^alice: .*created/);
    const oldestFirst = await world.ok('alice', 'GET', `/shipments/${trip.shipment}/history?ordering=created_at`);
    assert.deepEqual(ids(oldestFirst), [...ids(history)].reverse());
    assert.deepEqual(await world.ok('staff', 'GET', `/shipments/${trip.shipment}/history`), history);
  });

  test('another project\'s shipment history is not found', async () => {
    const response = await world.api('bob', 'GET', `/shipments/${trip.shipment}/history`);
    assert.equal(response.statusCode, 404);
    assert.equal((await world.api('alice', 'GET', '/shipments/999999/history')).statusCode, 404);
    assert.equal((await world.api('alice', 'GET', `/shipments/${trip.shipment}/history?ordering=description`)).statusCode, 400);
  });

  test('a session page: its stretches and total time, its datasets and reports by session, sample and group', async () => {
    const one = await beamlineRecords(world, 'alice', trip.samples[0], 'BL1-20260101-page0000');
    const two = await beamlineRecords(world, 'alice', trip.samples[1], 'BL1-20260101-page0001');
    const db = world.server.platform.db;
    await db.updateTable('datasets').set({ group_id: trip.group }).where('id', '=', one.dataset).execute();

    const session = await world.ok('alice', 'GET', `/sessions/${one.session}`);
    assert.equal(session.stretches.length, 1);
    assert.equal(typeof session.stretches[0].started_at, 'string');
    assert.equal(typeof session.duration_seconds, 'number');
    assert.equal(typeof session.duration, 'string');

    assert.deepEqual(ids(await world.ok('alice', 'GET', `/datasets?session=${one.session}`)), [one.dataset]);
    assert.deepEqual(ids(await world.ok('alice', 'GET', `/datasets?group=${trip.group}`)), [one.dataset]);
    assert.deepEqual(ids(await world.ok('alice', 'GET', '/datasets?group=Dash-g')), [one.dataset], 'a group by name');
    assert.deepEqual(ids(await world.ok('alice', 'GET', `/reports?session=${two.session}`)), [two.report]);
    assert.deepEqual(ids(await world.ok('alice', 'GET', `/reports?sample=${trip.samples[0]}`)), [one.report]);
    assert.deepEqual(ids(await world.ok('alice', 'GET', `/reports?group=${trip.group}`)), [one.report]);
    assert.deepEqual(ids(await world.ok('alice', 'GET', '/reports?session=BL1-20260101-page0001')), [two.report], 'a session by name');
    assert.equal((await world.ok('bob', 'GET', `/reports?session=${one.session}`)).count, 0, 'bob sees none of alice\'s');
    assert.equal((await world.api('alice', 'GET', `/reports?session=${'x'.repeat(151)}`)).statusCode, 400);
  });
});
