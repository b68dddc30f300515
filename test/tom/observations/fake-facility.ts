// A facility for tests of the observe endpoint, as the original's tests used "TemplateFake": a
// form with one required text field, one integer field, and a configurable portal answer.
import { Readable } from 'node:stream';
import type { Facility, FormResult, Frame, ObservationState } from '../../../src/tom/observations/facility.ts';
import { FacilityRequestError, FacilityUnavailable } from '../../../src/tom/observations/facility.ts';

export class FakeFacility implements Facility {
  identifierField = 'test_input';
  dateFields = [];
  successStates = ['COMPLETED'];
  failedStates = ['FAILED', 'CANCELED', 'WINDOW_EXPIRED'];
  submitted: Array<Record<string, unknown>> = [];
  /** What submit does next: ids to return ('auto': a fresh "fakeid-N"), or a portal failure. */
  nextSubmit: string[] | 'auto' | 'reject' | 'down' = 'auto';
  private counter = 0;
  states_: Map<string, ObservationState> = new Map();
  framesOf: Map<string, Frame[]> = new Map();
  fileBytes: Map<string, Buffer> = new Map();

  constructor(readonly name = 'TemplateFake') {}

  async validate(form: Record<string, unknown>): Promise<FormResult> {
    const errors: Record<string, string[]> = {};
    if (typeof form.test_input !== 'string' || form.test_input === '') errors.test_input = ['This field is required.'];
    const extra = form.another_extra_field;
    if (extra !== undefined && !/^-?\d+$/.test(String(extra))) errors.another_extra_field = ['Enter a whole number.'];
    if (form.extra_field === 'bad-combination') errors.__all__ = ['That combination is not allowed'];
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    return { ok: true, cleaned: { ...form, another_extra_field: extra === undefined ? undefined : Number(extra), observation_type: form.observation_type ?? '' } };
  }

  async submit(cleaned: Record<string, unknown>): Promise<string[]> {
    this.submitted.push(cleaned);
    if (this.nextSubmit === 'reject') throw new FacilityRequestError(`${this.name}: {"proposal": ["no time left"]}`);
    if (this.nextSubmit === 'down') throw new FacilityUnavailable(`${this.name} portal is unreachable`);
    return this.nextSubmit === 'auto' ? [`fakeid-${++this.counter}`] : this.nextSubmit;
  }

  async states(ids: string[]): Promise<Map<string, ObservationState>> {
    return new Map(ids.filter((id) => this.states_.has(id)).map((id) => [id, this.states_.get(id)!]));
  }

  async frames(id: string): Promise<Frame[]> {
    return this.framesOf.get(id) ?? [];
  }

  async download(frame: Frame): Promise<Readable> {
    return Readable.from([this.fileBytes.get(frame.id) ?? Buffer.alloc(0)]);
  }
}
