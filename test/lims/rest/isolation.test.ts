// Isolation: no route lets one project read or change another project's shipments, containers,
// groups, samples, sessions, datasets, reports, SSH keys or activity. Another project's record
// answers 404, exactly like one that does not exist; lists never include it; staff see both.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { beamlineRecords, draftShipment, startWorld } from './world.ts';
import type { World } from './world.ts';

const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop';

describe('isolation between projects', () => {
  let world: World;
  let a: Awaited<ReturnType<typeof draftShipment>>;
  let b: Awaited<ReturnType<typeof draftShipment>>;
  let aRecords: Awaited<ReturnType<typeof beamlineRecords>>;
  let bRecords: Awaited<ReturnType<typeof beamlineRecords>>;
  let aKey: number;
  before(async () => {
    world = await startWorld();
    a = await draftShipment(world, 'alice', 'A1');
    b = await draftShipment(world, 'bob', 'B1');
    aRecords = await beamlineRecords(world, 'alice', a.samples[0], 'BL1-20260101-aaaaaaaa');
    bRecords = await beamlineRecords(world, 'bob', b.samples[0], 'BL1-20260101-bbbbbbbb');
    aKey = (await world.ok('alice', 'POST', '/ssh-keys', { name: 'laptop', key: ED25519 })).id;
  });
  after(() => world.close());

  const aliceUrls = () => [
    `/shipments/${a.shipment}`, `/containers/${a.puck}`, `/groups/${a.group}`, `/samples/${a.samples[0]}`,
    `/sessions/${aRecords.session}`, `/datasets/${aRecords.dataset}`, `/reports/${aRecords.report}`, `/ssh-keys/${aKey}`, `/projects/${world.projects.alice}`,
  ];

  test('bob gets 404 for each of alice\'s records, the same answer as for a missing id', async () => {
    for (const url of aliceUrls()) {
      const theirs = await world.api('bob', 'GET', url);
      assert.equal(theirs.statusCode, 404, `${url}: ${theirs.body}`);
      const missing = await world.api('bob', 'GET', url.replace(/\d+$/, '999999'));
      assert.deepEqual(theirs.json(), missing.json(), url);
      assert.equal((await world.api('alice', 'GET', url)).statusCode, 200, url);
    }
  });

  test('a user without a project gets 404 for everything', async () => {
    for (const url of aliceUrls()) assert.equal((await world.api('carol', 'GET', url)).statusCode, 404, url);
  });

  test('bob cannot change or delete alice\'s records', async () => {
    const writes: Array<[string, string, unknown]> = [
      ['PATCH', `/shipments/${a.shipment}`, { comments: 'mine now' }],
      ['DELETE', `/shipments/${a.shipment}`, undefined],
      ['POST', `/shipments/${a.shipment}/send`, undefined],
      ['PATCH', `/containers/${a.puck}`, { priority: 1 }],
      ['DELETE', `/containers/${a.puck}`, undefined],
      ['POST', `/containers/${a.puck}/unload`, undefined],
      ['POST', `/containers/${a.puck}/load`, { parent_id: b.adaptor, location: 'B' }],
      ['PATCH', `/groups/${a.group}`, { priority: 5 }],
      ['DELETE', `/groups/${a.group}`, undefined],
      ['PATCH', `/samples/${a.samples[0]}`, { name: 'stolen' }],
      ['DELETE', `/samples/${a.samples[0]}`, undefined],
      ['DELETE', `/ssh-keys/${aKey}`, undefined],
      ['PATCH', `/projects/${world.projects.alice}`, { city: 'Nowhere' }],
    ];
    for (const [method, url, payload] of writes) {
      const response = await world.api('bob', method as 'POST', url, payload);
      assert.equal(response.statusCode, 404, `${method} ${url}: ${response.body}`);
    }
    const csv = await world.csv('bob', a.puck, 'name,location\nx,9\n');
    assert.equal(csv.statusCode, 404);
    const sample = await world.ok('alice', 'GET', `/samples/${a.samples[0]}`);
    assert.equal(sample.name, 'A1-s1');
    assert.equal((await world.ok('alice', 'GET', `/shipments/${a.shipment}`)).state, 'draft');
    assert.equal((await world.ok('alice', 'GET', `/samples?container=${a.puck}`)).count, 2);
    assert.equal((await world.ok('alice', 'GET', `/ssh-keys/${aKey}`)).name, 'laptop');
  });

  test('bob cannot put things into alice\'s shipment or containers by naming their ids', async () => {
    const attempts: Array<[string, unknown, string]> = [
      ['/containers', { shipment_id: a.shipment, name: 'INTRUDER', type: 'Uni-Puck' }, 'shipment_id'],
      ['/groups', { shipment_id: a.shipment, name: 'intruder' }, 'shipment_id'],
      ['/samples', { container_id: a.puck, name: 'intruder', location: '9' }, 'container_id'],
      ['/shipments', { name: 'Mine', project_id: world.projects.alice }, 'project_id'],
      ['/ssh-keys', { name: 'k', key: ED25519, project_id: world.projects.alice }, 'project_id'],
    ];
    for (const [url, payload, field] of attempts) {
      const response = await world.api('bob', 'POST', url, payload);
      assert.equal(response.statusCode, 400, `${url}: ${response.body}`);
      assert.deepEqual(Object.keys(response.json().fields), [field]);
    }
    const intoAlices = await world.api('bob', 'POST', `/containers/${b.puck}/load`, { parent_id: a.adaptor, location: 'C' });
    assert.equal(intoAlices.statusCode, 400);
    assert.equal((await world.ok('alice', 'GET', `/containers?shipment=${a.shipment}`)).count, 2);
  });

  test('lists never show another project\'s rows', async () => {
    const lists = ['/shipments', '/containers', '/groups', '/samples', '/sessions', '/datasets', '/reports', '/ssh-keys', '/projects', '/activity'];
    for (const list of lists) {
      const page = await world.ok('bob', 'GET', `${list}?limit=500`);
      assert.ok(page.count > 0 || list === '/ssh-keys', `${list} is empty for bob`);
      assert.equal(page.results.length, page.count, list);
      for (const row of page.results) {
        const owner = list === '/projects' ? row.id : row.project_id;
        assert.equal(owner, world.projects.bob, `${list} shows ${JSON.stringify(row)}`);
      }
      // Filtering by alice's project gives nothing rather than her rows.
      if (list !== '/projects') assert.equal((await world.ok('bob', 'GET', `${list}?project=${world.projects.alice}`)).count, 0, list);
    }
    assert.equal((await world.ok('bob', 'GET', `/samples?container=${a.puck}`)).count, 0);
    assert.equal((await world.ok('bob', 'GET', `/datasets?session=${aRecords.session}`)).count, 0);
    assert.equal((await world.ok('bob', 'GET', `/reports?dataset=${aRecords.dataset}`)).count, 0);
  });

  test('staff see both projects\' records', async () => {
    for (const url of aliceUrls()) assert.equal((await world.api('staff', 'GET', url)).statusCode, 200, url);
    const datasets = await world.ok('staff', 'GET', '/datasets');
    assert.deepEqual(new Set(datasets.results.map((d: { project_id: number }) => d.project_id)), new Set([world.projects.alice, world.projects.bob]));
    const shipments = await world.ok('staff', 'GET', '/shipments');
    assert.equal(shipments.count, 2);
    assert.equal((await world.ok('staff', 'GET', `/reports/${bRecords.report}`)).data_ids[0], bRecords.dataset);
  });

  test('owners read their sessions with stretches, datasets and reports with details', async () => {
    const session = await world.ok('alice', 'GET', `/sessions/${aRecords.session}`);
    assert.equal(session.beamline, 'BL-1');
    assert.equal(session.is_active, false, 'bob\'s launch on the same beamline closed alice\'s stretch');
    assert.equal(session.stretches.length, 1);
    assert.ok(session.stretches[0].ended_at);
    assert.equal(typeof session.duration_seconds, 'number');
    assert.equal(typeof session.duration, 'string');
    const dataset = await world.ok('alice', 'GET', `/datasets/${aRecords.dataset}`);
    assert.equal(dataset.type, 'DATA');
    assert.equal(dataset.sample_id, a.samples[0]);
    assert.deepEqual(dataset.meta_data, { resolution: 1.8 });
    const report = await world.ok('alice', 'GET', `/reports/${aRecords.report}`);
    assert.deepEqual(report.data_ids, [aRecords.dataset]);
    assert.equal(report.details[0].title, 'Statistics');
    const bobs = await world.ok('bob', 'GET', `/sessions/${bRecords.session}`);
    assert.equal(bobs.is_active, true);
  });

  test('SSH keys: fingerprint shown, malformed or multi-line keys refused', async () => {
    const key = await world.ok('alice', 'GET', `/ssh-keys/${aKey}`);
    assert.match(key.fingerprint, /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    for (const bad of ['not a key', 'ssh-ed25519 AAAA', `${ED25519}\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl evil`, 'ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl']) {
      const response = await world.api('alice', 'POST', '/ssh-keys', { name: 'bad', key: bad });
      assert.equal(response.statusCode, 400, bad);
      assert.ok(response.json().fields.key);
    }
    assert.equal((await world.ok('alice', 'GET', '/ssh-keys')).count, 1);
  });
});
