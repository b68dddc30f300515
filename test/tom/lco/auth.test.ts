// The Authorization headers: "Token <key>" to the portal (only with a key, except the instruments
// and profile calls, which always send it), "Bearer <archive token>" to the archive, nothing to
// the pre-signed download URLs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buffer } from 'node:stream/consumers';
import type { FakeLco } from '../../../src/tom/observations/fake-lco/server.ts';
import { FacilityRequestError } from '../../../src/tom/observations/facility.ts';
import { BASE_FORM, calls, control, facilityFor, fakePortal, siderealTarget } from './helpers.ts';

const FORM = { ...BASE_FORM, redfilter_exposure_count: 1, redfilter_exposure_time: 2 };

async function everyCall(fake: FakeLco, apiKey: string) {
  const facility = facilityFor(fake, { apiKey });
  const result = await facility.validate(FORM, siderealTarget());
  assert.equal(result.ok, true, JSON.stringify(result));
  const [id] = await facility.submit((result as { cleaned: Record<string, unknown> }).cleaned, siderealTarget());
  await facility.states([id]);
  await control(fake, `/requests/${id}/frames`, { frames: [{ filename: 'a-e91.fits.fz', content: 'abc' }] });
  const [frame] = await facility.frames(id);
  assert.equal((await buffer(await facility.download(frame))).toString(), 'abc');
  await facility.cancel(String(fake.store.requests.get(Number(id))!.groupId));
  return (await control(fake, '/log')) as { endpoint: string; authorization: string | null }[];
}

describe('LCO authorization headers', () => {
  let fake: FakeLco;
  before(async () => {
    fake = await fakePortal({ apiKey: 'sekrit', archiveToken: 'archive-tok' });
  });
  after(() => fake.close());

  test('with a key: Token on every portal call, Bearer on the archive, none on downloads', async () => {
    await control(fake, '/reset', {});
    const log = await everyCall(fake, 'sekrit');
    const by = (endpoint: string) => log.filter((c) => c.endpoint === endpoint).map((c) => c.authorization);
    for (const endpoint of ['instruments', 'profile', 'validate', 'submit', 'request', 'observations', 'cancel']) {
      assert.ok(by(endpoint).length > 0, endpoint);
      assert.ok(by(endpoint).every((a) => a === 'Token sekrit'), endpoint);
    }
    assert.deepEqual(by('frames'), ['Bearer archive-tok']);
    assert.deepEqual(by('download'), [null]);
  });

  test('a wrong key is refused by the portal: FacilityRequestError', async () => {
    await assert.rejects(facilityFor(fake, { apiKey: 'wrong' }).validate(FORM, siderealTarget()), (error: Error) => error instanceof FacilityRequestError && error.message === 'LCO: Invalid token.');
  });

  test('without a key: no header, except the instruments and profile calls', async () => {
    await control(fake, '/settings', { apiKey: '' });
    await control(fake, '/reset', {});
    const log = await everyCall(fake, '');
    const by = (endpoint: string) => log.filter((c) => c.endpoint === endpoint).map((c) => c.authorization);
    assert.ok(by('instruments').every((a) => a === 'Token'));
    assert.ok(by('profile').every((a) => a === 'Token'));
    for (const endpoint of ['validate', 'submit', 'request', 'observations', 'cancel', 'download']) {
      assert.ok(by(endpoint).length > 0, endpoint);
      assert.ok(by(endpoint).every((a) => a === null), endpoint);
    }
    assert.deepEqual(by('frames'), ['Bearer archive-tok']);
    assert.equal((await calls(fake, 'frames')).length, 1);
  });
});
