// The body of POST /api/observe/, checked as Django REST framework's serializer did (spec §1.4):
// the same rules, the same messages, every field's problems reported at once.
export interface ObserveInput {
  target: number;
  template_name: string;
  facility: string;
  overrides?: Record<string, unknown>;
  email: string;
}

/** DRF's error shape: messages per field; a dictionary field's messages per key. */
export type ObserveErrors = Record<string, string[] | Record<string, string[]>>;

export type ObserveCheck = { ok: true; input: ObserveInput } | { ok: false; errors: ObserveErrors };

// Overrides are raw form inputs (spec §1.4, §5.3): one plain value per form field. Nested or
// oversized values are refused here, before the portal is called or anything is recorded, so
// every accepted request can be echoed back (audit A5).
const MAX_OVERRIDES = 200;
const MAX_OVERRIDE_KEY = 100;
const MAX_OVERRIDE_TEXT = 10000;
const MAX_EMAIL = 254;

const REQUIRED = 'This field is required.';
const NOT_NULL = 'This field may not be null.';
const BLANK = 'This field may not be blank.';

// Django's EmailValidator in short: a local part, an @, and a domain with a dot-separated TLD.
const EMAIL = /^[-!#$%&'*+/=?^_`{|}~0-9A-Za-z]+(\.[-!#$%&'*+/=?^_`{|}~0-9A-Za-z]+)*@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\.?$/;

function pythonType(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'NoneType';
}

function checkOverrides(value: unknown): { ok: true; overrides: Record<string, unknown> } | { ok: false; errors: string[] | Record<string, string[]> } {
  if (value === null) return { ok: false, errors: [NOT_NULL] };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, errors: [`Expected a dictionary of items but got type "${pythonType(value)}".`] };
  const entries = Object.entries(value);
  if (entries.length > MAX_OVERRIDES) return { ok: false, errors: [`Ensure this field has no more than ${MAX_OVERRIDES} elements.`] };
  if (entries.some(([key]) => key.length > MAX_OVERRIDE_KEY)) return { ok: false, errors: [`Ensure every key has no more than ${MAX_OVERRIDE_KEY} characters.`] };
  const errors: Record<string, string[]> = {};
  for (const [key, item] of entries) {
    if (item !== null && typeof item === 'object') errors[key] = ['Not a valid string, number, boolean or null.'];
    else if (typeof item === 'string' && item.length > MAX_OVERRIDE_TEXT) errors[key] = [`Ensure this field has no more than ${MAX_OVERRIDE_TEXT} characters.`];
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, overrides: value as Record<string, unknown> };
}

function text(body: Record<string, unknown>, field: string, errors: ObserveErrors): string | undefined {
  if (!(field in body)) {
    errors[field] = [REQUIRED];
    return undefined;
  }
  const value = body[field];
  if (value === null) {
    errors[field] = [NOT_NULL];
    return undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    errors[field] = ['Not a valid string.'];
    return undefined;
  }
  const trimmed = String(value).trim();
  if (trimmed === '') {
    errors[field] = [BLANK];
    return undefined;
  }
  return trimmed;
}

export function checkObserveInput(body: unknown): ObserveCheck {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, errors: { non_field_errors: [`Invalid data. Expected a dictionary, but got ${pythonType(body)}.`] } };
  }
  const data = body as Record<string, unknown>;
  const errors: ObserveErrors = {};

  let target: number | undefined;
  if (!('target' in data)) errors.target = [REQUIRED];
  else if (data.target === null) errors.target = [NOT_NULL];
  else {
    const raw = typeof data.target === 'string' ? data.target.trim() : data.target;
    const number = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[-+]?\d+(\.0*)?$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(number) || typeof raw === 'boolean') errors.target = ['A valid integer is required.'];
    else if (number < 1) errors.target = ['Ensure this value is greater than or equal to 1.'];
    else target = number;
  }
  const templateName = text(data, 'template_name', errors);
  const facility = text(data, 'facility', errors);

  let overrides: Record<string, unknown> | undefined;
  if ('overrides' in data) {
    const checked = checkOverrides(data.overrides);
    if (checked.ok) overrides = checked.overrides;
    else errors.overrides = checked.errors;
  }

  const email = text(data, 'email', errors);
  if (email !== undefined && !EMAIL.test(email)) errors.email = ['Enter a valid email address.'];
  // The alert keeps the address in a 254-character column: refused here, not after the portal call.
  else if (email !== undefined && email.length > MAX_EMAIL) errors.email = [`Ensure this field has no more than ${MAX_EMAIL} characters.`];

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // Key order as echoed back: target, template_name, facility, overrides (only if sent), email.
  const input = {
    target: target!, template_name: templateName!, facility: facility!,
    ...(overrides !== undefined ? { overrides } : {}),
    email: email!,
  };
  return { ok: true, input };
}
