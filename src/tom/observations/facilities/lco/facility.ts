// LCO as a Lightpath facility: tom_education's LCO form and request payload, request states and
// observation blocks from the portal, frames and files from the science archive.
import type { Readable } from 'node:stream';
import type { Facility, FormResult, Frame, ObservationState } from '../../facility.ts';
import { FacilityRequestError } from '../../facility.ts';
import type { TargetRow } from '../../../targets.ts';
import type { LcoConfig } from './config.ts';
import { TimedValue } from './cache.ts';
import type { Clock } from './cache.ts';
import { LcoPortalClient } from './portal.ts';
import type { LcoInstruments, LcoObservationBlock, LcoProposal, RequestGroup } from './portal.ts';
import { LcoArchiveClient } from './archive.ts';
import { LcoRequestError } from './http.ts';
import { cleanLcoForm, filterFields, formFieldNames, imagingInstruments, schedulableCodes } from './form.ts';
import type { FilterField } from './form.ts';
import { buildRequestGroup, cadenceRequest, wantsCadence } from './payload.ts';
import { hasErrors, portalErrors } from './portal-errors.ts';

export const INSTRUMENTS_TTL_MS = 5 * 60_000;
export const ARCHIVE_TOKEN_TTL_MS = 60 * 60_000;

export interface LcoFacilityOptions {
  /** Per portal or archive call (default 30 s); longer counts as unavailable. */
  timeoutMs?: number;
  /** For a whole file download (default 10 min). */
  downloadTimeoutMs?: number;
  /** Frames asked for per archive page (default 1000). */
  archivePageSize?: number;
  /** Requests whose state is looked up at once (default 4). */
  statusConcurrency?: number;
  /** Milliseconds now, for cache expiry (tests move it). */
  clock?: Clock;
}

/** What a form page needs: choices and the filter rows per instrument. */
export interface LcoFormInfo {
  proposals: LcoProposal[];
  instruments: { code: string; name: string }[];
  filters: FilterField[];
  schedulable: Record<string, string[]>;
}

export class LcoFacility implements Facility {
  readonly name = 'LCO';
  readonly identifierField = 'name';
  readonly dateFields = ['start', 'end'];
  readonly successStates = ['COMPLETED'];
  // The portal's terminal failures; FAILURE_LIMIT_REACHED and NOT_ATTEMPTED end a request too
  // (current tom_base counts them), so they must not be polled for ever.
  readonly failedStates = ['WINDOW_EXPIRED', 'CANCELED', 'FAILURE_LIMIT_REACHED', 'NOT_ATTEMPTED'];

  readonly portal: LcoPortalClient;
  readonly archive: LcoArchiveClient;
  private readonly instrumentsCache: TimedValue<LcoInstruments>;
  private readonly tokenCache: TimedValue<string>;
  private readonly statusConcurrency: number;

  constructor(config: LcoConfig, options: LcoFacilityOptions = {}) {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const clock = options.clock ?? Date.now;
    this.portal = new LcoPortalClient(config.portalUrl, config.apiKey, timeoutMs);
    this.archive = new LcoArchiveClient(config.archiveUrl, {
      timeoutMs, downloadTimeoutMs: options.downloadTimeoutMs ?? 600_000, pageSize: options.archivePageSize ?? 1000,
    });
    this.instrumentsCache = new TimedValue(INSTRUMENTS_TTL_MS, clock);
    this.tokenCache = new TimedValue(ARCHIVE_TOKEN_TTL_MS, clock);
    this.statusConcurrency = Math.max(1, options.statusConcurrency ?? 4);
  }

  /** The portal's instruments, fetched at most once per 5 minutes. */
  instruments(): Promise<LcoInstruments> {
    return this.instrumentsCache.get(() => this.portal.instruments());
  }

  async formInfo(): Promise<LcoFormInfo> {
    const [instruments, profile] = await Promise.all([this.instruments(), this.portal.profile()]);
    return {
      proposals: profile.proposals.filter((p) => p.current),
      instruments: imagingInstruments(instruments).map((code) => ({ code, name: instruments[code].name })),
      filters: filterFields(instruments),
      schedulable: schedulableCodes(instruments),
    };
  }

