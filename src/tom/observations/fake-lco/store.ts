// What the fake LCO portal and archive remember: instruments and proposals, submitted request
// groups with their requests' states and observation blocks, frames, and what tests asked it to
// get wrong (failures, hangs, validation errors). It also logs every call, with its Authorization
// header, so tests can see what was sent.
import fs from 'node:fs';
import { iso, parseUtc } from './values.ts';

export interface FakeRequest {
  id: number;
  groupId: number;
  state: string;
  /** The request as submitted (configurations, windows, location). */
  body: Record<string, unknown>;
  blocks: FakeBlock[];
  frames: number[];
}

export interface FakeBlock {
  id: number;
  state: string;
  start: string;
  end: string;
}

export interface FakeGroup {
  id: number;
  name: string;
  proposal: string;
  observationType: string;
  state: string;
  requests: number[];
  created: string;
}

export interface FakeFrame {
  id: number;
  requestId: number;
  filename: string;
  dateObs: string | null;
  reductionLevel: number;
  instrument: string | null;
  site: string | null;
  telescope: string | null;
  exposureTime: number | null;
  filter: string | null;
  /** The file's bytes, or a file on disk to serve. */
  content: Buffer | { path: string };
}

export type NewFrame = Partial<Omit<FakeFrame, 'id' | 'requestId' | 'content'>> & { filename: string; content?: Buffer | { path: string } };

/** Made to answer the next `times` calls of an endpoint with `status` (and `body`), or not at all. */
export interface Failure {
  times: number;
  status?: number;
  body?: unknown;
  hang?: boolean;
}

export interface LoggedCall {
  endpoint: string;
  method: string;
  url: string;
  authorization: string | null;
}

export const ENDPOINTS = [
  'instruments', 'profile', 'validate', 'submit', 'cadence', 'request', 'observations', 'cancel',
  'frames', 'frame', 'download',
] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export const TERMINAL_STATES = ['COMPLETED', 'WINDOW_EXPIRED', 'CANCELED', 'FAILURE_LIMIT_REACHED'];

export interface FakeSettings {
  /** When set, the portal wants "Authorization: Token <apiKey>". */
  apiKey: string;
  /** The archive wants "Authorization: Bearer <archiveToken>"; the profile hands it out. */
  archiveToken: string;
  /** The most frames one archive page holds, whatever `limit` asks. */
  pageSize: number;
}

export class FakeLcoStore {
  readonly groups = new Map<number, FakeGroup>();
  readonly requests = new Map<number, FakeRequest>();
  readonly frames = new Map<number, FakeFrame>();
  readonly log: LoggedCall[] = [];
  private readonly failures = new Map<string, Failure>();
  /** Answered by validate (and refused by submit) while set. */
  validationErrors: unknown = null;
  private nextGroup = 1_000;
  private nextRequest = 2_000_000;
  private nextBlock = 300_000_000;
  private nextFrame = 90_000_000;

  constructor(
    public settings: FakeSettings,
    readonly instruments: Record<string, unknown>,
    readonly proposals: { id: string; title: string; current: boolean }[],
    /** Frames given to a completed request that has none of its own (the demo frames), or none. */
    private readonly defaultFrames: () => NewFrame[] = () => [],
  ) {}

  createGroup(body: Record<string, unknown>, requests: Record<string, unknown>[]): FakeGroup {
    const group: FakeGroup = {
      id: this.nextGroup++,
      name: String(body.name ?? ''),
      proposal: String(body.proposal ?? ''),
      observationType: String(body.observation_type ?? 'NORMAL'),
      state: 'PENDING',
      requests: [],
      created: new Date().toISOString(),
    };
    for (const request of requests) {
      const id = this.nextRequest++;
      this.requests.set(id, { id, groupId: group.id, state: 'PENDING', body: request, blocks: [], frames: [] });
      group.requests.push(id);
    }
    this.groups.set(group.id, group);
    return group;
  }

  /** Moves a request to a state; a completed one gets a completed block and, if it has none, the default frames. */
  setState(requestId: number, state: string, blocks?: Omit<FakeBlock, 'id'>[]): FakeRequest | null {
    const request = this.requests.get(requestId);
    if (!request) return null;
    request.state = state;
    if (blocks) request.blocks = blocks.map((b) => ({ id: this.nextBlock++, ...b }));
    else if (state === 'COMPLETED' && !request.blocks.some((b) => b.state === 'COMPLETED')) {
      const start = this.windowStart(request);
      request.blocks.push({ id: this.nextBlock++, state: 'COMPLETED', start: iso(start), end: iso(start + 30 * 60_000) });
    }
    if (state === 'COMPLETED' && request.frames.length === 0) this.addFrames(requestId, this.defaultFrames());
    const group = this.groups.get(request.groupId);
    if (group) {
      const states = group.requests.map((id) => this.requests.get(id)!.state);
      group.state = states.every((s) => s === 'COMPLETED') ? 'COMPLETED' : states.every((s) => TERMINAL_STATES.includes(s)) ? states[0] : 'PENDING';
    }
    return request;
  }

  addFrames(requestId: number, frames: NewFrame[]): FakeFrame[] {
    const request = this.requests.get(requestId);
    if (!request) return [];
    return frames.map((f) => {
      const frame: FakeFrame = {
        id: this.nextFrame++,
        requestId,
        filename: f.filename,
        dateObs: f.dateObs ?? null,
        reductionLevel: f.reductionLevel ?? (/-e00\./.test(f.filename) ? 0 : 91),
        instrument: f.instrument ?? null,
        site: f.site ?? null,
        telescope: f.telescope ?? null,
        exposureTime: f.exposureTime ?? null,
        filter: f.filter ?? null,
        content: f.content ?? Buffer.from(`fake frame ${f.filename}\n`),
      };
      this.frames.set(frame.id, frame);
      request.frames.push(frame.id);
      return frame;
    });
  }

  frameBytes(frame: FakeFrame): Buffer {
    return Buffer.isBuffer(frame.content) ? frame.content : fs.readFileSync(frame.content.path);
  }

  cancelGroup(groupId: number): FakeGroup | null {
    const group = this.groups.get(groupId);
    if (!group) return null;
    for (const id of group.requests) {
      const request = this.requests.get(id)!;
      if (!TERMINAL_STATES.includes(request.state)) request.state = 'CANCELED';
    }
    group.state = 'CANCELED';
    return group;
  }

  fail(endpoint: Endpoint, failure: Failure): void {
    this.failures.set(endpoint, failure);
  }

  /** The failure planned for this call of an endpoint, if any (each use counts down). */
  takeFailure(endpoint: Endpoint): Failure | null {
    const failure = this.failures.get(endpoint);
    if (!failure) return null;
    if (--failure.times <= 0) this.failures.delete(endpoint);
    return failure;
  }

  reset(): void {
    this.groups.clear();
    this.requests.clear();
    this.frames.clear();
    this.failures.clear();
    this.log.length = 0;
    this.validationErrors = null;
  }

  private windowStart(request: FakeRequest): number {
    const windows = request.body.windows;
    const first = Array.isArray(windows) ? (windows[0] as Record<string, unknown> | undefined) : undefined;
    const start = parseUtc(first?.start);
    return Number.isNaN(start) ? Date.now() : start;
  }
}
