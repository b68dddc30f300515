// The LCO facility against the fake portal: the form validated with the portal, submitted,
// cadences expanded, request states and observation blocks read, a request group cancelled.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeLco } from '../../../src/tom/observations/fake-lco/server.ts';
import { BASE_FORM, calls, control, facilityFor, fakePortal, orbitalTarget, siderealTarget } from './helpers.ts';

const RED_AND_BLUE = { ...BASE_FORM, redfilter_exposure_count: '1', redfilter_exposure_time: '2', bluefilter_exposure_count: '3', bluefilter_exposure_time: '4' };

describe('LCO facility and the portal', () => {
  let fake: FakeLco;
  before(async () => {
    fake = await fakePortal();
  });
  after(() => fake.close());
  beforeEach(() => control(fake, '/reset', {}));

  test('red 1×2 s + blue 3×4 s: validated by the portal, then one submit with two configurations', async () => {
    const facility = facilityFor(fake);
    const result = await facility.validate(RED_AND_BLUE, siderealTarget());
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal((await calls(fake, 'validate')).length, 1);
    const ids = await facility.submit((result as { cleaned: Record<string, unknown> }).cleaned, siderealTarget());
    assert.equal((await calls(fake, 'submit')).length, 1);
    assert.equal(ids.length, 1);
    assert.equal(typeof ids[0], 'string');
    const stored = fake.store.requests.get(Number(ids[0]))!;
    const configurations = stored.body.configurations as { instrument_configs: unknown[] }[];
    assert.equal(configurations.length, 2);
    const instrumentConfigs = configurations.map((c) => c.instrument_configs[0]);
    assert.deepEqual(new Set(instrumentConfigs.map((c) => JSON.stringify(c))), new Set([
      JSON.stringify({ exposure_count: 1, exposure_time: 2, optical_elements: { filter: 'redfilter' } }),
      JSON.stringify({ exposure_count: 3, exposure_time: 4, optical_elements: { filter: 'bluefilter' } }),
    ]));
    assert.deepEqual(stored.body.location, { telescope_class: '2M0' });
  });

  test('a form that fails its own rules is not sent to the portal', async () => {
    const result = await facilityFor(fake).validate(BASE_FORM, siderealTarget());
    assert.deepEqual(result, { ok: false, errors: { __all__: ['No filters selected'] } });
    assert.equal((await calls(fake, 'validate')).length, 0);
  });

  test('SOAR instruments are dropped: their filters are not form fields', async () => {
    const info = await facilityFor(fake).formInfo();
    assert.deepEqual(info.filters.map((f) => f.code), ['bluefilter', 'greenfilter', 'redfilter']);
    assert.deepEqual(info.instruments, [{ code: 'myinstr', name: 'test instrument' }]);
    assert.deepEqual(info.proposals.map((p) => p.id), ['myprop']);
  });

  test('portal validation errors: field keys go to the field, nested ones become "<key>: <message>"', async () => {
    await control(fake, '/validation-errors', {
      errors: {
        proposal: ['You do not have enough time allocated.'],
        requests: [{ windows: [{ non_field_errors: ['The observation window does not fit'] }], configurations: [{}] }],
        non_field_errors: ['Something about the whole group'],
      },
    });
    const result = await facilityFor(fake).validate(RED_AND_BLUE, siderealTarget());
    assert.deepEqual(result, {
      ok: false,
      errors: {
        proposal: ['You do not have enough time allocated.'],
        __all__: ['non_field_errors: The observation window does not fit', 'non_field_errors: Something about the whole group'],
      },
    });
  });

  test('the fake portal\'s own validation: a window ending before it starts', async () => {
    const result = await facilityFor(fake).validate({ ...RED_AND_BLUE, start: '2019-08-10', end: '2019-08-05' }, siderealTarget());
    assert.deepEqual(result, { ok: false, errors: { __all__: ['non_field_errors: The observation window end time must be after the start time'] } });
  });

  test('a non-sidereal target goes out as ORBITAL_ELEMENTS', async () => {
    const facility = facilityFor(fake);
    const target = orbitalTarget('MPC_MINOR_PLANET');
    const result = await facility.validate(RED_AND_BLUE, target);
    assert.equal(result.ok, true);
    const [id] = await facility.submit((result as { cleaned: Record<string, unknown> }).cleaned, target);
    const configuration = (fake.store.requests.get(Number(id))!.body.configurations as { target: Record<string, unknown> }[])[0];
    assert.equal(configuration.target.type, 'ORBITAL_ELEMENTS');
    assert.equal(configuration.target.scheme, 'MPC_MINOR_PLANET');
    assert.equal(configuration.target.meandist, 2.767);
  });

  test('period and jitter: the cadence endpoint expands the request, then every request is submitted', async () => {
    const facility = facilityFor(fake);
    const form = { ...RED_AND_BLUE, start: '2019-08-05T00:00:00', end: '2019-08-06T00:00:00', period: '8', jitter: '2' };
    const result = await facility.validate(form, siderealTarget());
    assert.equal(result.ok, true, JSON.stringify(result));
    const ids = await facility.submit((result as { cleaned: Record<string, unknown> }).cleaned, siderealTarget());
    const cadenceCalls = await calls(fake, 'cadence');
    assert.equal(cadenceCalls.length, 2, 'validation and submission each expand the cadence');
    assert.equal(ids.length, 4, 'slots at 0, 8, 16 and 24 h');
    const windows = ids.map((id) => (fake.store.requests.get(Number(id))!.body.windows as { start: string; end: string }[])[0]);
    assert.deepEqual(windows[1], { start: '2019-08-05T07:00:00Z', end: '2019-08-05T09:00:00Z' });
    const groups = new Set(ids.map((id) => fake.store.requests.get(Number(id))!.groupId));
    assert.equal(groups.size, 1, 'one request group');
  });

  test('states: each request\'s state and scheduled block; unknown ids left out; one state call per id', async () => {
    const facility = facilityFor(fake);
    const result = await facility.validate({ ...RED_AND_BLUE, start: '2019-08-05', end: '2019-08-06', period: 8, jitter: 2 }, siderealTarget());
    const ids = await facility.submit((result as { cleaned: Record<string, unknown> }).cleaned, siderealTarget());
    await control(fake, `/requests/${ids[0]}/state`, { state: 'COMPLETED' });
    await control(fake, `/requests/${ids[1]}/state`, {
      state: 'PENDING',
      blocks: [
        { state: 'PENDING', start: '2019-08-05T07:10:00Z', end: '2019-08-05T07:40:00Z' },
        { state: 'PENDING', start: '2019-08-05T08:10:00Z', end: '2019-08-05T08:40:00Z' },
      ],
    });
    await control(fake, `/requests/${ids[2]}/state`, { state: 'WINDOW_EXPIRED', blocks: [{ state: 'NOT_ATTEMPTED', start: '2019-08-05T15:00:00Z', end: '2019-08-05T15:30:00Z' }] });
    await fetch(`${fake.portalUrl}/_fake/log`, { method: 'DELETE' });

    const states = await facility.states([...ids, ids[0], '99999999']);
    assert.deepEqual(states.get(ids[0]), { state: 'COMPLETED', scheduledStart: '2019-08-05T00:00:00Z', scheduledEnd: '2019-08-05T00:30:00Z' });
    assert.deepEqual(states.get(ids[1]), { state: 'PENDING', scheduledStart: '2019-08-05T08:10:00Z', scheduledEnd: '2019-08-05T08:40:00Z' });
    assert.deepEqual(states.get(ids[2]), { state: 'WINDOW_EXPIRED', scheduledStart: null, scheduledEnd: null });
    assert.deepEqual(states.get(ids[3]), { state: 'PENDING', scheduledStart: null, scheduledEnd: null });
    assert.equal(states.has('99999999'), false);
    const stateCalls = await calls(fake, 'request');
    assert.equal(stateCalls.length, 5, 'four requests (the repeated id once) and the unknown one');
    assert.ok(stateCalls.every((c) => /^\/api\/requests\/\d+$/.test(c.url)), 'no trailing slash, as the TOM Toolkit asks');
    assert.ok(facility.successStates.includes('COMPLETED'));
    assert.ok(['WINDOW_EXPIRED', 'CANCELED', 'FAILURE_LIMIT_REACHED', 'NOT_ATTEMPTED'].every((s) => facility.failedStates.includes(s)));
  });

  test('cancel a request group: its requests become CANCELED', async () => {
    const facility = facilityFor(fake);
    const result = await facility.validate(RED_AND_BLUE, siderealTarget());
    const [id] = await facility.submit((result as { cleaned: Record<string, unknown> }).cleaned, siderealTarget());
    const groupId = fake.store.requests.get(Number(id))!.groupId;
    const answer = (await facility.cancel(String(groupId))) as { state: string };
    assert.equal(answer.state, 'CANCELED');
    assert.equal((await facility.states([id])).get(id)?.state, 'CANCELED');
  });
});
