// `lightpath fake-lco` as a process: it prints the variables to use, answers the portal API, and
// with --complete-after completes requests whose frames are the demo frames.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { freePort, spawnLightpath } from '../../helpers/processes.ts';
import type { Spawned } from '../../helpers/processes.ts';
import { waitFor } from '../../helpers/wait.ts';
import { LcoFacility } from '../../../src/tom/observations/facilities/lco/facility.ts';
import { readLcoConfig } from '../../../src/tom/observations/facilities/lco/config.ts';
import { siderealTarget } from './helpers.ts';

const DEMO = path.resolve(import.meta.dirname, '../../../examples/demo-observatory/frames');

describe('lightpath fake-lco', () => {
  let fake: Spawned;
  let port: number;
  before(async () => {
    port = await freePort();
    fake = spawnLightpath(['fake-lco', '--port', String(port), '--complete-after', '0.2'], {});
    await waitFor('the fake to print its settings', async () => fake.output().includes('LIGHTPATH_LCO_API_KEY='), 20000);
  });
  after(async () => {
    fake.child.kill('SIGTERM');
    assert.equal(await fake.exited, 0);
  });

  test('answers /api/instruments/ on loopback with the seeded imager', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/instruments/`);
    assert.equal(response.status, 200);
    const instruments = (await response.json()) as Record<string, { type: string; optical_elements: { filters: { code: string }[] } }>;
    assert.equal(instruments['0M4-SCICAM-SBIG'].type, 'IMAGE');
    assert.ok(instruments['0M4-SCICAM-SBIG'].optical_elements.filters.some((f) => f.code === 'rp'));
  });

  test('the printed variables point a facility at it: submit, completion, demo frames', async () => {
    const env = Object.fromEntries([...fake.output().matchAll(/export (LIGHTPATH_LCO_\w+)=(\S*)/g)].map((m) => [m[1], m[2]]));
    assert.equal(env.LIGHTPATH_LCO_PORTAL_URL, `http://127.0.0.1:${port}`);
    const facility = new LcoFacility(readLcoConfig(env), { timeoutMs: 5000 });
    const result = await facility.validate({
      name: 'demo', proposal: 'LCOEPO-001', ipp_value: 1.05, observation_mode: 'NORMAL', instrument_type: '0M4-SCICAM-SBIG',
      max_airmass: 1.6, start: '2019-08-01', end: '2019-08-03', rp_exposure_count: 12, rp_exposure_time: 60,
    }, siderealTarget());
    assert.equal(result.ok, true, JSON.stringify(result));
    const [id] = await facility.submit((result as { cleaned: Record<string, unknown> }).cleaned, siderealTarget());
    await waitFor('the request to complete', async () => (await facility.states([id])).get(id)?.state === 'COMPLETED', 10000);
    const frames = await facility.frames(id);
    const files = fs.readdirSync(DEMO).filter((f) => f.endsWith('.fits.fz')).sort();
    assert.deepEqual(frames.map((f) => f.filename), files);
    assert.equal(frames[0].reductionLevel, 91);
    assert.ok(frames.every((f) => f.dateObs !== null));
    const bytes = await buffer(await facility.download(frames[0]));
    assert.ok(bytes.equals(fs.readFileSync(path.join(DEMO, files[0]))));
  });
});
