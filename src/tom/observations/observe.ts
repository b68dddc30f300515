// Observing from a template, the one path both POST /api/observe/ and the REST API take: the
// template is instantiated with the overrides, the facility's form judges it (its own rules, then
// the portal's), the portal takes the request, and only then are the records and alerts written.
import type { Db } from '../../platform/db/database.ts';
import { HttpError } from '../../platform/http/errors.ts';
import type { TargetRow } from '../targets.ts';
import { FacilityRequestError, FacilityUnavailable } from './facility.ts';
import type { Facility, FormErrors } from './facility.ts';
import { recordObservations } from './records.ts';
import type { ObservationRow } from './records.ts';
import { instantiate } from './templates.ts';
import type { TemplateRow } from './templates.ts';

export type ObserveOutcome = { ok: true; observations: ObservationRow[] } | { ok: false; errors: FormErrors };

export interface ObserveRequest {
  target: TargetRow;
  facility: Facility;
  template: TemplateRow;
  overrides?: Record<string, unknown>;
  email: string;
}

export async function observeFromTemplate(db: Db, request: ObserveRequest): Promise<ObserveOutcome> {
  const { target, facility } = request;
  try {
    const form = await facility.validate(instantiate(request.template, facility, target.id, request.overrides), target);
    if (!form.ok) return form;
    const ids = await facility.submit(form.cleaned, target);
    const observations = await recordObservations(db, { targetId: target.id, facility: facility.name, parameters: form.cleaned, observationIds: ids, alertEmail: request.email });
    return { ok: true, observations };
  } catch (error) {
    throw facilityHttpError(error);
  }
}

/** A portal's refusal is the client's problem (400), an unreachable portal the gateway's (502), decision T9. */
export function facilityHttpError(error: unknown): unknown {
  if (error instanceof FacilityRequestError) return new HttpError(400, error.message);
  if (error instanceof FacilityUnavailable) return new HttpError(502, error.message);
  return error;
}
