// An owner prepares a shipment through the REST API — shipment, containers, a puck seated in an
// adaptor, groups, samples — sends it, finds it locked, recalls it, and cleans up a draft.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld } from './world.ts';
import type { World } from './world.ts';

describe('an owner\'s shipment, from draft to sent', () => {
  let world: World;
  const ids: Record<string, number> = {};
  before(async () => {
    world = await startWorld();
  });
  after(() => world.close());

  test('creates a draft shipment for their own project', async () => {
    const shipment = await world.ok('alice', 'POST', '/shipments', { name: 'Trip 1', comments: 'fragile' });
    assert.equal(shipment.state, 'draft');
    assert.equal(shipment.project_id, world.projects.alice);
    assert.equal(shipment.date_shipped, null);
    ids.shipment = shipment.id;
    const duplicate = await world.api('alice', 'POST', '/shipments', { name: 'Trip 1' });
    assert.equal(duplicate.statusCode, 409);
    assert.match(duplicate.json().detail, /already has a shipment named Trip 1/);
  });

  test('adds containers by type name or id, with unique names in the shipment', async () => {
    const adaptor = await world.ok('alice', 'POST', '/containers', { shipment_id: ids.shipment, name: 'AD-1', type: 'Adaptor' });
    assert.equal(adaptor.container_type, 'Adaptor');
    assert.equal(adaptor.state, 'draft');
    ids.adaptor = adaptor.id;
    const types = await world.ok('alice', 'GET', '/container-types?limit=500');
    const unipuck = types.results.find((t: { name: string }) => t.name === 'Uni-Puck');
    assert.equal(unipuck.locations.length, 16);
    const puck = await world.ok('alice', 'POST', '/containers', { shipment_id: ids.shipment, name: 'PUCK-1', type: unipuck.id, priority: 2 });
    assert.equal(puck.container_type, 'Uni-Puck');
    ids.puck = puck.id;
    const again = await world.api('alice', 'POST', '/containers', { shipment_id: ids.shipment, name: 'PUCK-1', type: 'Uni-Puck' });
    assert.equal(again.statusCode, 409);
    const unknownType = await world.api('alice', 'POST', '/containers', { shipment_id: ids.shipment, name: 'X', type: 'Teacup' });
    assert.equal(unknownType.statusCode, 400);
    assert.deepEqual(unknownType.json().fields, { type: ['unknown container type'] });
  });

  test('seats the puck in the adaptor; a wrong or taken slot is refused', async () => {
    const wrongSlot = await world.api('alice', 'POST', `/containers/${ids.puck}/load`, { parent_id: ids.adaptor, location: 'Z' });
    assert.equal(wrongSlot.statusCode, 400);
    assert.match(wrongSlot.json().detail, /no location "Z"/);
    const seated = await world.ok('alice', 'POST', `/containers/${ids.puck}/load`, { parent_id: ids.adaptor, location: 'B' });
    assert.equal(seated.parent_id, ids.adaptor);
    assert.equal(seated.location, 'B');
    const other = await world.ok('alice', 'POST', '/containers', { shipment_id: ids.shipment, name: 'PUCK-2', type: 'Uni-Puck' });
    const taken = await world.api('alice', 'POST', `/containers/${other.id}/load`, { parent_id: ids.adaptor, location: 'B' });
    assert.equal(taken.statusCode, 409);
    assert.match(taken.json().detail, /already holds PUCK-1/);
    const intoAutomounter = await world.api('alice', 'POST', `/containers/${other.id}/load`, { beamline: 'BL-1', location: 'L' });
    assert.equal(intoAutomounter.statusCode, 403);
    await world.ok('alice', 'DELETE', `/containers/${other.id}`);
    assert.equal((await world.api('alice', 'GET', `/containers/${other.id}`)).statusCode, 404);
  });

  test('adds groups and samples; locations must exist, hold samples and be free', async () => {
    const group = await world.ok('alice', 'POST', '/groups', { shipment_id: ids.shipment, name: 'lyso', kind: 'native', plan: 'screen_and_confirm', energy: 12.658, priority: 1 });
    assert.equal(group.plan, 'screen_and_confirm');
    ids.group = group.id;
    const sample = await world.ok('alice', 'POST', '/samples', { container_id: ids.puck, name: 'lyso-1', location: '1', group_id: group.id, barcode: 'BC-001', priority: 3 });
    assert.equal(sample.container, 'PUCK-1');
    assert.equal(sample.location, '1');
    assert.equal(sample.group, 'lyso');
    ids.sample = sample.id;
    const taken = await world.api('alice', 'POST', '/samples', { container_id: ids.puck, name: 'lyso-2', location: '1' });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().detail, 'Location 1 of PUCK-1 already holds sample lyso-1.');
    const missing = await world.api('alice', 'POST', '/samples', { container_id: ids.puck, name: 'lyso-2', location: '17' });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(Object.keys(missing.json().fields), ['location']);
    const inAdaptor = await world.api('alice', 'POST', '/samples', { container_id: ids.adaptor, name: 'lyso-2', location: 'A' });
    assert.equal(inAdaptor.statusCode, 400);
    assert.match(inAdaptor.json().detail, /holds containers, not samples/);
    const moved = await world.ok('alice', 'PATCH', `/samples/${ids.sample}`, { location: '5', comments: 'moved' });
    assert.equal(moved.location, '5');
    assert.equal(moved.comments, 'moved');
  });

  test('a sample\'s group must be of the same shipment', async () => {
    const elsewhere = await world.ok('alice', 'POST', '/shipments', { name: 'Trip 2' });
    const foreignGroup = await world.ok('alice', 'POST', '/groups', { shipment_id: elsewhere.id, name: 'other' });
    const response = await world.api('alice', 'POST', '/samples', { container_id: ids.puck, name: 'lyso-3', location: '3', group_id: foreignGroup.id });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json().fields, { group_id: ['no such group in this shipment'] });
    await world.ok('alice', 'DELETE', `/shipments/${elsewhere.id}`);
    assert.equal((await world.api('alice', 'GET', `/groups/${foreignGroup.id}`)).statusCode, 404, 'deleting a draft takes its groups along');
  });

  test('an empty shipment cannot be sent', async () => {
    const empty = await world.ok('alice', 'POST', '/shipments', { name: 'Empty' });
    const response = await world.api('alice', 'POST', `/shipments/${empty.id}/send`);
    assert.equal(response.statusCode, 409);
    assert.match(response.json().detail, /has no containers/);
    assert.equal((await world.ok('alice', 'GET', `/shipments/${empty.id}`)).state, 'draft', 'the refused send changed nothing');
  });

  test('sends the shipment: it and its containers are sent', async () => {
    const sent = await world.ok('alice', 'POST', `/shipments/${ids.shipment}/send`, { carrier: 'FedEx', tracking_code: 'TRK-1' });
    assert.equal(sent.state, 'sent');
    assert.equal(sent.carrier, 'FedEx');
    assert.ok(sent.date_shipped);
    const containers = await world.ok('alice', 'GET', `/containers?shipment=${ids.shipment}`);
    assert.equal(containers.count, 2);
    assert.deepEqual(containers.results.map((c: { state: string }) => c.state), ['sent', 'sent']);
  });

  test('after sending, every edit is refused with 409 and says why', async () => {
    const attempts: Array<[string, string, unknown]> = [
      ['PATCH', `/shipments/${ids.shipment}`, { comments: 'changed' }],
      ['DELETE', `/shipments/${ids.shipment}`, undefined],
      ['POST', '/containers', { shipment_id: ids.shipment, name: 'LATE', type: 'Uni-Puck' }],
      ['PATCH', `/containers/${ids.puck}`, { priority: 9 }],
      ['DELETE', `/containers/${ids.puck}`, undefined],
      ['POST', `/containers/${ids.puck}/unload`, undefined],
      ['POST', '/groups', { shipment_id: ids.shipment, name: 'late' }],
      ['PATCH', `/groups/${ids.group}`, { priority: 2 }],
      ['DELETE', `/groups/${ids.group}`, undefined],
      ['POST', '/samples', { container_id: ids.puck, name: 'late', location: '9' }],
      ['PATCH', `/samples/${ids.sample}`, { name: 'renamed' }],
      ['DELETE', `/samples/${ids.sample}`, undefined],
    ];
    for (const [method, url, payload] of attempts) {
      const response = await world.api('alice', method as 'POST', url, payload);
      assert.equal(response.statusCode, 409, `${method} ${url}: ${response.body}`);
      assert.match(response.json().detail, /^Shipment Trip 1 is sent; its contents can only be changed while it is a draft\.$/);
    }
    const sample = await world.ok('alice', 'GET', `/samples/${ids.sample}`);
    assert.equal(sample.name, 'lyso-1');
    const imported = await world.csv('alice', ids.puck, 'name,location\nlate,9\n');
    assert.equal(imported.statusCode, 409);
  });

  test('the owner cannot receive their own shipment', async () => {
    const response = await world.api('alice', 'POST', `/shipments/${ids.shipment}/receive`);
    assert.equal(response.statusCode, 403);
  });

  test('recalling makes it a draft again, editable', async () => {
    const recalled = await world.ok('alice', 'POST', `/shipments/${ids.shipment}/recall`);
    assert.equal(recalled.state, 'draft');
    assert.equal(recalled.date_shipped, null);
    const sample = await world.ok('alice', 'PATCH', `/samples/${ids.sample}`, { name: 'lyso-1b' });
    assert.equal(sample.name, 'lyso-1b');
    const containers = await world.ok('alice', 'GET', `/containers?shipment=${ids.shipment}&state=draft`);
    assert.equal(containers.count, 2);
  });

  test('each change is in the project\'s activity log', async () => {
    const log = await world.ok('alice', 'GET', '/activity?limit=500');
    const descriptions = log.results.map((e: { description: string }) => e.description);
    assert.ok(descriptions.includes('Shipment Trip 1: send (draft → sent)'), descriptions.join('\n'));
    assert.ok(descriptions.includes('Shipment Trip 1: recall (sent → draft)'));
    assert.ok(descriptions.includes('Sample lyso-1 added to PUCK-1 at 1'));
    assert.ok(descriptions.includes('Container PUCK-1 put into AD-1 at B'));
    assert.ok(log.results.every((e: { project_id: number }) => e.project_id === world.projects.alice));
  });

  test('the owner updates their project details, but not another\'s', async () => {
    const mine = await world.ok('alice', 'PATCH', `/projects/${world.projects.alice}`, { city: 'Saskatoon', country: 'Canada' });
    assert.equal(mine.city, 'Saskatoon');
    assert.equal(mine.contact_person, 'Alice A.');
    assert.equal(mine.has_mxdc_key, false);
    const theirs = await world.api('alice', 'PATCH', `/projects/${world.projects.bob}`, { city: 'Elsewhere' });
    assert.equal(theirs.statusCode, 404);
    const list = await world.ok('alice', 'GET', '/projects');
    assert.deepEqual(list.results.map((p: { username: string }) => p.username), ['alice']);
  });

  test('a user without a project sees nothing and cannot create shipments', async () => {
    assert.deepEqual(await world.ok('carol', 'GET', '/shipments'), { count: 0, results: [] });
    const response = await world.api('carol', 'POST', '/shipments', { name: 'Mine' });
    assert.equal(response.statusCode, 403);
    assert.match(response.json().detail, /no beamline project/);
  });
});
