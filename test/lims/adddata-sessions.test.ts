// AddData files each dataset under the beamline's active session as it is at that moment: the
// server keeps the answer between uploads, and a launch or close must show at the very next one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_FACILITY, startFacility } from './facility.ts';
import type { Facility } from './facility.ts';
import { sessionKey } from '../support/mxdc/client.ts';
import type { MxdcClient } from '../support/mxdc/client.ts';

describe('AddData and the active session', () => {
  let facility: Facility;
  let mxdc: MxdcClient;

  before(async () => {
    facility = await startFacility();
    await facility.load(DEMO_FACILITY);
    mxdc = facility.client('demo');
    assert.equal((await mxdc.register()).status, 200);
  });
  after(() => facility.close());

  /** Uploads a dataset and returns the name of the session it was filed under (null: none). */
  const upload = async (name: string): Promise<string | null> => {
    const reply = await mxdc.addData('SIM-1', { name, type: 'DATA', frames: '1-10', energy: 12.658, directory: facility.directory(`demo/${name}`) });
    assert.equal(reply.status, 200, reply.text);
    const row = await facility.server.platform.db.selectFrom('datasets')
      .leftJoin('beamline_sessions', 'beamline_sessions.id', 'datasets.session_id')
      .select('beamline_sessions.name').where('datasets.id', '=', reply.body.id).executeTakeFirstOrThrow();
    return row.name;
  };

  test('a launch, a close and the next launch each show at the next upload', async () => {
    assert.equal(await upload('before-any'), null);
    const first = sessionKey('SIM-1');
    assert.equal((await mxdc.launch('SIM-1', first)).status, 200);
    assert.equal(await upload('in-first-1'), first);
    assert.equal(await upload('in-first-2'), first);
    assert.equal((await mxdc.close('SIM-1', first)).status, 200);
    assert.equal(await upload('after-close'), null);
    const second = sessionKey('SIM-1');
    assert.equal((await mxdc.launch('SIM-1', second)).status, 200);
    assert.equal(await upload('in-second'), second);
    // Relaunching the first session makes it the active one again.
    assert.equal((await mxdc.launch('SIM-1', first)).status, 200);
    assert.equal(await upload('first-again'), first);
  });
});
