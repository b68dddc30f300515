// The reports list narrows by kind and by score range (what the web app's report list offers),
// and refuses a score that is not a number with a 400 naming the field.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveReport } from '../../../src/lims/reports.ts';
import { beamlineRecords, startWorld } from './world.ts';
import type { World } from './world.ts';

describe('reports filtered by kind and score', () => {
  let world: World;
  const ids: Record<string, number> = {};

  before(async () => {
    world = await startWorld();
    const records = await beamlineRecords(world, 'alice', null, 'ALICE-1');
    ids.native = records.report;
    const db = world.server.platform.db;
    const userId = (await db.selectFrom('users').select('id').where('username', '=', 'alice').executeTakeFirstOrThrow()).id;
    const save = (name: string, kind: string, score: number) => saveReport(db, {
      project_id: world.projects.alice, name, kind, score, proxy_key: 'd'.repeat(40), details: '[]',
    }, { id: null, datasetIds: [records.dataset], userId, address: null, description: 'test' });
    ids.screening = await save('screen', 'MX Screening', 0.45);
    ids.merging = await save('merge', 'MX Merging', 0.62);
  });
  after(async () => world?.close());

  const names = async (query: string) => (await world.ok('alice', 'GET', `/reports?${query}&ordering=score`)).results.map((r: { id: number }) => r.id);

  test('kind is matched exactly, and the score range includes its ends', async () => {
    assert.deepEqual(await names('kind=MX%20Screening'), [ids.screening]);
    assert.deepEqual(await names('kind=MX'), []);
    assert.deepEqual(await names('min_score=0.6'), [ids.merging, ids.native]);
    assert.deepEqual(await names('min_score=0.45&max_score=0.62'), [ids.screening, ids.merging]);
    assert.deepEqual(await names('max_score=0.4'), []);
    assert.deepEqual(await names('kind=MX%20Merging&min_score=0.7'), []);
  });

  test('a score that is not a number is a 400 naming the field', async () => {
    const response = await world.api('alice', 'GET', '/reports?min_score=high');
    assert.equal(response.statusCode, 400);
    const body = response.json();
    assert.equal(typeof body.detail, 'string');
    assert.ok(body.fields?.min_score, JSON.stringify(body));
  });
});
