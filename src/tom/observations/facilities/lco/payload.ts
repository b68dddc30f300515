// The request group tom_education sends to the portal (spec §10, §5.4): one configuration per
// filter used, each with the same instrument, target block and constraints.
import type { TargetRow } from '../../../targets.ts';
import { FacilityRequestError } from '../../facility.ts';
import type { LcoInstruments, RequestGroup } from './portal.ts';
import type { FilterField } from './form.ts';

// TOM target columns → the portal's orbital element names: the ones every scheme needs, then each scheme's own.
const COMMON_ELEMENTS: [keyof TargetRow, string][] = [
  ['epoch_of_elements', 'epochofel'], ['inclination', 'orbinc'], ['lng_asc_node', 'longascnode'],
  ['arg_of_perihelion', 'argofperih'], ['eccentricity', 'eccentricity'],
];
const SCHEME_ELEMENTS: Record<string, [keyof TargetRow, string][]> = {
  MPC_COMET: [['perihdist', 'perihdist'], ['epoch_of_perihelion', 'epochofperih']],
  MPC_MINOR_PLANET: [['mean_anomaly', 'meananom'], ['semimajor_axis', 'meandist']],
  JPL_MAJOR_PLANET: [['mean_daily_motion', 'dailymot'], ['mean_anomaly', 'meananom'], ['semimajor_axis', 'meandist']],
};

export function targetBlock(target: TargetRow): Record<string, unknown> {
  if (target.kind === 'sidereal') {
    return {
      name: target.name, type: 'ICRS', ra: target.ra, dec: target.dec,
      proper_motion_ra: target.pm_ra, proper_motion_dec: target.pm_dec, epoch: target.epoch,
    };
  }
  const scheme = target.scheme ?? '';
  const block: Record<string, unknown> = { name: target.name, type: 'ORBITAL_ELEMENTS', scheme };
  for (const [column, field] of [...COMMON_ELEMENTS, ...(SCHEME_ELEMENTS[scheme] ?? [])]) block[field] = target[column];
  return block;
}

export function configurationType(instrumentType: string): string {
  if (instrumentType.includes('FLOYDS')) return 'SPECTRUM';
  if (instrumentType.includes('NRES')) return 'NRES_SPECTRUM';
  return 'EXPOSE';
}

/** The filter codes with both an exposure count and time in cleaned data, in the form's filter order. */
export function usedFilters(cleaned: Record<string, unknown>, filters: FilterField[]): string[] {
  const codes = Object.keys(cleaned)
    .filter((k) => k.endsWith('_exposure_count'))
    .map((k) => k.slice(0, -'_exposure_count'.length))
    .filter((code) => cleaned[`${code}_exposure_count`] != null && cleaned[`${code}_exposure_time`] != null);
  const rank = (code: string) => {
    const i = filters.findIndex((f) => f.code === code);
    return i === -1 ? filters.length : i;
  };
  return codes.map((code, i) => ({ code, i })).sort((a, b) => rank(a.code) - rank(b.code) || a.i - b.i).map((x) => x.code);
}

export function buildRequestGroup(cleaned: Record<string, unknown>, target: TargetRow, instruments: LcoInstruments, filters: FilterField[]): RequestGroup {
  const instrumentType = String(cleaned.instrument_type);
  const instrument = instruments[instrumentType];
  if (!instrument) throw new FacilityRequestError(`LCO: instrument type '${instrumentType}' is not offered by the portal`);
  const block = targetBlock(target);
  const configurations = usedFilters(cleaned, filters).map((code) => ({
    type: configurationType(instrumentType),
    instrument_type: instrumentType,
    target: block,
    instrument_configs: [{
      exposure_count: cleaned[`${code}_exposure_count`],
      exposure_time: cleaned[`${code}_exposure_time`],
      optical_elements: { filter: code },
    }],
    acquisition_config: {},
    guiding_config: {},
    constraints: { max_airmass: cleaned.max_airmass },
  }));
  return {
    name: cleaned.name,
    proposal: cleaned.proposal,
    ipp_value: cleaned.ipp_value,
    operator: 'SINGLE',
    observation_type: cleaned.observation_mode,
    requests: [{
      configurations,
      windows: [{ start: cleaned.start, end: cleaned.end }],
      location: { telescope_class: instrument.class },
    }],
  };
}

/** A period and a jitter (both non-zero) ask the portal to expand the request into a cadence. */
export function wantsCadence(cleaned: Record<string, unknown>): boolean {
  return Boolean(cleaned.period) && Boolean(cleaned.jitter);
}

/** The group as the cadence endpoint takes it: the window moves into `cadence`, windows left empty. */
export function cadenceRequest(group: RequestGroup, cleaned: Record<string, unknown>): RequestGroup {
  const [request, ...rest] = group.requests as Record<string, unknown>[];
  return {
    ...group,
    requests: [{
      ...request,
      cadence: { start: cleaned.start, end: cleaned.end, period: cleaned.period, jitter: cleaned.jitter },
      windows: [],
    }, ...rest],
  };
}
