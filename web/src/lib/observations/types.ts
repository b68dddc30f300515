// The observation records the observation and template pages show, as the REST API gives them.
import type { paths } from '$lib/api/schema';

type Ok<P extends keyof paths, M extends 'get' | 'post' | 'put'> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer J } } } ? J
    : R extends { 201: { content: { 'application/json': infer J } } } ? J : never
  : never;

export type Observation = Ok<'/rest/v1/observations/{id}', 'get'>;
export type Template = Ok<'/rest/v1/observation-templates/{id}', 'get'>;
export type FormInfo = Ok<'/rest/v1/facilities/{name}/form', 'get'>;
export type Target = Ok<'/rest/v1/targets/{id}', 'get'>;

/** Form values as the inputs hold them: text, "" for empty. */
export type FormValues = Record<string, string>;

/** Stored template fields as input values (null and absent become ""). */
export function asFormValues(fields: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(fields)) values[key] = value === null || value === undefined ? '' : String(value);
  return values;
}

/** The fields a person changed from the template's values: what is sent as overrides. */
export function changedFields(values: FormValues, original: FormValues): FormValues {
  const changed: FormValues = {};
  for (const [key, value] of Object.entries(values)) if (value !== (original[key] ?? '')) changed[key] = value;
  return changed;
}

/** A facility's state in words; "" means the facility has not been asked yet. */
export function statusLabel(status: string): string {
  return status === '' ? 'Not checked yet' : status.replaceAll('_', ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());
}

/** The observation form of a facility, e.g. /observations/LCO/create/?target_id=1. */
export function observeUrl(facility: string, targetId: number, templateId?: number): string {
  return `/observations/${encodeURIComponent(facility)}/create/?target_id=${targetId}${templateId ? `&template_id=${templateId}` : ''}`;
}

/** Who keeps a target's templates: staff and the target's owner. */
export function mayKeepTemplates(user: { username: string; is_staff: boolean } | null, target: Target | null): boolean {
  return !!user && !!target && (user.is_staff || target.owner === user.username);
}
