// The target form's fields: their labels with units, and turning the form's text into the values
// the REST API takes (an empty box is "no value"). Which fields apply comes from /target-form.
import type { Target } from './types';

export const SIDEREAL_FIELDS = [
  { name: 'ra', label: 'Right ascension (°)', hint: '0 to 360 degrees', required: true },
  { name: 'dec', label: 'Declination (°)', hint: '−90 to 90 degrees', required: true },
  { name: 'epoch', label: 'Epoch (years)', hint: 'e.g. 2000', required: false },
  { name: 'pm_ra', label: 'Proper motion in RA (mas/yr)', hint: '', required: false },
  { name: 'pm_dec', label: 'Proper motion in Dec (mas/yr)', hint: '', required: false },
  { name: 'parallax', label: 'Parallax (mas)', hint: '', required: false },
] as const;

export const ELEMENT_LABELS: Record<string, string> = {
  epoch_of_elements: 'Epoch of elements (MJD)',
  mean_anomaly: 'Mean anomaly (°)',
  arg_of_perihelion: 'Argument of perihelion (°)',
  eccentricity: 'Eccentricity',
  lng_asc_node: 'Longitude of the ascending node (°)',
  inclination: 'Inclination (°)',
  mean_daily_motion: 'Mean daily motion (°/day)',
  semimajor_axis: 'Semi-major axis (AU)',
  epoch_of_perihelion: 'Epoch of perihelion (MJD)',
  perihdist: 'Perihelion distance (AU)',
};

export const SCHEME_LABELS: Record<string, string> = {
  MPC_MINOR_PLANET: 'MPC minor planet',
  MPC_COMET: 'MPC comet',
  JPL_MAJOR_PLANET: 'JPL major planet',
};

export type ExtraType = 'string' | 'number' | 'boolean' | 'datetime';

/** A box's value as text: a number box bound with bind:value holds a number, or null when empty. */
type BoxValue = string | number | null | undefined;
const textOf = (value: BoxValue) => (value === null || value === undefined ? '' : String(value)).trim();

/** A number box's value as the API takes it: null when empty. */
export function numberOrNull(value: BoxValue): number | null {
  const trimmed = textOf(value);
  return trimmed === '' ? null : Number(trimmed);
}

/** An extra field's value as a value of its type ("" is no value; booleans are "true"/"false"). */
export function extraValue(value: BoxValue, type: ExtraType): string | number | boolean | null {
  const trimmed = textOf(value);
  if (trimmed === '') return null;
  if (type === 'number') return Number(trimmed);
  if (type === 'boolean') return trimmed === 'true';
  return trimmed;
}

/** The form's text for each field of an existing target (or empty ones for a new one). */
export function formText(target: Target | null, names: string[]): Record<string, string> {
  const source = (target ?? {}) as Record<string, unknown>;
  return Object.fromEntries(names.map((name) => [name, source[name] === null || source[name] === undefined ? '' : String(source[name])]));
}
