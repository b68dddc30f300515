// /metrics counts the timelapses this process encoded, by format.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startObservatory, frameSpec } from '../../tom/observatory.ts';
import type { Observatory } from '../../tom/observatory.ts';
import { grew, scrape } from './scrape.ts';

describe('metrics: timelapses', () => {
  let obs: Observatory;
  before(async () => {
    obs = await startObservatory();
  });
  after(() => obs.close());

  test('a timelapse made is counted under its format; one that fails is not', async () => {
    const target = await obs.target('tl-metrics');
    const frames = [
      await obs.frame(target, 'a.fits', frameSpec('2019-01-02T03:04:00')),
      await obs.frame(target, 'b.fits', frameSpec('2019-01-02T03:05:00')),
    ];
    const before = await scrape(obs.server.app);
    const made = await obs.run(target, 'Timelapse', frames, { settings: { format: 'webm', fps: 4 } });
    assert.equal(made.status, 'created', made.failure_message);
    const undated = await obs.frame(target, 'undated.fits', frameSpec(null));
    const failed = await obs.run(target, 'Timelapse', [frames[0], undated], { settings: { format: 'webm' } });
    assert.equal(failed.status, 'failed');
    const after = await scrape(obs.server.app);
    assert.equal(grew(before, after, 'lightpath_timelapses_made_total', { format: 'webm' }), 1);
    assert.equal(grew(before, after, 'lightpath_timelapses_made_total', { format: 'gif' }), 0);
  });
});
