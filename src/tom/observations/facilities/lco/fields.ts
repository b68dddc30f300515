// Django form fields as the TOM Toolkit's forms declare them: the same coercions (values arrive as
// strings from overrides or typed JSON from templates) and the same messages, which API clients see.

export const REQUIRED = 'This field is required.';
export const INVALID_INTEGER = 'Enter a whole number.';
export const INVALID_NUMBER = 'Enter a number.';
export const INVALID_DATETIME = 'Enter a valid date/time.';

export type Cleaned<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Cleaned<T> => ({ ok: true, value });
const fail = (error: string): Cleaned<never> => ({ ok: false, error });

/** Django's EMPTY_VALUES: None, '', [], (), {}. Zero is a value. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value as object).length === 0;
}

/** Python's str() for what JSON can carry, so messages quote a value as Django would. */
function pyStr(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

export function charField(value: unknown, required: boolean): Cleaned<string> {
  const text = isEmpty(value) ? '' : pyStr(value).trim();
  if (text === '' && required) return fail(REQUIRED);
  return ok(text);
}

interface Bounds {
  required: boolean;
  min?: number;
  max?: number;
}

// Python's int() after Django strips a trailing ".0": optional sign, digits, single underscores between them.
const PY_INT = /^\s*[+-]?\d(_?\d)*\s*$/;
// Python's float() for finite values; "inf"/"nan" parse there but Django then rejects them as not a number.
const PY_FLOAT = /^\s*[+-]?(\d(_?\d)*(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d(_?\d)*)?\s*$/;

export function integerField(value: unknown, bounds: Bounds): Cleaned<number | null> {
  if (isEmpty(value)) return bounds.required ? fail(REQUIRED) : ok(null);
  const text = pyStr(value).replace(/\.0*\s*$/, '');
  if (typeof value === 'object' || !PY_INT.test(text)) return fail(INVALID_INTEGER);
  return checkBounds(Number(text.replace(/_/g, '')), bounds);
}

export function floatField(value: unknown, bounds: Bounds): Cleaned<number | null> {
  if (isEmpty(value)) return bounds.required ? fail(REQUIRED) : ok(null);
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'boolean') number = value ? 1 : 0; // Python: float(True) == 1.0
  else if (typeof value === 'string' && PY_FLOAT.test(value)) number = Number(value.replace(/_/g, '').trim());
  else return fail(INVALID_NUMBER);
  if (!Number.isFinite(number)) return fail(INVALID_NUMBER);
  return checkBounds(number, bounds);
}

export function choiceField(value: unknown, required: boolean, choices: readonly string[]): Cleaned<string> {
  const text = isEmpty(value) ? '' : pyStr(value);
  if (text === '') return required ? fail(REQUIRED) : ok('');
  if (!choices.includes(text)) return fail(`Select a valid choice. ${text} is not one of the available choices.`);
  return ok(text);
}

function checkBounds(value: number, bounds: Bounds): Cleaned<number> {
  if (bounds.max !== undefined && value > bounds.max) return fail(`Ensure this value is less than or equal to ${bounds.max}.`);
  if (bounds.min !== undefined && value < bounds.min) return fail(`Ensure this value is greater than or equal to ${bounds.min}.`);
  return ok(value);
}
