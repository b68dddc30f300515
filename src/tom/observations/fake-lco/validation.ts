// The fake portal's own checks of a request group: a few of the real portal's, enough for errors
// that look like its nested answers (field lists, per-request objects, window non_field_errors).
import type { FakeLcoStore } from './store.ts';
import { isObject, parseUtc } from './values.ts';

type Errors = Record<string, unknown>;

export function validateGroup(store: FakeLcoStore, group: unknown): Errors {
  if (store.validationErrors !== null) return store.validationErrors as Errors;
  if (!isObject(group)) return { non_field_errors: ['Invalid data. Expected a dictionary.'] };
  const errors: Errors = {};
  if (typeof group.name !== 'string' || group.name.trim() === '') errors.name = ['This field is required.'];
  const proposal = store.proposals.find((p) => p.id === group.proposal);
  if (!proposal) errors.proposal = [`Invalid pk "${String(group.proposal ?? '')}" - object does not exist.`];
  else if (!proposal.current) errors.proposal = [`Proposal ${proposal.id} is not active`];
  const requests = Array.isArray(group.requests) ? group.requests : [];
  if (requests.length === 0) errors.requests = ['You must specify at least 1 request'];
  const perRequest = requests.map((r) => validateRequest(store, r));
  if (perRequest.some((e) => Object.keys(e).length > 0)) errors.requests = perRequest;
  return errors;
}

function validateRequest(store: FakeLcoStore, request: unknown): Errors {
  if (!isObject(request)) return { non_field_errors: ['Invalid data. Expected a dictionary.'] };
  const errors: Errors = {};
  const configurations = Array.isArray(request.configurations) ? request.configurations : [];
  if (configurations.length === 0) errors.configurations = ['You must specify at least 1 configuration'];
  const perConfiguration = configurations.map((c) => {
    const type = isObject(c) ? c.instrument_type : undefined;
    return typeof type === 'string' && type in store.instruments ? {} : { instrument_type: [`Invalid instrument type ${String(type)}`] };
  });
  if (perConfiguration.some((e) => Object.keys(e).length > 0)) errors.configurations = perConfiguration;
  const windows = Array.isArray(request.windows) ? request.windows : [];
  if (windows.length === 0 && !request.cadence) errors.windows = ['You must specify at least 1 window'];
  const perWindow = windows.map((w) => {
    const start = isObject(w) ? parseUtc(w.start) : NaN;
    const end = isObject(w) ? parseUtc(w.end) : NaN;
    if (Number.isNaN(start) || Number.isNaN(end)) return { non_field_errors: ['A window needs a start and an end time'] };
    return end > start ? {} : { non_field_errors: ['The observation window end time must be after the start time'] };
  });
  if (perWindow.some((e) => Object.keys(e).length > 0)) errors.windows = perWindow;
  return errors;
}
