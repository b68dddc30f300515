// The LCO science archive: the frames a request produced (paged, following `next`) and their files.
import type { Readable } from 'node:stream';
import type { Frame } from '../../facility.ts';
import { requestJson, requestStream } from './http.ts';
import { isObject } from './portal.ts';

const SERVICE = 'LCO archive';
/** A bound on pages followed, so an archive that keeps pointing at itself cannot loop for ever. */
const MAX_PAGES = 10_000;

export class LcoArchiveClient {
  private readonly origin: string;

  constructor(
    private readonly archiveUrl: string,
    private readonly options: { timeoutMs: number; downloadTimeoutMs: number; pageSize: number },
  ) {
    this.origin = new URL(archiveUrl).origin;
  }

  /** Every frame of a request, page after page. */
  async frames(requestId: string, token: string): Promise<Frame[]> {
    const frames: Frame[] = [];
    const seen = new Set<string>();
    let url: string | null = `${this.archiveUrl}/frames/?${new URLSearchParams({ REQNUM: requestId, limit: String(this.options.pageSize) })}`;
    while (url !== null) {
      if (seen.has(url) || seen.size >= MAX_PAGES) break;
      seen.add(url);
      const page = await this.get(url, token);
      const results = isObject(page) && Array.isArray(page.results) ? page.results.filter(isObject) : [];
      frames.push(...results.map((r) => this.toFrame(r)));
      const next = isObject(page) ? page.next : null;
      url = typeof next === 'string' && next !== '' ? new URL(next, `${this.archiveUrl}/`).href : null;
    }
    return frames;
  }

  async frame(frameId: string, token: string): Promise<Frame> {
    const body = await this.get(`${this.archiveUrl}/frames/${encodeURIComponent(frameId)}/`, token);
    return this.toFrame(isObject(body) ? body : {});
  }

  /**
   * Download URLs are pre-signed (storage URLs in the real archive): they carry their own
   * authorisation and are fetched without our token, which such storage refuses alongside a signature.
   */
  download(url: string): Promise<Readable> {
    return requestStream(url, { timeoutMs: this.options.timeoutMs, bodyTimeoutMs: this.options.downloadTimeoutMs, service: SERVICE });
  }

  private get(url: string, token: string): Promise<unknown> {
    // The token goes only to the archive itself, not to wherever a `next` link might point.
    const headers: Record<string, string> = new URL(url).origin === this.origin ? { authorization: `Bearer ${token}` } : {};
    return requestJson(url, { headers, timeoutMs: this.options.timeoutMs, service: SERVICE });
  }

  /** The archive's upper-case header names (tom_base 1.4), or the newer lower-case ones. */
  private toFrame(r: Record<string, unknown>): Frame {
    const url = text(r.url);
    return {
      id: String(r.id ?? ''),
      filename: text(r.filename) ?? text(r.basename) ?? String(r.id ?? ''),
      url: url === null ? '' : new URL(url, `${this.archiveUrl}/`).href,
      dateObs: text(r.DATE_OBS) ?? text(r.observation_date),
      instrument: text(r.INSTRUME) ?? text(r.instrument_id),
      site: text(r.SITEID) ?? text(r.site_id),
      telescope: text(r.TELID) ?? text(r.telescope_id),
      exposureTime: number(r.EXPTIME) ?? number(r.exposure_time),
      filter: text(r.FILTER) ?? text(r.primary_optical_element),
      reductionLevel: number(r.RLEVEL) ?? number(r.reduction_level),
    };
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function number(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}
