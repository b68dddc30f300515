// ProjectSamples' list is written as JSON by the database and sent as it comes. It must mean
// exactly what the list of row objects serialised by the app meant before: the same samples in the
// same order, the same keys in the same order, the same types (numbers, strings, nulls), for every
// kind of container and port, with and without groups, and for names in any script.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startFacility } from './facility.ts';
import type { Facility } from './facility.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { MxdcClient } from '../support/mxdc/client.ts';

const puckSamples = (prefix: string, locations: Array<string | number>) => locations.map((location, i) => ({ name: `${prefix}-${i + 1}`, location }));

const FACILITY = {
  users: [{ username: 'vera' }, { username: 'nobody-on-site' }],
  beamlines: [
    { acronym: 'BL-SAM', automounter: { name: 'SAM-1', type: 'SAM Automounter', active: true } },
    { acronym: 'BL-ISARA', automounter: { name: 'ISARA-1', type: 'ISARA Automounter', active: true } },
    { acronym: 'BL-CATS', automounter: { name: 'CATS-1', type: 'CATS Automounter', active: true } },
  ],
  projects: [
    {
      username: 'vera',
      shipments: [{
        name: 'V-ON-SITE', state: 'on_site',
        groups: [{ name: 'late', priority: 5 }, { name: 'early', priority: 1 }, { name: 'unranked' }],
        containers: [
          { name: 'V-ADAPTOR', type: 'Adaptor', load: { beamline: 'BL-SAM', location: 'R' } },
          {
            name: 'V-PUCK-IN-ADAPTOR', type: 'Uni-Puck', load: { container: 'V-ADAPTOR', location: 'C' },
            samples: [
              { name: 'pa-1', location: 1, group: 'late', priority: 2, barcode: 'BC-1', comments: 'first pin' },
              { name: 'pa-2', location: 16, group: 'early', priority: 1 },
              { name: 'pa-3', location: 7, group: 'unranked', priority: 3 },
              { name: 'pa-4', location: 8 },
            ],
          },
          { name: 'V-CASSETTE', type: 'Cassette', load: { beamline: 'BL-SAM', location: 'L' }, samples: [{ name: 'ca-1', location: 'A1', group: 'early' }, { name: 'ca-2', location: 'L8', group: 'early', priority: 4 }] },
          { name: 'V-ISARA-PUCK', type: 'Uni-Puck', load: { beamline: 'BL-ISARA', location: '6D' }, samples: puckSamples('is', [3, 12]) },
          { name: 'V-SPINE', type: 'Spine Puck', load: { beamline: 'BL-CATS', location: 'L2B' }, samples: puckSamples('sp', [1, 10]) },
          { name: 'V-PLATE', type: 'Plate', load: { beamline: 'BL-CATS', location: 'P8' }, samples: puckSamples('pl', ['A1', 'H12']) },
          { name: 'V-CANE', type: 'Cane', samples: [{ name: 'cane-1', location: 6, group: 'late', priority: 1, barcode: 'CANE-6' }] },
          { name: 'V-LOOSE', type: 'Uni-Puck', samples: [{ name: 'loose-1', location: 11, comments: 'not loaded anywhere' }] },
        ],
      }],
    },
    { username: 'nobody-on-site' },
  ],
};

// Names and comments no form would take, written straight to the database: quotes, backslashes,
// control characters and scripts beyond ASCII must come back as the same strings.
const ODD_TEXT: Record<string, { name: string; comments: string | null; barcode: string | null }> = {
  'pa-3': { name: 'Lysozym "grün" \\ 蛋白质', comments: 'tab\there,\nnew line, NUL-free \u0001 control', barcode: null },
  'ca-1': { name: 'Ωmega-🧪', comments: null, barcode: 'ÄÖÜ-😀' },
  'loose-1': { name: '</script><b>', comments: '\u2028 line separator \u2029', barcode: '' },
  'pa-4': { name: 'pa-4 "priority":-1}', comments: '{"priority":-1}', barcode: null },
};

/** The list exactly as the app built it before the database wrote the JSON: rows, then their index as priority. */
async function listAsRows(db: Db, projectId: number, beamline: string): Promise<unknown[]> {
  const automounter = await db.selectFrom('automounters as a').innerJoin('beamlines as b', 'b.id', 'a.beamline_id')
    .select('a.container_id').where('b.acronym', '=', beamline).where('a.active', '=', true).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('samples as s')
    .innerJoin('containers as c', 'c.id', 's.container_id')
    .innerJoin('container_types as ct', 'ct.id', 'c.container_type_id')
    .innerJoin('container_locations as sl', 'sl.id', 's.location_id')
    .leftJoin('sample_groups as g', 'g.id', 's.group_id')
    .leftJoin('containers as p', 'p.id', 'c.parent_id')
    .leftJoin('container_locations as cl', 'cl.id', 'c.location_id')
    .leftJoin('container_locations as pl', 'pl.id', 'p.location_id')
    .select([
      's.id', 's.name', 's.barcode', 's.comments', 'c.name as container', 'ct.name as container_type', 'g.name as group', 'sl.name as location',
      sql<string>`coalesce(pl.name, '') || coalesce(cl.name, '') || sl.name`.as('port'),
    ])
    .where('s.project_id', '=', projectId)
    .where('c.state', '=', 'on_site')
    .where((eb) => eb.or([eb('c.parent_id', '=', automounter.container_id), eb('p.parent_id', '=', automounter.container_id), eb('c.parent_id', 'is', null)]))
    .orderBy(sql`g.priority is null`).orderBy('g.priority').orderBy(sql`s.priority is null`).orderBy('s.priority').orderBy('s.id')
    .execute();
  // The keys in the order of the answer's response schema, as its serialiser wrote them.
  return rows.map((r, priority) => ({
    container: r.container, container_type: r.container_type, group: r.group, id: r.id, name: r.name,
    barcode: r.barcode, comments: r.comments, location: r.location, port: r.port, priority,
  }));
}

