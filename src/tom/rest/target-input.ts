// Checks a target sent to the REST API beyond what its schema can say: a sidereal target needs RA
// and Dec, a non-sidereal one a scheme and that scheme's elements; fields of the other kind are
// refused; extra fields must be declared and of their declared type. All problems are reported
// together, and nothing is written unless there are none.
import type { TomConfig } from '../../config.ts';
import { badRequest } from '../../platform/http/errors.ts';
import type { TargetKind } from '../tables.ts';
import { ORBITAL_COLUMNS, SCHEME_ELEMENTS, storedExtra } from '../targets.ts';
import type { TargetRow } from '../targets.ts';
import type { TargetInput } from './target-schemas.ts';

const SIDEREAL_FIELDS = ['ra', 'dec', 'epoch', 'pm_ra', 'pm_dec', 'parallax'] as const;
const NON_SIDEREAL_FIELDS = ['scheme', ...ORBITAL_COLUMNS] as const;
type PositionField = (typeof SIDEREAL_FIELDS)[number] | (typeof NON_SIDEREAL_FIELDS)[number];
export type PositionColumns = Pick<TargetRow, PositionField | 'kind'>;

type Problems = Record<string, string[]>;
const add = (problems: Problems, field: string, message: string) => (problems[field] ??= []).push(message);

/** Every position column to store for the target (the other kind's set to null). */
export function positionColumns(input: TargetInput, current: TargetRow | null, problems: Problems): PositionColumns {
  const kind: TargetKind = input.kind ?? current?.kind ?? (input.scheme ? 'non_sidereal' : 'sidereal');
  const own = kind === 'sidereal' ? SIDEREAL_FIELDS : NON_SIDEREAL_FIELDS;
  const other = kind === 'sidereal' ? NON_SIDEREAL_FIELDS : SIDEREAL_FIELDS;
  const given = input as Record<string, unknown>;
  // A field not sent keeps its value, unless the target changes kind (then it starts empty).
  const value = (field: PositionField) => (field in given ? given[field] ?? null : current?.kind === kind ? current[field] : null);

  for (const field of other) {
    if (given[field] !== undefined && given[field] !== null) add(problems, field, `is only for ${kind === 'sidereal' ? 'non-sidereal' : 'sidereal'} targets`);
  }
  if (kind === 'sidereal') {
    for (const field of ['ra', 'dec'] as const) if (value(field) === null) add(problems, field, 'is required for a sidereal target');
  } else {
    const scheme = value('scheme') as string | null;
    if (scheme === null) add(problems, 'scheme', 'is required for a non-sidereal target');
    for (const field of SCHEME_ELEMENTS[scheme ?? ''] ?? []) {
      if (value(field) === null) add(problems, field, `is required for the ${scheme} scheme`);
    }
  }
  const columns: Record<string, unknown> = { kind };
  for (const field of own) columns[field] = value(field);
  for (const field of other) columns[field] = null;
  return columns as PositionColumns;
}

// A time of day needs its zone: without one, JavaScript would read it in the server's local time.
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** The stored text of each given extra value (null: remove it). */
export function extraValues(given: Record<string, unknown>, declared: TomConfig['extraFields'], problems: Problems): Record<string, string | null> {
  const stored: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(given)) {
    const field = `extra_fields.${name}`;
    const type = declared.find((f) => f.name === name)?.type;
    if (!type) {
      add(problems, field, `is not a declared extra field (declared: ${declared.map((f) => f.name).join(', ') || 'none'})`);
      continue;
    }
    if (value === null) {
      stored[name] = null;
      continue;
    }
    const fits = type === 'number' ? typeof value === 'number' && Number.isFinite(value)
      : type === 'boolean' ? typeof value === 'boolean'
        : type === 'datetime' ? typeof value === 'string' && ISO_DATETIME.test(value) && !Number.isNaN(Date.parse(value))
          : typeof value === 'string';
    if (!fits) add(problems, field, type === 'datetime' ? 'must be an ISO 8601 date, or date and time with a zone (e.g. 2019-08-01T03:04:05Z)' : `must be a ${type}`);
    else stored[name] = storedExtra(value, type);
  }
  return stored;
}

/** The problems in one line, e.g. "ra is required for a sidereal target; scheme is only for …". */
export function problemsText(problems: Problems): string {
  return Object.entries(problems).map(([field, messages]) => `${field} ${messages.join(', ')}`).join('; ');
}

export function throwIfProblems(problems: Problems): void {
  if (Object.keys(problems).length === 0) return;
  throw badRequest(`Invalid target: ${problemsText(problems)}`, problems);
}
