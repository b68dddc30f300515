// HTTP to the LCO portal and archive, with the facility error policy (decision T9): an answer in
// the 4xx range means our request was wrong (FacilityRequestError "LCO: …"); 5xx, timeouts and
// connection failures mean the service is unavailable (FacilityUnavailable).
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { FacilityRequestError, FacilityUnavailable } from '../../facility.ts';

export interface JsonRequest {
  method?: 'GET' | 'POST';
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Names the service in messages, e.g. "LCO portal". */
  service: string;
}

export async function requestJson(url: string, request: JsonRequest): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const signal = AbortSignal.timeout(request.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: request.method ?? 'GET', headers, signal,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    // The body is read under the same deadline: a portal that sends headers and then stalls is unavailable too.
    text = await response.text();
  } catch (error) {
    throw unreachable(request.service, url, request.timeoutMs, error);
  }
  checkStatus(request.service, response.status, text);
  try {
    return JSON.parse(text);
  } catch {
    throw new FacilityUnavailable(`${request.service} answered ${response.status} with a body that is not JSON (${url})`);
  }
}

export interface StreamRequest {
  headers?: Record<string, string>;
  /** Until the answer's headers arrive. */
  timeoutMs: number;
  /** For the whole download; a stalled transfer ends the stream with an error. */
  bodyTimeoutMs: number;
  service: string;
}

/** GETs a file and hands back its body as a stream once the status says it is there. */
export async function requestStream(url: string, request: StreamRequest): Promise<Readable> {
  const controller = new AbortController();
  const timeoutError = () => Object.assign(new Error('timeout'), { name: 'TimeoutError' });
  let timer = setTimeout(() => controller.abort(timeoutError()), request.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { headers: request.headers, signal: controller.signal });
  } catch (error) {
    clearTimeout(timer);
    throw unreachable(request.service, url, request.timeoutMs, error);
  }
  clearTimeout(timer);
  if (response.status >= 300 || response.body === null) {
    let text = '';
    try {
      text = await response.text();
    } catch {
      // The status alone is reported.
    }
    checkStatus(request.service, response.status, text);
    throw new FacilityUnavailable(`${request.service} answered ${response.status} without a file (${url})`);
  }
  timer = setTimeout(() => controller.abort(timeoutError()), request.bodyTimeoutMs);
  const stream = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  stream.once('close', () => clearTimeout(timer));
  return stream;
}

/** A 4xx answer; the status lets the archive client tell a stale token (401/403) from other refusals. */
export class LcoRequestError extends FacilityRequestError {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'LcoRequestError';
  }
}

function checkStatus(service: string, status: number, text: string): void {
  if (status >= 200 && status < 300) return;
  if (status >= 400 && status < 500) throw new LcoRequestError(`LCO: ${errorText(text, status)}`, status);
  throw new FacilityUnavailable(`${service} answered ${status}${text.trim() ? `: ${shorten(text)}` : ''}`);
}

/** The message of an error answer: DRF's "detail" (or an "error" string), else the body itself. */
export function errorText(text: string, status: number): string {
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      const { detail, error } = body as Record<string, unknown>;
      if (typeof detail === 'string') return detail;
      if (typeof error === 'string') return error;
    }
  } catch {
    // Not JSON: the text is the message.
  }
  return text.trim() === '' ? `HTTP ${status}` : shorten(text);
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 500 ? `${flat.slice(0, 500)}…` : flat;
}

function unreachable(service: string, url: string, timeoutMs: number, error: unknown): FacilityUnavailable {
  const err = error as Error & { cause?: Error & { code?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return new FacilityUnavailable(`${service} did not answer within ${timeoutMs / 1000} s (${url})`);
  }
  const cause = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(error);
  return new FacilityUnavailable(`${service} is unreachable (${url}): ${cause}`);
}