describe('ProjectSamples written by the database', () => {
  let facility: Facility;
  let vera: MxdcClient;
  let projectId: number;
  const db = () => facility.server.platform.db;

  before(async () => {
    facility = await startFacility();
    await facility.load(FACILITY);
    for (const [name, text] of Object.entries(ODD_TEXT)) {
      await db().updateTable('samples').set(text).where('name', '=', name).execute();
    }
    projectId = (await db().selectFrom('projects as p').innerJoin('users as u', 'u.id', 'p.user_id').select('p.id').where('u.username', '=', 'vera').executeTakeFirstOrThrow()).id;
    vera = facility.client('vera');
    assert.equal((await vera.register()).status, 200);
  });
  after(() => facility.close());

  for (const beamline of ['BL-SAM', 'BL-ISARA', 'BL-CATS']) {
    test(`${beamline}: the same list, keys, order and types as the rows serialised one by one`, async () => {
      const reply = await vera.samples(beamline);
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.contentType, 'application/json; charset=utf-8');
      const expected = await listAsRows(db(), projectId, beamline);
      // Re-serialising the parsed answer compares key order and types as well as values.
      assert.equal(JSON.stringify(JSON.parse(reply.text)), JSON.stringify(expected));
      assert.ok(expected.length >= 4, 'loaded and unloaded samples both listed');
    });
  }

  test('ports of every kind of placement, groups and their absence, odd text intact', async () => {
    type Listed = Record<string, any>;
    const listed = async (beamline: string) => new Map(((await vera.samples(beamline)).body as Listed[]).map((s) => [s.id as number, s]));
    const [sam, cats, isara] = [await listed('BL-SAM'), await listed('BL-CATS'), await listed('BL-ISARA')];
    const byName = async (name: string) => (await db().selectFrom('samples').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const at = async (list: Map<number, Listed>, name: string) => list.get(await byName(name))!;

    assert.equal((await at(sam, 'pa-1')).port, 'RC1', 'puck in an adaptor in the dewar');
    assert.equal((await at(sam, ODD_TEXT['ca-1'].name)).port, 'LA1', 'cassette in the dewar');
    assert.equal((await at(isara, 'is-2')).port, '6D12', 'puck directly in the dewar');
    assert.equal((await at(cats, 'sp-2')).port, 'L2B10', 'spine puck');
    assert.equal((await at(cats, 'pl-2')).port, 'P8H12', 'plate');
    assert.equal((await at(cats, 'cane-1')).port, '6', 'unloaded: the location alone');
    const marked = await at(sam, ODD_TEXT['pa-4'].name);
    assert.deepEqual([marked.comments, marked.group, marked.barcode], [ODD_TEXT['pa-4'].comments, null, null]);
    const odd = await at(sam, ODD_TEXT['pa-3'].name);
    assert.deepEqual([odd.name, odd.comments, odd.barcode, odd.group], [ODD_TEXT['pa-3'].name, ODD_TEXT['pa-3'].comments, null, 'unranked']);
    assert.equal((await at(sam, ODD_TEXT['loose-1'].name)).comments, ODD_TEXT['loose-1'].comments);
    assert.equal((await at(sam, ODD_TEXT['loose-1'].name)).barcode, '');
    const list = (await vera.samples('BL-SAM')).body as Array<{ priority: number; id: number }>;
    assert.deepEqual(list.map((s) => s.priority), list.map((_, i) => i));
    assert.ok(list.every((s) => Number.isInteger(s.id)));
  });

  test('a project with nothing on site gets an empty JSON list', async () => {
    const client = new MxdcClient(facility.baseUrl, 'nobody-on-site');
    assert.equal((await client.register()).status, 200);
    const reply = await client.samples('BL-SAM');
    assert.equal(reply.status, 200);
    assert.equal(reply.text, '[]');
    assert.equal(reply.contentType, 'application/json; charset=utf-8');
  });

  test('a change shows in the very next answer (nothing is kept between calls)', async () => {
    const before = (await vera.samples('BL-SAM')).body as Array<{ name: string }>;
    await db().updateTable('samples').set({ comments: 'changed just now' }).where('name', '=', 'pa-1').execute();
    const after = (await vera.samples('BL-SAM')).body as Array<{ name: string; comments: string | null }>;
    assert.equal(after.length, before.length);
    assert.equal(after.find((s) => s.name === 'pa-1')!.comments, 'changed just now');
  });

  test('HEAD answers like GET without a body', async () => {
    const token = vera.signer.token('vera');
    const response = await fetch(`${facility.baseUrl}/api/v2/${token}/samples/BL-SAM/`, { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(await response.text(), '');
  });
});
