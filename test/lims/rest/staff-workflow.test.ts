// Staff take a shipment through the site: receive it, load its adaptor into the automounter, move
// things, unload, return and archive it; the state machine refuses every other move.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TRANSITIONS, SHIPMENT_ACTIONS } from '../../../src/lims/shipments.ts';
import { draftShipment, startWorld } from './world.ts';
import type { World } from './world.ts';

describe('staff handling shipments on site', () => {
  let world: World;
  let trip: Awaited<ReturnType<typeof draftShipment>>;
  before(async () => {
    world = await startWorld();
    trip = await draftShipment(world, 'alice', 'T1');
    await world.ok('alice', 'POST', `/shipments/${trip.shipment}/send`);
  });
  after(() => world.close());

  test('every named action is a transition the state machine allows', () => {
    for (const [name, rule] of Object.entries(SHIPMENT_ACTIONS)) {
      for (const from of rule.from) assert.ok(TRANSITIONS[from].includes(rule.to), `${name}: ${from} → ${rule.to}`);
    }
  });

  test('containers cannot go into the automounter before the shipment is received', async () => {
    const response = await world.api('staff', 'POST', `/containers/${trip.adaptor}/load`, { beamline: 'BL-1', location: 'L' });
    assert.equal(response.statusCode, 409);
    assert.match(response.json().detail, /only containers on site/);
  });

  test('receiving sets the date and storage location; containers and groups follow', async () => {
    const received = await world.ok('staff', 'POST', `/shipments/${trip.shipment}/receive`, { storage_location: 'Dewar 3' });
    assert.equal(received.state, 'on_site');
    assert.equal(received.storage_location, 'Dewar 3');
    assert.ok(received.date_received);
    const containers = await world.ok('staff', 'GET', `/containers?shipment=${trip.shipment}`);
    assert.deepEqual(containers.results.map((c: { state: string }) => c.state), ['on_site', 'on_site']);
    const group = await world.ok('alice', 'GET', `/groups/${trip.group}`);
    assert.equal(group.state, 'active');
  });

  test('illegal transitions are refused with 409 and the shipment is unchanged', async () => {
    for (const action of ['send', 'recall', 'receive', 'unreturn', 'archive']) {
      const response = await world.api('staff', 'POST', `/shipments/${trip.shipment}/${action}`);
      assert.equal(response.statusCode, 409, `${action}: ${response.body}`);
      assert.match(response.json().detail, new RegExp(`^Shipment T1 is on site; "${action}" needs it to be `));
    }
    assert.equal((await world.ok('alice', 'GET', `/shipments/${trip.shipment}`)).state, 'on_site');
    const unknown = await world.api('staff', 'POST', `/shipments/${trip.shipment}/teleport`);
    assert.equal(unknown.statusCode, 404);
  });

  test('staff load the adaptor into the active automounter; the sample ports follow', async () => {
    const loaded = await world.ok('staff', 'POST', `/containers/${trip.adaptor}/load`, { beamline: 'BL-1', location: 'L' });
    assert.equal(loaded.location, 'L');
    const automounter = await world.ok('staff', 'GET', `/automounters/${world.beamline.automounterId}`);
    assert.deepEqual(automounter.loaded.map((c: { name: string; port: string }) => [c.name, c.port]), [['T1-AD', 'L'], ['T1-P1', 'LA']]);
    const slotTaken = await world.ok('bob', 'POST', '/shipments', { name: 'B1' });
    const cassette = await world.ok('bob', 'POST', '/containers', { shipment_id: slotTaken.id, name: 'CAS', type: 'Cassette' });
    await world.ok('staff', 'POST', `/shipments/${slotTaken.id}/receive`);
    const occupied = await world.api('staff', 'POST', `/containers/${cassette.id}/load`, { beamline: 'BL-1', location: 'L' });
    assert.equal(occupied.statusCode, 409);
    const wrongKind = await world.api('staff', 'POST', `/containers/${cassette.id}/load`, { beamline: 'BL-1', location: 'R' });
    assert.equal(wrongKind.statusCode, 400);
    assert.match(wrongKind.json().detail, /does not take this kind of container/);
    await world.ok('staff', 'POST', `/containers/${cassette.id}/load`, { parent_id: automounter.container_id, location: 'M' });
  });

  test('owners cannot move containers on site', async () => {
    const response = await world.api('alice', 'POST', `/containers/${trip.adaptor}/unload`);
    assert.equal(response.statusCode, 403);
  });

  test('staff fix a sample while the shipment is on site; owners may not', async () => {
    const fixed = await world.ok('staff', 'PATCH', `/samples/${trip.samples[0]}`, { comments: 'cracked crystal' });
    assert.equal(fixed.comments, 'cracked crystal');
    assert.equal((await world.api('alice', 'PATCH', `/samples/${trip.samples[0]}`, { comments: 'fine' })).statusCode, 409);
  });

  test('load history records each load, newest first', async () => {
    await world.ok('staff', 'POST', `/containers/${trip.adaptor}/unload`);
    await world.ok('staff', 'POST', `/containers/${trip.adaptor}/load`, { beamline: 'BL-1', location: 'L' });
    const history = await world.ok('staff', 'GET', `/containers/${trip.adaptor}/history`);
    assert.equal(history.count, 2);
    assert.equal(history.results[0].ended_at, null);
    assert.ok(history.results[1].ended_at);
    assert.equal(history.results[0].parent, 'BL1-SAM');
    const slots = await world.ok('staff', 'GET', `/automounters/${world.beamline.automounterId}/history`);
    assert.deepEqual(slots.results.map((r: { container: string }) => r.container), ['T1-AD', 'CAS', 'T1-AD']);
    assert.equal((await world.api('alice', 'GET', `/containers/${trip.adaptor}/history`)).statusCode, 403);
  });

  test('"unload everything of a project" clears only that project off the beamline', async () => {
    const result = await world.ok('staff', 'POST', `/beamlines/${world.beamline.id}/unload-project`, { project_id: world.projects.bob });
    assert.deepEqual(result.unloaded.map((c: { name: string }) => c.name), ['CAS']);
    const automounter = await world.ok('staff', 'GET', `/automounters/${world.beamline.automounterId}`);
    assert.deepEqual(automounter.loaded.map((c: { name: string }) => c.name), ['T1-AD', 'T1-P1']);
  });

  test('returning unloads the shipment from the automounter but keeps the puck in its adaptor', async () => {
    const returned = await world.ok('staff', 'POST', `/shipments/${trip.shipment}/return`, { return_code: 'RET-9' });
    assert.equal(returned.state, 'returned');
    assert.equal(returned.return_code, 'RET-9');
    assert.ok(returned.date_returned);
    const adaptor = await world.ok('alice', 'GET', `/containers/${trip.adaptor}`);
    assert.equal(adaptor.parent_id, null);
    assert.equal(adaptor.state, 'returned');
    const puck = await world.ok('alice', 'GET', `/containers/${trip.puck}`);
    assert.equal(puck.parent_id, trip.adaptor);
    const automounter = await world.ok('staff', 'GET', `/automounters/${world.beamline.automounterId}`);
    assert.deepEqual(automounter.loaded, []);
    const edit = await world.api('staff', 'PATCH', `/samples/${trip.samples[0]}`, { comments: 'too late' });
    assert.equal(edit.statusCode, 409, 'not even staff change a returned shipment');
  });

  test('archiving is staff-only and final', async () => {
    assert.equal((await world.api('alice', 'POST', `/shipments/${trip.shipment}/archive`)).statusCode, 403);
    const archived = await world.ok('staff', 'POST', `/shipments/${trip.shipment}/archive`);
    assert.equal(archived.state, 'archived');
    for (const action of Object.keys(SHIPMENT_ACTIONS)) {
      assert.equal((await world.api('staff', 'POST', `/shipments/${trip.shipment}/${action}`)).statusCode, 409, action);
    }
    const staffFields = await world.ok('staff', 'PATCH', `/shipments/${trip.shipment}`, { storage_location: 'shelf' });
    assert.equal(staffFields.storage_location, 'shelf');
    const ownerField = await world.api('alice', 'PATCH', `/shipments/${trip.shipment}`, { storage_location: 'mine' });
    assert.equal(ownerField.statusCode, 400);
    assert.deepEqual(ownerField.json().fields, { storage_location: ['set by staff only'] });
  });

  test('unreceive and unreturn step back, unloading what leaves the site', async () => {
    const other = await draftShipment(world, 'bob', 'T2');
    await world.ok('staff', 'POST', `/shipments/${other.shipment}/receive`);
    await world.ok('staff', 'POST', `/containers/${other.adaptor}/load`, { beamline: 'BL-1', location: 'R' });
    const back = await world.ok('staff', 'POST', `/shipments/${other.shipment}/unreceive`);
    assert.equal(back.state, 'sent');
    assert.equal(back.date_received, null);
    assert.equal((await world.ok('bob', 'GET', `/containers/${other.adaptor}`)).parent_id, null);
    await world.ok('staff', 'POST', `/shipments/${other.shipment}/receive`);
    await world.ok('staff', 'POST', `/shipments/${other.shipment}/return`);
    const again = await world.ok('staff', 'POST', `/shipments/${other.shipment}/unreturn`);
    assert.equal(again.state, 'on_site');
    assert.equal(again.date_returned, null);
  });
});