  async validate(form: Record<string, unknown>, target: TargetRow): Promise<FormResult> {
    const [instruments, profile] = await Promise.all([this.instruments(), this.portal.profile()]);
    const result = cleanLcoForm(form, target, { instruments, proposals: profile.proposals, facilityName: this.name });
    if (!result.ok) return result;
    // Only a form that passes its own rules is sent to the portal (as tom_education's is_valid).
    const filters = filterFields(instruments);
    const errors = await this.portal.validate(await this.requestGroup(result.cleaned, target, instruments, filters));
    if (!hasErrors(errors)) return result;
    return { ok: false, errors: portalErrors(errors, new Set(formFieldNames(filters))) };
  }

  async submit(cleaned: Record<string, unknown>, target: TargetRow): Promise<string[]> {
    const instruments = await this.instruments();
    return this.portal.submit(await this.requestGroup(cleaned, target, instruments, filterFields(instruments)));
  }

  /**
   * The portal looks requests up one id at a time (its request filters take a state, not a list of
   * ids), so this asks for each request's state and observation blocks, a few requests at once.
   * An id the portal refuses (4xx, e.g. a request that no longer exists) is left out of the map so
   * it cannot hold up the others; an unavailable portal fails the whole call.
   */
  async states(observationIds: string[]): Promise<Map<string, ObservationState>> {
    const states = new Map<string, ObservationState>();
    const queue = [...new Set(observationIds)];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const [state, blocks] = await Promise.allSettled([this.portal.requestState(id), this.portal.observationBlocks(id)]);
        const failures = [state, blocks].flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
        // An unavailable portal outweighs a refused id: the whole lookup fails and is retried later.
        const unavailable = failures.find((e) => !(e instanceof FacilityRequestError));
        if (unavailable !== undefined) {
          queue.length = 0;
          throw unavailable;
        }
        if (state.status === 'fulfilled' && blocks.status === 'fulfilled') {
          const block = scheduledBlock(blocks.value);
          states.set(id, { state: state.value, scheduledStart: block?.start ?? null, scheduledEnd: block?.end ?? null });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.statusConcurrency, queue.length) }, worker));
    return states;
  }

  frames(observationId: string): Promise<Frame[]> {
    return this.withArchiveToken((token) => this.archive.frames(observationId, token));
  }

  frame(frameId: string): Promise<Frame> {
    return this.withArchiveToken((token) => this.archive.frame(frameId, token));
  }

  async download(frame: Frame): Promise<Readable> {
    if (!frame.url) throw new FacilityRequestError(`LCO: frame ${frame.id} has no download URL`);
    return this.archive.download(frame.url);
  }

  /** Cancels a request group on the portal (all its requests). */
  cancel(requestGroupId: string): Promise<unknown> {
    return this.portal.cancelRequestGroup(requestGroupId);
  }

  private async requestGroup(cleaned: Record<string, unknown>, target: TargetRow, instruments: LcoInstruments, filters: FilterField[]): Promise<RequestGroup> {
    const group = buildRequestGroup(cleaned, target, instruments, filters);
    // With a period and jitter the portal expands the window into one request per cadence slot.
    return wantsCadence(cleaned) ? this.portal.expandCadence(cadenceRequest(group, cleaned)) : group;
  }

  /** The archive token from the profile, cached for an hour; fetched afresh once if the archive refuses it. */
  private async withArchiveToken<T>(use: (token: string) => Promise<T>): Promise<T> {
    const token = () => this.tokenCache.get(async () => {
      const archive = (await this.portal.profile()).tokens.archive;
      if (!archive) throw new FacilityRequestError('LCO: the portal profile has no archive token');
      return archive;
    });
    try {
      return await use(await token());
    } catch (error) {
      if (!(error instanceof LcoRequestError) || (error.status !== 401 && error.status !== 403)) throw error;
      this.tokenCache.clear();
      return use(await token());
    }
  }
}

/** The first completed block, else the last pending one (as the TOM Toolkit reads scheduled times). */
function scheduledBlock(blocks: LcoObservationBlock[]): LcoObservationBlock | null {
  return blocks.find((b) => b.state === 'COMPLETED') ?? blocks.filter((b) => b.state === 'PENDING').at(-1) ?? null;
}
