// List filters take what a person knows: a beamline's acronym, a project's username, a container
// type's name, a shipment's, container's, group's, session's, sample's or dataset's name — or the
// id. A name nothing has (or only records the caller cannot see have) lists nothing, as an unknown
// id does.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { beamlineRecords, draftShipment, startWorld } from './world.ts';
import type { World, Who } from './world.ts';

describe('list filters by name or id', () => {
  let world: World;
  let mine: Awaited<ReturnType<typeof draftShipment>>;
  let theirs: Awaited<ReturnType<typeof draftShipment>>;
  let records: Awaited<ReturnType<typeof beamlineRecords>>;
  const SESSION = 'BL1-20260101-names000';
  before(async () => {
    world = await startWorld();
    // Both owners have a shipment called T1 with the same container, group and sample names.
    mine = await draftShipment(world, 'alice', 'T1');
    theirs = await draftShipment(world, 'bob', 'T1');
    records = await beamlineRecords(world, 'alice', mine.samples[0], SESSION);
  });
  after(() => world.close());

  const ids = async (who: Who, url: string) => {
    const page = await world.ok(who, 'GET', url);
    assert.equal(page.count, page.results.length, url);
    return page.results.map((r: { id: number }) => r.id).sort((a: number, b: number) => a - b);
  };
  /** The filter by human key, by id and by an unknown value: the first two list the same, the last nothing. */
  const same = async (who: Who, path: string, filter: string, key: string, id: number, expected: number[]) => {
    const byKey = await ids(who, `${path}?${filter}=${encodeURIComponent(key)}`);
    assert.deepEqual(byKey, [...expected].sort((a, b) => a - b), `${path}?${filter}=${key}`);
    assert.deepEqual(await ids(who, `${path}?${filter}=${id}`), byKey, `${path}?${filter}=${id}`);
    assert.deepEqual(await ids(who, `${path}?${filter}=no-such-${filter}`), [], `${path}?${filter}=no-such-${filter}`);
  };

  test('beamline by acronym', async () => {
    const { id, acronym, automounterId } = world.beamline;
    await same('staff', '/automounters', 'beamline', acronym, id, [automounterId]);
    const sessions = await ids('alice', '/sessions');
    await same('alice', '/sessions', 'beamline', acronym, id, sessions);
    await same('alice', '/datasets', 'beamline', acronym, id, [records.dataset]);
  });

  test('project by its owner\'s username', async () => {
    const alice = world.projects.alice;
    const shipments = await ids('alice', '/shipments');
    await same('staff', '/shipments', 'project', 'alice', alice, shipments);
    await same('staff', '/containers', 'project', 'alice', alice, [mine.adaptor, mine.puck]);
    await same('staff', '/groups', 'project', 'alice', alice, [mine.group]);
    await same('staff', '/samples', 'project', 'alice', alice, mine.samples);
    await same('staff', '/sessions', 'project', 'alice', alice, [records.session]);
    await same('staff', '/datasets', 'project', 'alice', alice, [records.dataset]);
    await same('staff', '/reports', 'project', 'alice', alice, [records.report]);
    await same('staff', '/ssh-keys', 'project', 'alice', alice, []);
    assert.ok((await ids('staff', '/activity?project=alice')).length > 0);
    assert.deepEqual(await ids('staff', '/activity?project=alice'), await ids('staff', `/activity?project=${alice}`));
    assert.deepEqual(await ids('staff', '/activity?project=nobody'), []);
    // An owner naming another project sees nothing of it.
    assert.deepEqual(await ids('alice', '/samples?project=bob'), []);
  });

  test('shipment, container, container type and group by name, within what the caller sees', async () => {
    await same('alice', '/containers', 'shipment', 'T1', mine.shipment, [mine.adaptor, mine.puck]);
    await same('alice', '/groups', 'shipment', 'T1', mine.shipment, [mine.group]);
    await same('alice', '/samples', 'container', 'T1-P1', mine.puck, mine.samples);
    await same('alice', '/samples', 'group', 'T1-g', mine.group, mine.samples);
    await same('alice', '/containers', 'parent', 'T1-AD', mine.adaptor, [mine.puck]);
    const uniPuck = (await world.ok('alice', 'GET', `/containers/${mine.puck}`)).container_type_id;
    await same('alice', '/containers', 'type', 'Uni-Puck', uniPuck, [mine.puck]);
    // Staff see both owners' T1: a name stands for every record of that name.
    assert.deepEqual(await ids('staff', '/containers?shipment=T1'), [mine.adaptor, mine.puck, theirs.adaptor, theirs.puck]);
    assert.deepEqual(await ids('staff', '/samples?container=T1-P1&project=bob'), theirs.samples);
    assert.deepEqual(await ids('bob', '/samples?container=T1-P1'), theirs.samples);
  });

  test('session, sample and dataset by name', async () => {
    await same('alice', '/datasets', 'session', SESSION, records.session, [records.dataset]);
    await same('alice', '/datasets', 'sample', 'T1-s1', mine.samples[0], [records.dataset]);
    await same('alice', '/reports', 'dataset', `${SESSION}-data`, records.dataset, [records.report]);
    assert.deepEqual(await ids('bob', `/datasets?session=${SESSION}`), []);
  });

  test('odd values are a 400 or an empty list, never a 500', async () => {
    for (const query of ['beamline=', `project=${'p'.repeat(151)}`, 'container=a&container=b']) {
      const response = await world.api('alice', 'GET', `/samples?${query.replace('beamline', 'group')}`);
      assert.equal(response.statusCode, 400, `${query}: ${response.body}`);
      assert.ok(response.json().detail, query);
    }
    for (const query of ['project=99999999999', 'project=0', 'container=-1', 'group=%25', "container=T1'--"]) {
      assert.deepEqual(await ids('staff', `/samples?${query}`), [], query);
    }
  });

  test('the API document says each filter is an id or a name', async () => {
    const doc = (await world.server.app.inject({ method: 'GET', url: '/rest/openapi.json' })).json();
    const parameter = (path: string, name: string) =>
      (doc.paths[`/rest/v1${path}`].get.parameters as Array<{ name: string; schema: { anyOf?: Array<{ type: string }> }; description?: string }>).find((p) => p.name === name)!;
    for (const [path, name] of [['/samples', 'container'], ['/datasets', 'beamline'], ['/containers', 'type'], ['/activity', 'project'], ['/automounters', 'beamline']]) {
      const schema = parameter(path, name).schema;
      assert.deepEqual(schema.anyOf?.map((s) => s.type), ['integer', 'string'], `${path} ${name}`);
    }
  });
});
