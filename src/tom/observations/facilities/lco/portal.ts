// The LCO Observation Portal API, as the TOM LCO facility uses it (spec §10).
import { FacilityUnavailable } from '../../facility.ts';
import { requestJson } from './http.ts';

export interface LcoOpticalElement {
  code: string;
  name: string;
  schedulable: boolean;
}

export interface LcoInstrument {
  /** e.g. "IMAGE" or "SPECTRA". */
  type: string;
  /** Telescope class, e.g. "1m0". */
  class: string;
  name: string;
  optical_elements: { filters?: LcoOpticalElement[]; slits?: LcoOpticalElement[] };
}

/** Keyed by instrument type code, e.g. "1M0-SCICAM-SINISTRO". */
export type LcoInstruments = Record<string, LcoInstrument>;

export interface LcoProposal {
  id: string;
  title: string;
  current: boolean;
}

export interface LcoProfile {
  proposals: LcoProposal[];
  tokens: { archive?: string };
}

/** One scheduled attempt at a request. */
export interface LcoObservationBlock {
  state: string;
  start: string | null;
  end: string | null;
}

export type RequestGroup = Record<string, unknown>;

const SERVICE = 'LCO portal';

export class LcoPortalClient {
  constructor(
    private readonly portalUrl: string,
    private readonly apiKey: string,
    private readonly timeoutMs: number,
  ) {}

  /** Every instrument the portal offers, except SOAR's (not schedulable through this form). */
  async instruments(): Promise<LcoInstruments> {
    const body = await this.call('GET', '/api/instruments/', undefined, true);
    if (!isObject(body)) throw unexpected('/api/instruments/');
    const instruments: LcoInstruments = {};
    for (const [code, value] of Object.entries(body)) {
      if (code.includes('SOAR') || !isObject(value)) continue;
      const elements = isObject(value.optical_elements) ? value.optical_elements : {};
      instruments[code] = {
        type: String(value.type ?? ''),
        class: String(value.class ?? ''),
        name: String(value.name ?? code),
        optical_elements: { filters: opticalElements(elements.filters), slits: opticalElements(elements.slits) },
      };
    }
    return instruments;
  }

  async profile(): Promise<LcoProfile> {
    const body = await this.call('GET', '/api/profile/', undefined, true);
    if (!isObject(body)) throw unexpected('/api/profile/');
    const proposals = Array.isArray(body.proposals) ? body.proposals.filter(isObject) : [];
    const tokens = isObject(body.tokens) ? body.tokens : {};
    return {
      proposals: proposals.map((p) => ({ id: String(p.id), title: String(p.title ?? p.id), current: p.current === true })),
      tokens: { archive: typeof tokens.archive === 'string' ? tokens.archive : undefined },
    };
  }

  /** The portal's objections to a request group; `{}` when it would accept it. */
  async validate(group: RequestGroup): Promise<unknown> {
    const body = await this.call('POST', '/api/requestgroups/validate/', group);
    return isObject(body) ? (body.errors ?? {}) : {};
  }

  /** Submits a request group; answers the ids of its requests (our observation ids). */
  async submit(group: RequestGroup): Promise<string[]> {
    const body = await this.call('POST', '/api/requestgroups/', group);
    const requests = isObject(body) && Array.isArray(body.requests) ? body.requests.filter(isObject) : [];
    const ids = requests.map((r) => r.id).filter((id) => id !== undefined && id !== null).map(String);
    if (ids.length === 0) throw new FacilityUnavailable('LCO portal accepted the request group but named no requests');
    return ids;
  }

  /** Expands a request with a `cadence` into the request group of its individual requests. */
  async expandCadence(group: RequestGroup): Promise<RequestGroup> {
    const body = await this.call('POST', '/api/requestgroups/cadence/', group);
    if (!isObject(body)) throw unexpected('/api/requestgroups/cadence/');
    return body;
  }

  async requestState(id: string): Promise<string> {
    // No trailing slash, as the TOM Toolkit asks (the portal redirects or answers either way).
    const path = `/api/requests/${encodeURIComponent(id)}`;
    const body = await this.call('GET', path);
    if (!isObject(body) || typeof body.state !== 'string') throw unexpected(path);
    return body.state;
  }

  async observationBlocks(id: string): Promise<LcoObservationBlock[]> {
    const path = `/api/requests/${encodeURIComponent(id)}/observations/`;
    const body = await this.call('GET', path);
    if (!Array.isArray(body)) throw unexpected(path);
    return body.filter(isObject).map((b) => ({
      state: String(b.state ?? ''),
      start: typeof b.start === 'string' ? b.start : null,
      end: typeof b.end === 'string' ? b.end : null,
    }));
  }

  /** Cancels a request group (all its requests); answers the portal's reply. */
  async cancelRequestGroup(groupId: string): Promise<unknown> {
    return this.call('POST', `/api/requestgroups/${encodeURIComponent(groupId)}/cancel/`, {});
  }

  /**
   * `always`: the instruments and profile calls send "Authorization: Token <key>" even with an
   * empty key, as the TOM Toolkit's form did (spec §10); the others send it only with a key.
   */
  private call(method: 'GET' | 'POST', path: string, body?: unknown, always = false): Promise<unknown> {
    const headers: Record<string, string> = {};
    if (this.apiKey !== '' || always) headers.authorization = `Token ${this.apiKey}`.trim();
    return requestJson(`${this.portalUrl}${path}`, { method, body, headers, timeoutMs: this.timeoutMs, service: SERVICE });
  }
}

function opticalElements(value: unknown): LcoOpticalElement[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((e) => ({ code: String(e.code), name: String(e.name ?? e.code), schedulable: e.schedulable === true }));
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unexpected(path: string): FacilityUnavailable {
  return new FacilityUnavailable(`${SERVICE} answered ${path} with an unexpected shape`);
}
