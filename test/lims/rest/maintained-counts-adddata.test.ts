// MxDC's uploads arriving together are written together (one statement per table for a group, on
// PostgreSQL one statement for all): the row counts kept by triggers (migration 0019) must count
// every dataset and activity entry such a group writes, and a launched session.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { countDifferences, keptCount } from '../../../src/platform/db/row-counts.ts';
import { startFacility } from '../facility.ts';
import type { Facility } from '../facility.ts';

describe('kept row counts and MxDC\'s uploads', () => {
  let facility: Facility;
  before(async () => {
    facility = await startFacility();
    await facility.load({ users: [{ username: 'alice', password: 'alice-pass' }], beamlines: [{ acronym: 'BL-1' }], projects: [{ username: 'alice' }] });
  });
  after(() => facility.close());

  test('uploads sent at once are all counted', async () => {
    const db = facility.server.platform.db;
    const mxdc = facility.client('alice');
    assert.equal((await mxdc.register()).status, 200);
    assert.equal((await mxdc.launch('BL-1', 'counted-session')).status, 200);
    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => mxdc.addData('BL-1', {
      name: `counted-${i}`, type: 'DATA', frames: '1-10', energy: 12.658, directory: facility.directory(`counted-${i}`),
    })));
    assert.deepEqual(replies.map((reply) => reply.status), Array(12).fill(200));
    assert.equal(await keptCount(db, 'datasets'), 12);
    assert.equal(await keptCount(db, 'beamline_sessions'), 1);
    assert.deepEqual(await countDifferences(db), []);
  });
});
