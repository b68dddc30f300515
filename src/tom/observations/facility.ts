// What Lightpath needs from an observatory network (a "facility"): its observation form's rules,
// submitting requests, following their state, and the data frames they produce. LCO is the one
// facility built in (facilities/lco/); tests use a fake LCO portal served on loopback.
import type { Readable } from 'node:stream';
import type { TargetRow } from '../targets.ts';

/** Field errors keyed by form field; errors about the whole form under "__all__" (as Django forms). */
export type FormErrors = Record<string, string[]>;

export type FormResult = { ok: true; cleaned: Record<string, unknown> } | { ok: false; errors: FormErrors };

export interface ObservationState {
  state: string;
  scheduledStart: string | null;
  scheduledEnd: string | null;
}

export interface Frame {
  id: string;
  filename: string;
  /** Where to download it from. */
  url: string;
  dateObs: string | null;
  instrument: string | null;
  site: string | null;
  telescope: string | null;
  exposureTime: number | null;
  filter: string | null;
  /** 91 for reduced frames ("e91"), 0 for raw ("e00"). */
  reductionLevel: number | null;
}

/** What a form page offers to choose from (a facility with a form of choices gives it). */
export interface FacilityFormInfo {
  proposals: Array<{ id: string; title: string }>;
  instruments: Array<{ code: string; name: string }>;
  filters: Array<{ code: string; name: string }>;
  /** Instrument code → the filter codes it can use. */
  schedulable: Record<string, string[]>;
}

export interface Facility {
  /** The name clients use in requests, e.g. "LCO". */
  name: string;
  /** The form field that names a request, set from the template name when instantiating. */
  identifierField: string;
  /** Form fields that are dates. */
  dateFields: string[];
  successStates: string[];
  failedStates: string[];
  /** Validates form data as the facility's form does, including the portal's own validation. */
  validate(form: Record<string, unknown>, target: TargetRow): Promise<FormResult>;
  /** Submits validated form data; returns the observation ids the portal made. */
  submit(cleaned: Record<string, unknown>, target: TargetRow): Promise<string[]>;
  /** Current state of several observations, asking the portal as few times as it allows. */
  states(observationIds: string[]): Promise<Map<string, ObservationState>>;
  /** Every frame of an observation (following pages). */
  frames(observationId: string): Promise<Frame[]>;
  download(frame: Frame): Promise<Readable>;
  /** The form's choices, fetched from the portal; absent when the form has none to offer. */
  formInfo?(): Promise<FacilityFormInfo>;
}

/** A portal answered 4xx: the request itself is wrong (400 to our client, decision T9). */
export class FacilityRequestError extends Error {}

/** The portal could not be reached, or answered 5xx (502 to our client, decision T9). */
export class FacilityUnavailable extends Error {}
