// Shared set-up of the LCO tests: a fake portal seeded like tom_education's own LCO tests
// (instrument "myinstr" with RED/GREEN/BLUE filters), facilities pointed at it, targets, and a
// small client for the fake's control API.
import type { TargetRow } from '../../../src/tom/targets.ts';
import { startFakeLco } from '../../../src/tom/observations/fake-lco/server.ts';
import type { FakeLco, FakeLcoOptions } from '../../../src/tom/observations/fake-lco/server.ts';
import { LcoFacility } from '../../../src/tom/observations/facilities/lco/facility.ts';
import type { LcoFacilityOptions } from '../../../src/tom/observations/facilities/lco/facility.ts';

export const INSTRUMENTS = {
  myinstr: {
    type: 'IMAGE',
    class: '2M0',
    name: 'test instrument',
    optical_elements: {
      filters: [
        { code: 'redfilter', name: 'RED', schedulable: true },
        { code: 'greenfilter', name: 'GREEN', schedulable: true },
        { code: 'bluefilter', name: 'BLUE', schedulable: true },
      ],
    },
  },
  '2M0-FLOYDS-SCICAM': {
    type: 'SPECTRA',
    class: '2m0',
    name: 'FLOYDS',
    optical_elements: { slits: [{ code: 'slit_1.6as', name: '1.6 arcsec slit', schedulable: true }] },
  },
  SOAR_TRIPLESPEC: {
    type: 'IMAGE',
    class: '4m0',
    name: 'SOAR imager',
    optical_elements: { filters: [{ code: 'soarfilter', name: 'SOAR', schedulable: true }] },
  },
};

export const PROPOSALS = [
  { id: 'myprop', title: 'some proposal', current: true },
  { id: 'oldprop', title: 'an old proposal', current: false },
];

/** The form of tom_education's EducationLCOFacilityTestCase, without filter fields. */
export const BASE_FORM = {
  target_id: 1,
  facility: 'LCO',
  name: 'someobs',
  proposal: 'myprop',
  ipp_value: '1.05',
  observation_mode: 'NORMAL',
  max_airmass: '1.6',
  start: '2000-01-01',
  end: '2001-01-01',
  instrument_type: 'myinstr',
};

export async function fakePortal(options: FakeLcoOptions = {}): Promise<FakeLco> {
  return startFakeLco({ instruments: INSTRUMENTS, proposals: PROPOSALS, ...options });
}

export function facilityFor(fake: FakeLco, options: LcoFacilityOptions & { apiKey?: string } = {}): LcoFacility {
  const { apiKey = '', ...rest } = options;
  return new LcoFacility({ portalUrl: fake.portalUrl, archiveUrl: fake.archiveUrl, apiKey }, { timeoutMs: 5000, ...rest });
}

/** Calls the fake's control API. */
export async function control(fake: FakeLco, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${fake.portalUrl}/_fake${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 400) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/** The fake's call log for one endpoint. */
export async function calls(fake: FakeLco, endpoint: string): Promise<{ endpoint: string; url: string; authorization: string | null }[]> {
  const log = (await control(fake, '/log')) as { endpoint: string; url: string; authorization: string | null }[];
  return log.filter((c) => c.endpoint === endpoint);
}

const NOW = '2020-01-01T00:00:00.000Z';

export function siderealTarget(overrides: Partial<TargetRow> = {}): TargetRow {
  return {
    id: 1, identifier: 'm13', name: 'M13', name2: '', name3: '', kind: 'sidereal',
    ra: 250.42, dec: 36.46, epoch: 2000, pm_ra: 1.5, pm_dec: -2.5, parallax: null,
    scheme: null, epoch_of_elements: null, mean_anomaly: null, arg_of_perihelion: null, eccentricity: null,
    lng_asc_node: null, inclination: null, mean_daily_motion: null, semimajor_axis: null,
    epoch_of_perihelion: null, perihdist: null,
    is_public: 1, owner_id: null, created_at: NOW, updated_at: NOW,
    ...overrides,
  } as TargetRow;
}

export function orbitalTarget(scheme: TargetRow['scheme']): TargetRow {
  return siderealTarget({
    id: 2, identifier: 'ceres', name: 'Ceres', kind: 'non_sidereal', ra: null, dec: null, epoch: null, pm_ra: null, pm_dec: null,
    scheme, epoch_of_elements: 58600.5, mean_anomaly: 77.37, arg_of_perihelion: 73.6, eccentricity: 0.0785,
    lng_asc_node: 80.3, inclination: 10.59, mean_daily_motion: 0.214, semimajor_axis: 2.767,
    epoch_of_perihelion: 58000.25, perihdist: 2.55,
  });
}
