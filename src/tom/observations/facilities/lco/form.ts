// The rules of tom_education's LCO form (spec §5.3): the LCO imaging fields, one optional exposure
// count and time per filter instead of a single filter, and the per-filter checks. The portal's own
// validation comes after these pass (facility.ts).
import type { FormErrors, FormResult } from '../../facility.ts';
import type { TargetRow } from '../../../targets.ts';
import type { LcoInstruments, LcoProposal } from './portal.ts';
import { charField, choiceField, floatField, integerField, INVALID_DATETIME } from './fields.ts';
import type { Cleaned } from './fields.ts';
import { parseFormDate } from './dates.ts';

export interface FilterField {
  code: string;
  name: string;
}

export interface LcoFormContext {
  instruments: LcoInstruments;
  /** From the profile; only current ones may be chosen. */
  proposals: LcoProposal[];
  /** The facility's name, for the hidden `facility` field when the form leaves it out. */
  facilityName: string;
}

export const OBSERVATION_MODES = ['NORMAL', 'TARGET_OF_OPPORTUNITY'] as const;
/** The TOM Toolkit's cadence strategies (by class name, as its form offers them), or none. */
export const CADENCE_STRATEGIES = ['', 'RetryFailedObservationsStrategy', 'ResumeCadenceAfterFailureStrategy'] as const;

/** Every filter any instrument offers (slits are not filters), once per code, ordered by display name. */
export function filterFields(instruments: LcoInstruments): FilterField[] {
  const byCode = new Map<string, string>();
  for (const instrument of Object.values(instruments)) {
    for (const f of instrument.optical_elements.filters ?? []) if (!byCode.has(f.code)) byCode.set(f.code, f.name);
  }
  return [...byCode].map(([code, name]) => ({ code, name })).sort((a, b) => cmp(a.name, b.name) || cmp(a.code, b.code));
}

/** Instrument code → its schedulable filter and slit codes (filters first): what a form page shows per instrument. */
export function schedulableCodes(instruments: Record<string, { optical_elements?: { filters?: { code: string; schedulable?: boolean }[]; slits?: { code: string; schedulable?: boolean }[] } }>): Record<string, string[]> {
  const info: Record<string, string[]> = {};
  for (const [code, instrument] of Object.entries(instruments)) {
    const elements = instrument.optical_elements ?? {};
    info[code] = [...(elements.filters ?? []), ...(elements.slits ?? [])].filter((e) => e.schedulable === true).map((e) => e.code);
  }
  return info;
}

/** Imagers: the instruments this form may choose. */
export function imagingInstruments(instruments: LcoInstruments): string[] {
  return Object.entries(instruments).filter(([, i]) => i.type.includes('IMAGE')).map(([code]) => code);
}

/** The form's field names (portal errors keyed by one of them are shown against that field). */
export function formFieldNames(filters: FilterField[]): string[] {
  return [...BASE_FIELDS, ...filters.flatMap((f) => [`${f.code}_exposure_count`, `${f.code}_exposure_time`])];
}

// In the order of the stored template fields of spec §5.3; errors are listed in this order too.
const BASE_FIELDS = [
  'facility', 'target_id', 'observation_type', 'name', 'proposal', 'ipp_value', 'observation_mode', 'instrument_type',
  'max_airmass', 'start', 'end', 'period', 'jitter', 'cadence_strategy', 'cadence_frequency',
] as const;

export function cleanLcoForm(form: Record<string, unknown>, target: TargetRow, context: LcoFormContext): FormResult {
  const proposals = context.proposals.filter((p) => p.current).map((p) => p.id);
  const filters = filterFields(context.instruments);
  // Hidden fields the observe endpoint always sends; a caller that leaves them out means this target and facility.
  const hidden = { facility: context.facilityName, target_id: target.id, ...form };

  const rules: Record<(typeof BASE_FIELDS)[number], () => Cleaned<unknown>> = {
    facility: () => charField(hidden.facility, true),
    target_id: () => integerField(hidden.target_id, { required: true }),
    observation_type: () => charField(form.observation_type, false),
    name: () => charField(form.name, true),
    proposal: () => choiceField(form.proposal, true, proposals),
    ipp_value: () => floatField(form.ipp_value, { required: true, min: 0.5, max: 2 }),
    observation_mode: () => choiceField(form.observation_mode, true, OBSERVATION_MODES),
    instrument_type: () => choiceField(form.instrument_type, true, imagingInstruments(context.instruments)),
    max_airmass: () => floatField(form.max_airmass, { required: true }),
    start: () => dateField(form.start),
    end: () => dateField(form.end),
    period: () => floatField(form.period, { required: false }),
    jitter: () => floatField(form.jitter, { required: false }),
    cadence_strategy: () => choiceField(form.cadence_strategy, false, CADENCE_STRATEGIES),
    cadence_frequency: () => integerField(form.cadence_frequency, { required: false }),
  };

  const cleaned: Record<string, unknown> = {};
  const errors: FormErrors = {};
  const take = (field: string, result: Cleaned<unknown>) => {
    if (result.ok) cleaned[field] = result.value;
    else errors[field] = [result.error];
  };
  for (const field of BASE_FIELDS) take(field, rules[field]());
  for (const f of filters) {
    take(`${f.code}_exposure_count`, integerField(form[`${f.code}_exposure_count`], { required: false, min: 1 }));
    take(`${f.code}_exposure_time`, floatField(form[`${f.code}_exposure_time`], { required: false, min: 0.1 }));
  }

  // As the form's clean(): it runs even after field errors, judging only values that were valid.
  const messages: string[] = [];
  let used = 0;
  for (const f of filters) {
    const countKey = `${f.code}_exposure_count`;
    const timeKey = `${f.code}_exposure_time`;
    const count = cleaned[countKey];
    const time = cleaned[timeKey];
    if (!count && !time) {
      delete cleaned[countKey];
      delete cleaned[timeKey];
    } else if (!count) messages.push(`Exposure count missing for filter '${f.name}'`);
    else if (!time) messages.push(`Exposure time missing for filter '${f.name}'`);
    else used += 1;
  }
  if (messages.length > 0) errors.__all__ = messages;
  else if (used === 0) errors.__all__ = ['No filters selected'];
  if (target.kind === 'non_sidereal' && !target.scheme) {
    (errors.__all__ ??= []).push(`Target '${target.name}' has no orbital element scheme`);
  }

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, cleaned };
}

function dateField(value: unknown): Cleaned<string> {
  const text = charField(value, true);
  if (!text.ok) return text;
  const date = parseFormDate(text.value);
  return date === null ? { ok: false, error: INVALID_DATETIME } : { ok: true, value: date };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
