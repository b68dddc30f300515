// Caches per facility instance: instruments for 5 minutes, the archive token for an hour,
// expiring by the (injected) clock; a token the archive refuses is fetched afresh once.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeLco } from '../../../src/tom/observations/fake-lco/server.ts';
import { TimedValue } from '../../../src/tom/observations/facilities/lco/cache.ts';
import { BASE_FORM, calls, control, facilityFor, fakePortal, siderealTarget } from './helpers.ts';

const FORM = { ...BASE_FORM, redfilter_exposure_count: 1, redfilter_exposure_time: 2 };
const MINUTE = 60_000;

describe('LCO caches', () => {
  let fake: FakeLco;
  before(async () => {
    fake = await fakePortal();
  });
  after(() => fake.close());
  beforeEach(() => control(fake, '/reset', {}));

  test('instruments are fetched once within 5 minutes, again after', async () => {
    let now = 1_000_000;
    const facility = facilityFor(fake, { clock: () => now });
    await facility.validate(FORM, siderealTarget());
    now += 4 * MINUTE;
    await facility.validate(FORM, siderealTarget());
    await facility.formInfo();
    assert.equal((await calls(fake, 'instruments')).length, 1);
    now += 1 * MINUTE + 1;
    await facility.validate(FORM, siderealTarget());
    assert.equal((await calls(fake, 'instruments')).length, 2);
    // Another facility instance has its own cache.
    await facilityFor(fake, { clock: () => now }).instruments();
    assert.equal((await calls(fake, 'instruments')).length, 3);
  });

  test('concurrent callers share one instruments request; a failed one is not remembered', async () => {
    const facility = facilityFor(fake);
    await Promise.all([facility.instruments(), facility.instruments(), facility.instruments()]);
    assert.equal((await calls(fake, 'instruments')).length, 1);
    const fresh = facilityFor(fake);
    await control(fake, '/fail', { endpoint: 'instruments', status: 500 });
    await assert.rejects(fresh.instruments());
    assert.ok('myinstr' in (await fresh.instruments()));
  });

  test('the archive token is fetched once within an hour, again after', async () => {
    let now = 5_000_000;
    const facility = facilityFor(fake, { clock: () => now });
    await facility.frames('1');
    now += 59 * MINUTE;
    await facility.frames('2');
    assert.equal((await calls(fake, 'profile')).length, 1);
    now += MINUTE + 1;
    await facility.frames('3');
    assert.equal((await calls(fake, 'profile')).length, 2);
  });

  test('a token the archive refuses (rotated) is fetched afresh and the call retried once', async () => {
    const facility = facilityFor(fake);
    await facility.frames('1');
    await control(fake, '/settings', { archiveToken: 'rotated-token' });
    assert.deepEqual(await facility.frames('1'), []);
    const listings = await calls(fake, 'frames');
    assert.equal(listings.at(-2)?.authorization, 'Bearer fake-archive-token');
    assert.equal(listings.at(-1)?.authorization, 'Bearer rotated-token');
    assert.equal((await calls(fake, 'profile')).length, 2);
  });

  test('TimedValue counts its time-to-live from when the answer arrived', async () => {
    let now = 0;
    const value = new TimedValue<number>(1000, () => now);
    let loads = 0;
    let release!: () => void;
    const first = value.get(() => new Promise<number>((resolve) => (release = () => resolve(++loads))));
    now = 5000; // a slow answer: not expired while it is on its way
    const second = value.get(async () => ++loads);
    release();
    assert.deepEqual([await first, await second], [1, 1]);
    now = 5999;
    assert.equal(await value.get(async () => ++loads), 1);
    now = 6000;
    assert.equal(await value.get(async () => ++loads), 2);
  });
});
