// The request group sent to the portal (spec §10, §5.4): shape, one configuration per filter, the
// telescope class from the instrument, and the sidereal and orbital-element target blocks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRequestGroup, cadenceRequest, configurationType, targetBlock, wantsCadence } from '../../../src/tom/observations/facilities/lco/payload.ts';
import { filterFields } from '../../../src/tom/observations/facilities/lco/form.ts';
import type { LcoInstruments } from '../../../src/tom/observations/facilities/lco/portal.ts';
import { FacilityRequestError } from '../../../src/tom/observations/facility.ts';
import { INSTRUMENTS, orbitalTarget, siderealTarget } from './helpers.ts';

const instruments = INSTRUMENTS as unknown as LcoInstruments;
const cleaned = {
  facility: 'LCO', target_id: 1, observation_type: '', name: 'someobs', proposal: 'myprop', ipp_value: 1.05,
  observation_mode: 'NORMAL', instrument_type: 'myinstr', max_airmass: 1.6,
  start: '2019-08-05T00:00:00', end: '2019-08-10T00:00:00', period: null, jitter: null, cadence_strategy: '', cadence_frequency: null,
  redfilter_exposure_count: 1, redfilter_exposure_time: 2, bluefilter_exposure_count: 3, bluefilter_exposure_time: 4,
};

describe('LCO request payload', () => {
  test('the request group of spec §10, one configuration per filter in filter-name order', () => {
    const group = buildRequestGroup(cleaned, siderealTarget(), instruments, filterFields(instruments));
    const target = { name: 'M13', type: 'ICRS', ra: 250.42, dec: 36.46, proper_motion_ra: 1.5, proper_motion_dec: -2.5, epoch: 2000 };
    const configuration = (code: string, count: number, time: number) => ({
      type: 'EXPOSE', instrument_type: 'myinstr', target,
      instrument_configs: [{ exposure_count: count, exposure_time: time, optical_elements: { filter: code } }],
      acquisition_config: {}, guiding_config: {}, constraints: { max_airmass: 1.6 },
    });
    assert.deepEqual(group, {
      name: 'someobs', proposal: 'myprop', ipp_value: 1.05, operator: 'SINGLE', observation_type: 'NORMAL',
      requests: [{
        configurations: [configuration('bluefilter', 3, 4), configuration('redfilter', 1, 2)],
        windows: [{ start: '2019-08-05T00:00:00', end: '2019-08-10T00:00:00' }],
        location: { telescope_class: '2M0' },
      }],
    });
    assert.deepEqual(Object.keys(group), ['name', 'proposal', 'ipp_value', 'operator', 'observation_type', 'requests']);
  });

  test('sidereal targets: an ICRS block with proper motion and epoch (null when unknown)', () => {
    assert.deepEqual(targetBlock(siderealTarget({ pm_ra: null, pm_dec: null, epoch: null })), {
      name: 'M13', type: 'ICRS', ra: 250.42, dec: 36.46, proper_motion_ra: null, proper_motion_dec: null, epoch: null,
    });
  });

  test('each orbital element scheme maps the TOM columns to the portal\'s names', () => {
    const common = { name: 'Ceres', type: 'ORBITAL_ELEMENTS', epochofel: 58600.5, orbinc: 10.59, longascnode: 80.3, argofperih: 73.6, eccentricity: 0.0785 };
    assert.deepEqual(targetBlock(orbitalTarget('MPC_COMET')), { ...common, scheme: 'MPC_COMET', perihdist: 2.55, epochofperih: 58000.25 });
    assert.deepEqual(targetBlock(orbitalTarget('MPC_MINOR_PLANET')), { ...common, scheme: 'MPC_MINOR_PLANET', meananom: 77.37, meandist: 2.767 });
    assert.deepEqual(targetBlock(orbitalTarget('JPL_MAJOR_PLANET')), { ...common, scheme: 'JPL_MAJOR_PLANET', dailymot: 0.214, meananom: 77.37, meandist: 2.767 });
    assert.deepEqual(Object.keys(targetBlock(orbitalTarget('MPC_COMET'))), ['name', 'type', 'scheme', 'epochofel', 'orbinc', 'longascnode', 'argofperih', 'eccentricity', 'perihdist', 'epochofperih']);
  });

  test('configuration type follows the instrument; an instrument the portal no longer offers is refused', () => {
    assert.equal(configurationType('2M0-FLOYDS-SCICAM'), 'SPECTRUM');
    assert.equal(configurationType('1M0-NRES-SCICAM'), 'NRES_SPECTRUM');
    assert.equal(configurationType('1M0-SCICAM-SINISTRO'), 'EXPOSE');
    assert.throws(() => buildRequestGroup({ ...cleaned, instrument_type: 'GONE' }, siderealTarget(), instruments, []), FacilityRequestError);
  });

  test('a cadence needs both period and jitter; its request carries the window as the cadence, windows empty', () => {
    assert.equal(wantsCadence(cleaned), false);
    assert.equal(wantsCadence({ ...cleaned, period: 24, jitter: null }), false);
    assert.equal(wantsCadence({ ...cleaned, period: 24, jitter: 2 }), true);
    const withCadence = { ...cleaned, period: 24, jitter: 2 };
    const request = (cadenceRequest(buildRequestGroup(withCadence, siderealTarget(), instruments, []), withCadence).requests as Record<string, unknown>[])[0];
    assert.deepEqual(request.cadence, { start: '2019-08-05T00:00:00', end: '2019-08-10T00:00:00', period: 24, jitter: 2 });
    assert.deepEqual(request.windows, []);
  });
});
