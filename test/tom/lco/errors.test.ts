// The facility error policy (decision T9): 4xx → FacilityRequestError "LCO: …"; 5xx, a portal
// that does not answer and one that cannot be reached → FacilityUnavailable.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeLco } from '../../../src/tom/observations/fake-lco/server.ts';
import { LcoFacility } from '../../../src/tom/observations/facilities/lco/facility.ts';
import { FacilityRequestError, FacilityUnavailable } from '../../../src/tom/observations/facility.ts';
import { freePort } from '../../helpers/processes.ts';
import { BASE_FORM, control, facilityFor, fakePortal, siderealTarget } from './helpers.ts';

const FORM = { ...BASE_FORM, redfilter_exposure_count: 1, redfilter_exposure_time: 2 };

describe('LCO facility errors', () => {
  let fake: FakeLco;
  before(async () => {
    fake = await fakePortal();
  });
  after(() => fake.close());
  beforeEach(() => control(fake, '/reset', {}));

  test('a 4xx answer is a FacilityRequestError carrying the portal\'s message', async () => {
    await control(fake, '/fail', { endpoint: 'profile', status: 403, body: { detail: 'You do not have permission to perform this action.' } });
    await assert.rejects(facilityFor(fake).validate(FORM, siderealTarget()), (error: Error) => {
      assert.ok(error instanceof FacilityRequestError);
      assert.equal(error.message, 'LCO: You do not have permission to perform this action.');
      return true;
    });
    // The failure was used up: the next call succeeds.
    assert.equal((await facilityFor(fake).validate(FORM, siderealTarget())).ok, true);
  });

  test('a 4xx answer without a detail carries the body itself', async () => {
    const facility = facilityFor(fake);
    const result = await facility.validate(FORM, siderealTarget());
    await control(fake, '/fail', { endpoint: 'submit', status: 400, body: { requests: [{ windows: ['bad window'] }] } });
    await assert.rejects(facility.submit((result as { cleaned: Record<string, unknown> }).cleaned, siderealTarget()), {
      name: 'LcoRequestError',
      message: 'LCO: {"requests":[{"windows":["bad window"]}]}',
    });
  });

  test('an unknown request is a 404 from the portal: FacilityRequestError from the client', async () => {
    await assert.rejects(facilityFor(fake).portal.requestState('123'), (error: Error) => error instanceof FacilityRequestError && error.message === 'LCO: Not found.');
  });

  test('5xx answers are FacilityUnavailable, from the portal and from the archive', async () => {
    await control(fake, '/fail', { endpoint: 'instruments', status: 503 });
    await assert.rejects(facilityFor(fake).validate(FORM, siderealTarget()), (error: Error) => error instanceof FacilityUnavailable && /LCO portal answered 503/.test(error.message));
    await control(fake, '/fail', { endpoint: 'frames', status: 500 });
    await assert.rejects(facilityFor(fake).frames('1'), (error: Error) => error instanceof FacilityUnavailable && /LCO archive answered 500/.test(error.message));
  });

  test('states: an unavailable portal fails the whole call, even beside an unknown id', async () => {
    const facility = facilityFor(fake);
    const result = await facility.validate(FORM, siderealTarget());
    const [id] = await facility.submit((result as { cleaned: Record<string, unknown> }).cleaned, siderealTarget());
    await control(fake, '/fail', { endpoint: 'observations', status: 502, times: 2 });
    await assert.rejects(facility.states(['404404', id]), FacilityUnavailable);
    assert.equal((await facility.states([id])).get(id)?.state, 'PENDING');
  });

  test('a portal that does not answer: FacilityUnavailable after the timeout', async () => {
    await control(fake, '/fail', { endpoint: 'instruments', hang: true });
    const started = Date.now();
    await assert.rejects(facilityFor(fake, { timeoutMs: 300 }).validate(FORM, siderealTarget()), (error: Error) => {
      assert.ok(error instanceof FacilityUnavailable);
      assert.match(error.message, /did not answer within 0.3 s/);
      return true;
    });
    assert.ok(Date.now() - started < 3000);
  });

  test('a download that does not start in time: FacilityUnavailable', async () => {
    const facility = facilityFor(fake, { timeoutMs: 300 });
    const result = await facility.validate(FORM, siderealTarget());
    const [id] = await facility.submit((result as { cleaned: Record<string, unknown> }).cleaned, siderealTarget());
    await control(fake, `/requests/${id}/frames`, { frames: [{ filename: 'a-e91.fits.fz' }] });
    const [frame] = await facility.frames(id);
    await control(fake, '/fail', { endpoint: 'download', hang: true });
    await assert.rejects(facility.download(frame), FacilityUnavailable);
    await control(fake, '/fail', { endpoint: 'download', status: 404 });
    await assert.rejects(facility.download(frame), (error: Error) => error instanceof FacilityRequestError && /^LCO: /.test(error.message));
  });

  test('nothing listening: FacilityUnavailable naming the service', async () => {
    const port = await freePort();
    const facility = new LcoFacility({ portalUrl: `http://127.0.0.1:${port}`, archiveUrl: `http://127.0.0.1:${port}/archive`, apiKey: '' }, { timeoutMs: 2000 });
    await assert.rejects(facility.validate(FORM, siderealTarget()), (error: Error) => error instanceof FacilityUnavailable && /LCO portal is unreachable.*ECONNREFUSED/.test(error.message));
  });
});
