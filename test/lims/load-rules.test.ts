// `lightpath load` holds beamline records to the REST API's rules: the same field limits, the same
// location rules (a sample needs a free location that holds samples), nothing listed twice. A bad
// file is refused with a one-line message naming the item, and nothing of it is written.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadDocument, loadFile, LoadError } from '../../src/loader/load-file.ts';
import { loadSections } from '../../src/modules.ts';
import { freshDatabase } from '../helpers/database.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { startTestServer, testEnv } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { runLightpath } from '../helpers/processes.ts';

/** A project with one shipment, whose puck holds the given samples. */
function facility(samples: unknown[], extra: { puck?: Record<string, unknown>; shipment?: Record<string, unknown>; containers?: unknown[] } = {}) {
  return {
    users: [{ username: 'loadie' }],
    beamlines: [{ acronym: 'LD-1', automounter: { name: 'LD-1-SAM', type: 'SAM Automounter' } }],
    projects: [{
      username: 'loadie',
      shipments: [{
        name: 'LOAD-1', groups: [{ name: 'lyso' }], ...extra.shipment,
        containers: [{ name: 'PUCK-1', type: 'Uni-Puck', samples, ...extra.puck }, ...(extra.containers ?? [])],
      }],
    }],
  };
}

describe('lightpath load: the API\'s rules for beamline records', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const counts = async () => {
    const db = server.platform.db;
    const count = async (table: 'users' | 'beamlines' | 'shipments' | 'containers' | 'samples') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { users: await count('users'), beamlines: await count('beamlines'), shipments: await count('shipments'), containers: await count('containers'), samples: await count('samples') };
  };
  const refused = async (document: Record<string, unknown>, message: RegExp) => {
    const before = await counts();
    await assert.rejects(loadDocument(server.platform, document, loadSections, '.'), (error: unknown) => {
      assert.ok(error instanceof LoadError, String(error));
      assert.match(error.message, message);
      return true;
    });
    assert.deepEqual(await counts(), before, 'nothing was written');
  };

  test('two samples at one location are refused, naming both', async () => {
    await refused(facility([{ name: 'first', location: 1 }, { name: 'second', location: '1' }]),
      /^sample second: location 1 of PUCK-1 is already given to sample first$/);
  });

  test('field limits are the API\'s, and the message names the item', async () => {
    await refused(facility([{ name: 'chatty', location: 1, comments: 'x'.repeat(10001) }]),
      /^projects\[0\]\.shipments\[0\]\.containers\[0\]\.samples\[0\]\.comments \(sample chatty\): must be at most 10000 characters$/);
    await refused(facility([{ name: 'bad name!', location: 1 }]), /samples\[0\]\.name \(sample bad name!\): must be 1 to 60 letters, digits, _ or -/);
    await refused(facility([{ name: 'prio', location: 1, priority: 1000001 }]), /\(sample prio\): must be a whole number from -1000000 to 1000000/);
    await refused(facility([{ name: 'code', location: 1, barcode: 'has space' }]), /\.barcode \(sample code\): must be 1 to 60/);
    await refused(facility([], { puck: { comments: 'y'.repeat(10001) } }), /containers\[0\]\.comments \(container PUCK-1\): must be at most 10000 characters/);
    await refused(facility([], { puck: { name: 'PUCK 1' } }), /containers\[0\]\.name \(container PUCK 1\): must be 1 to 60 letters/);
    await refused(facility([], { shipment: { comments: 'z'.repeat(201) } }), /shipments\[0\]\.comments \(shipment LOAD-1\): must be at most 200 characters/);
    await refused(facility([], { shipment: { groups: [{ name: 'lyso', kind: 'exotic' }] } }), /groups\[0\]\.kind \(group lyso\): must be one of native, mad, sad, s_sad/);
    await refused({ ...facility([]), beamlines: [{ acronym: 'LD-1', energy_lo: 20, energy_hi: 5 }] }, /^beamline LD-1: the energy range is upside down/);
    await refused({ ...facility([]), beamlines: [{ acronym: 'LD-1', name: 'n'.repeat(601) }] }, /beamlines\[0\]\.name \(beamline LD-1\): must be at most 600 characters/);
    const details = facility([]);
    Object.assign(details.projects[0], { postal_code: '1'.repeat(31) });
    await refused(details, /projects\[0\]\.postal_code \(project loadie\): must be at most 30 characters/);
    await refused(facility([{ name: 'nul', location: 1, comments: 'a\u0000b' }]), /samples\[0\]\.comments \(sample nul\): contains a NUL character/);
  });

  test('a sample needs a location of its container that holds samples', async () => {
    await refused(facility([{ name: 'nowhere', location: 17 }]), /^sample nowhere: PUCK-1 has no location "17"$/);
    await refused(facility([], { containers: [{ name: 'ADAPT-1', type: 'Adaptor', samples: [{ name: 'in-slot', location: 'A' }] }] }),
      /^sample in-slot: location A of ADAPT-1 holds containers, not samples$/);
  });

  test('items listed twice are refused', async () => {
    await refused({ ...facility([]), beamlines: [{ acronym: 'LD-1' }, { acronym: 'LD-1', name: 'again' }] }, /^beamline LD-1 is listed twice$/);
    await refused({ ...facility([]), users: [{ username: 'loadie' }, { username: 'loadie' }] }, /^user loadie is listed twice$/);
    await refused(facility([], { containers: [{ name: 'PUCK-1', type: 'Uni-Puck' }] }), /^container PUCK-1 of shipment LOAD-1 is listed twice$/);
    await refused(facility([], { shipment: { groups: [{ name: 'lyso' }, { name: 'lyso', priority: 2 }] } }), /^group lyso of shipment LOAD-1 is listed twice$/);
  });

  test('a refused container load names the container', async () => {
    const taken = facility([], { containers: [
      { name: 'ADAPT-1', type: 'Adaptor', load: { beamline: 'LD-1', location: 'L' } },
      { name: 'ADAPT-2', type: 'Adaptor', load: { beamline: 'LD-1', location: 'L' } },
    ] });
    await refused(taken, /^container ADAPT-2: Location L of LD-1-SAM already holds ADAPT-1$/);
  });

  test('a file that is not UTF-8 is refused, naming the line', async () => {
    const file = path.join(server.database.dataDir, 'latin1.yaml');
    fs.writeFileSync(file, Buffer.from(YAML.stringify(facility([{ name: 'cafe', location: 1, comments: 'caf\xe9' }])), 'latin1'));
    const line = YAML.stringify(facility([{ name: 'cafe', location: 1, comments: 'cafe' }])).split('\n').findIndex((l) => l.includes('comments: cafe')) + 1;
    const before = await counts();
    await assert.rejects(loadFile(server.platform, file, loadSections), (error: unknown) => {
      assert.ok(error instanceof LoadError, String(error));
      assert.match(error.message, new RegExp(`latin1\\.yaml is not UTF-8 text \\(line ${line}\\); save it as UTF-8$`));
      return true;
    });
    assert.deepEqual(await counts(), before);
  });

  test('a good file loads, and loading it again changes nothing', async () => {
    const good = facility([{ name: 'one', location: 1, group: 'lyso', comments: 'c'.repeat(10000) }, { name: 'two', location: 2 }]);
    await loadDocument(server.platform, good, loadSections, '.');
    const again = await loadDocument(server.platform, good, loadSections, '.');
    assert.equal(again.changed, false);
    assert.equal((await counts()).samples, 2);
  });
});

describe('lightpath load (the command): a refused file', () => {
  let database: TestDatabase;
  before(async () => {
    database = await freshDatabase();
  });
  after(() => database.drop());

  test('says in one line which item is wrong, exits 1 and writes nothing', async () => {
    const env = testEnv(database);
    const file = path.join(database.dataDir, 'two-at-one.yaml');
    fs.writeFileSync(file, YAML.stringify(facility([{ name: 'first', location: 1 }, { name: 'second', location: 1 }])));
    const result = await runLightpath(['load', file], env);
    assert.equal(result.code, 1, result.output);
    assert.equal(result.output, 'lightpath load: sample second: location 1 of PUCK-1 is already given to sample first\nNothing was changed.\n');
    fs.writeFileSync(file, YAML.stringify({ users: [{ username: 'loadie' }] }));
    const listed = await runLightpath(['load', file], env);
    assert.match(listed.output, /^user loadie: created\n1 created, 0 updated, 0 unchanged\.\n$/, 'the refused file left no user behind');
  });
});
