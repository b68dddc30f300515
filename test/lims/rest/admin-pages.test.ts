// What the staff administration and profile pages need from the REST API: a project account
// (login and project) created in one request or not at all, the activity log filtered by action,
// kind of record and dates, and a project's own remote-access history.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld } from './world.ts';
import type { World } from './world.ts';
import { login } from '../../helpers/accounts.ts';
import { recordConnections } from '../../../src/lims/access-lists.ts';

describe('REST API behind the administration and profile pages', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(() => world.close());

  const userCount = async (username: string) =>
    (await world.server.platform.db.selectFrom('users').select('id').where('username', '=', username).execute()).length;

  test('a project account is created with its login and details in one request', async () => {
    const created = await world.ok('staff', 'POST', '/project-accounts', {
      username: 'newlab', full_name: 'New Lab', email: 'pi@newlab.example', password: 'newlab-password',
      contact_person: 'Dr. Pi', city: 'Saskatoon',
    }, 201);
    assert.equal(created.username, 'newlab');
    assert.equal(created.full_name, 'New Lab');
    assert.equal(created.contact_person, 'Dr. Pi');
    assert.equal(created.has_mxdc_key, false);
    const own = await login(world.server.app, 'newlab');
    const mine = await world.server.app.inject({ method: 'GET', url: '/rest/v1/projects', headers: own.headers });
    assert.deepEqual(mine.json().results.map((p: { id: number }) => p.id), [created.id]);
    const log = await world.ok('staff', 'GET', `/activity?project=newlab`);
    assert.deepEqual(log.results.map((e: { description: string; username: string }) => [e.description, e.username]), [['Project account newlab created', 'staffer']]);
  });

  test('a refused project account leaves no login behind', async () => {
    const tooLong = await world.api('staff', 'POST', '/project-accounts', { username: 'halfway', city: 'x'.repeat(201) });
    assert.equal(tooLong.statusCode, 400);
    assert.ok(tooLong.json().fields.city, tooLong.body);
    const shortPassword = await world.api('staff', 'POST', '/project-accounts', { username: 'halfway', password: 'abc' });
    assert.equal(shortPassword.statusCode, 400);
    assert.equal(await userCount('halfway'), 0);
    const taken = await world.api('staff', 'POST', '/project-accounts', { username: 'alice' });
    assert.equal(taken.statusCode, 409);
    assert.match(taken.json().detail, /alice/);
    const badName = await world.api('staff', 'POST', '/project-accounts', { username: 'has space' });
    assert.equal(badName.statusCode, 400);
    assert.ok(badName.json().fields.username);
    assert.equal((await world.api('alice', 'POST', '/project-accounts', { username: 'sneaky' })).statusCode, 403);
    assert.equal(await userCount('sneaky'), 0);
  });

  test('the activity log filters by action, kind of record and dates', async () => {
    await world.ok('alice', 'POST', '/shipments', { name: 'ACT-SHIP' }, 201);
    await world.ok('alice', 'PATCH', `/projects/${world.projects.alice}`, { city: 'Regina' });
    const created = await world.ok('staff', 'GET', '/activity?project=alice&action=create&object_type=shipment');
    assert.deepEqual(created.results.map((e: { description: string }) => e.description), ['Shipment ACT-SHIP created']);
    const modified = await world.ok('staff', 'GET', '/activity?project=alice&action=modify');
    assert.ok(modified.results.length > 0 && modified.results.every((e: { action: string }) => e.action === 'modify'));
    const now = Date.now();
    const today = await world.ok('staff', 'GET', `/activity?project=alice&from=${new Date(now - 3600_000).toISOString()}&to=${new Date(now + 3600_000).toISOString()}`);
    assert.equal(today.count, (await world.ok('staff', 'GET', '/activity?project=alice')).count, 'everything happened within the hour');
    assert.ok(today.count >= created.count + modified.count);
    const tomorrow = await world.ok('staff', 'GET', `/activity?project=alice&from=${new Date(now + 86_400_000).toISOString().slice(0, 10)}`);
    assert.equal(tomorrow.count, 0);
    const bad = await world.api('staff', 'GET', '/activity?from=yesterday-ish');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().fields, { from: ['not a valid date-time'] });
    assert.equal((await world.api('staff', 'GET', '/activity?action=explode')).statusCode, 400);
    const bobSees = await world.ok('bob', 'GET', '/activity?action=create&object_type=shipment');
    assert.equal(bobSees.results.some((e: { description: string }) => e.description.includes('ACT-SHIP')), false);
  });

  test('remote-access history: a project sees its own connections, staff see all', async () => {
    const list = await world.ok('staff', 'POST', '/access-lists', {
      name: 'nx-profile', address: '10.0.0.9', active: true, project_ids: [world.projects.alice, world.projects.bob],
    }, 201);
    await recordConnections(world.server.platform.db, list.id, [
      { project: 'alice', name: 'alice-1', status: 'Connected', date: '2026-01-02 03:04:05' },
      { project: 'bob', name: 'bob-1', status: 'Connected', date: '2026-01-03 03:04:05' },
      { project: 'alice', name: 'alice-2', status: 'Connected', date: '2026-01-04 03:04:05' },
    ]);
    await recordConnections(world.server.platform.db, list.id, [{ project: 'alice', name: 'alice-1', status: 'Finished', date: '2026-01-02 05:00:00' }]);
    const alice = await world.ok('alice', 'GET', '/remote-connections');
    assert.deepEqual(alice.results.map((c: { name: string; status: string; access_list: string; address: string }) => [c.name, c.status, c.access_list, c.address]), [
      ['alice-2', 'Connected', 'nx-profile', '10.0.0.9'],
      ['alice-1', 'Finished', 'nx-profile', '10.0.0.9'],
    ]);
    assert.equal(alice.results[1].ended_at, '2026-01-02T05:00:00.000Z');
    assert.equal((await world.ok('alice', 'GET', '/remote-connections?project=bob')).count, 0, 'another project\'s history stays hidden');
    assert.equal((await world.ok('carol', 'GET', '/remote-connections')).count, 0, 'no project, no history');
    const staff = await world.ok('staff', 'GET', '/remote-connections?ordering=created_at');
    assert.deepEqual(staff.results.map((c: { name: string }) => c.name), ['alice-1', 'bob-1', 'alice-2']);
    assert.equal((await world.ok('staff', 'GET', `/remote-connections?project=bob&access_list=${list.id}`)).count, 1);
    assert.equal((await world.api('alice', 'GET', '/remote-connections?ordering=password')).statusCode, 400);
  });
});