describe('staff managing beamlines, automounters, access lists and projects', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(() => world.close());

  test('beamlines: create, change, refuse duplicates and bad ranges, delete', async () => {
    const created = await world.ok('staff', 'POST', '/beamlines', { acronym: 'BL-2', name: 'Two', energy_lo: 5, energy_hi: 20 });
    assert.equal(created.active, true);
    assert.equal((await world.api('staff', 'POST', '/beamlines', { acronym: 'BL-2' })).statusCode, 409);
    const upsideDown = await world.api('staff', 'PATCH', `/beamlines/${created.id}`, { energy_lo: 30 });
    assert.equal(upsideDown.statusCode, 400);
    assert.ok(upsideDown.json().fields.energy_hi);
    const changed = await world.ok('staff', 'PATCH', `/beamlines/${created.id}`, { active: false, contact_phone: '555-1234' });
    assert.equal(changed.active, false);
    assert.equal((await world.ok('alice', 'GET', '/beamlines?active=false')).count, 1);
    assert.equal((await world.api('alice', 'POST', '/beamlines', { acronym: 'BL-3' })).statusCode, 403);
    await world.ok('staff', 'DELETE', `/beamlines/${created.id}`);
    assert.equal((await world.api('staff', 'GET', `/beamlines/${created.id}`)).statusCode, 404);
  });

  test('a beamline with sessions cannot be deleted', async () => {
    const { beamlineRecords } = await import('./world.ts');
    await beamlineRecords(world, 'alice', null, 'BL1-20260101-history');
    const response = await world.api('staff', 'DELETE', `/beamlines/${world.beamline.id}`);
    assert.equal(response.statusCode, 409);
    assert.match(response.json().detail, /deactivate it instead/);
  });

  test('automounters: one active per beamline', async () => {
    const second = await world.ok('staff', 'POST', '/automounters', { beamline_id: world.beamline.id, name: 'BL1-ISARA', type: 'ISARA Automounter' });
    assert.equal(second.active, false);
    const activated = await world.ok('staff', 'POST', `/automounters/${second.id}/activate`);
    assert.equal(activated.active, true);
    const all = await world.ok('staff', 'GET', `/automounters?beamline=${world.beamline.id}`);
    assert.deepEqual(all.results.map((a: { name: string; active: boolean }) => [a.name, a.active]), [['BL1-SAM', false], ['BL1-ISARA', true]]);
    const deactivated = await world.ok('staff', 'POST', `/automounters/${second.id}/deactivate`);
    assert.equal(deactivated.active, false);
    const notAnAutomounter = await world.api('staff', 'POST', '/automounters', { beamline_id: world.beamline.id, name: 'X', type: 'Uni-Puck' });
    assert.equal(notAnAutomounter.statusCode, 400);
    assert.equal((await world.api('staff', 'POST', '/automounters', { beamline_id: world.beamline.id, name: 'BL1-ISARA', type: 'ISARA Automounter' })).statusCode, 409);
    const commented = await world.ok('staff', 'PATCH', `/automounters/${second.id}`, { staff_comments: 'spare' });
    assert.equal(commented.staff_comments, 'spare');
    await world.ok('staff', 'DELETE', `/automounters/${second.id}`);
    assert.equal((await world.api('staff', 'GET', `/automounters/${second.id}`)).statusCode, 404);
    assert.equal((await world.api('alice', 'GET', '/automounters')).statusCode, 403);
  });

  test('access lists: members, canonical addresses, connection history', async () => {
    const list = await world.ok('staff', 'POST', '/access-lists', {
      name: 'nx-1', address: '::ffff:10.0.0.5', active: true, project_ids: [world.projects.alice], beamline_ids: [world.beamline.id],
    });
    assert.equal(list.address, '10.0.0.5');
    assert.deepEqual(list.project_ids, [world.projects.alice]);
    const bad = await world.api('staff', 'POST', '/access-lists', { name: 'nx-2', address: 'not-an-ip' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().fields, { address: ['not an IP address'] });
    const unknownProject = await world.api('staff', 'PATCH', `/access-lists/${list.id}`, { project_ids: [999] });
    assert.equal(unknownProject.statusCode, 400);
    assert.deepEqual((await world.ok('staff', 'GET', `/access-lists/${list.id}`)).project_ids, [world.projects.alice], 'a refused change leaves the members alone');
    const changed = await world.ok('staff', 'PATCH', `/access-lists/${list.id}`, { project_ids: [world.projects.bob, world.projects.alice] });
    assert.deepEqual(changed.project_ids, [world.projects.alice, world.projects.bob].sort((a, b) => a - b));
    const { recordConnections } = await import('../../../src/lims/access-lists.ts');
    await recordConnections(world.server.platform.db, list.id, [{ project: 'alice', name: 'conn-1', status: 'Connected', date: '2026-01-02 03:04:05' }]);
    const connections = await world.ok('staff', 'GET', `/access-lists/${list.id}/connections`);
    assert.deepEqual(connections.results.map((c: { username: string; status: string; created_at: string }) => [c.username, c.status, c.created_at]), [['alice', 'Connected', '2026-01-02T03:04:05.000Z']]);
    assert.equal((await world.api('alice', 'GET', '/access-lists')).statusCode, 403);
    await world.ok('staff', 'DELETE', `/access-lists/${list.id}`);
    assert.equal((await world.ok('staff', 'GET', '/access-lists')).count, 0);
  });

  test('projects: staff create one for an existing user, once', async () => {
    const { makeUser } = await import('../../helpers/accounts.ts');
    await makeUser(world.server.platform, 'dave');
    const created = await world.ok('staff', 'POST', '/projects', { username: 'dave', organisation: 'CLS' });
    assert.equal(created.organisation, 'CLS');
    assert.equal((await world.api('staff', 'POST', '/projects', { user_id: created.user_id })).statusCode, 409);
    assert.equal((await world.api('staff', 'POST', '/projects', { username: 'nobody' })).statusCode, 400);
    assert.equal((await world.api('staff', 'POST', '/projects', { username: 'dave', user_id: 1 })).statusCode, 400);
    assert.equal((await world.api('alice', 'POST', '/projects', { username: 'dave' })).statusCode, 403);
    const all = await world.ok('staff', 'GET', '/projects');
    assert.deepEqual(all.results.map((p: { username: string }) => p.username), ['alice', 'bob', 'dave']);
    const staffShipment = await world.api('staff', 'POST', '/shipments', { name: 'For dave' });
    assert.equal(staffShipment.statusCode, 400, 'staff must say which project');
    const forDave = await world.ok('staff', 'POST', '/shipments', { name: 'For dave', project_id: created.id });
    assert.equal(forDave.project_id, created.id);
  });
});
