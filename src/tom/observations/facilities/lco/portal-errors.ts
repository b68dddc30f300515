// The portal's validation errors attached to the form as the TOM Toolkit did: a message under a
// key that is a form field goes to that field; any other message becomes a non-field error
// "<key>: <message>", however deeply it is nested (e.g. requests → windows → non_field_errors).
import type { FormErrors } from '../../facility.ts';
import { isObject } from './portal.ts';

export function portalErrors(errors: unknown, fields: ReadonlySet<string>): FormErrors {
  const result: FormErrors = {};
  const nonField: string[] = [];
  const add = (key: string, message: string) => {
    if (fields.has(key)) (result[key] ??= []).push(message);
    else nonField.push(`${key}: ${message}`);
  };
  const walk = (dict: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(dict)) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (typeof item === 'string') add(key, item);
        else if (isObject(item)) walk(item);
      }
    }
  };
  if (typeof errors === 'string') nonField.push(errors);
  else if (Array.isArray(errors)) nonField.push(...errors.filter((e): e is string => typeof e === 'string'));
  else if (isObject(errors)) walk(errors);
  if (nonField.length > 0) result.__all__ = nonField;
  // The portal objected without one readable message (say `{"requests": [{}]}`): say so rather than show nothing.
  if (Object.keys(result).length === 0) result.__all__ = [`LCO: ${JSON.stringify(errors)}`];
  return result;
}

/** `{}`, `[]`, null or "" mean the portal would accept the request group. */
export function hasErrors(errors: unknown): boolean {
  if (errors === null || errors === undefined || errors === '') return false;
  if (Array.isArray(errors)) return errors.length > 0;
  if (isObject(errors)) return Object.keys(errors).length > 0;
  return true;
}
