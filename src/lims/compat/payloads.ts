// Reading MxDC's msgpack bodies: a map (AddData, AddReport) or an array (AccessList POST).
// Every type problem is a 400 naming the field (decision D8), checked before anything is written.
import { decode } from '@msgpack/msgpack';
import { badRequest } from '../../platform/http/errors.ts';
import { checkBodyValue } from '../../platform/http/body-checks.ts';
import { isStoredId } from '../../platform/db/column-types.ts';
import { countFrames, FramesError } from './frames.ts';

export function decodeMsgpack(body: unknown): unknown {
  if (!Buffer.isBuffer(body) || body.length === 0) throw badRequest('The body must be msgpack.');
  let value: unknown;
  try {
    value = decode(body);
  } catch {
    throw badRequest('The body is not valid msgpack.');
  }
  checkBodyValue(value, 'msgpack');
  return value;
}

export function msgpackMap(body: unknown): Record<string, unknown> {
  const value = decodeMsgpack(body);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Uint8Array) {
    throw badRequest('The body must be a msgpack map.');
  }
  return value as Record<string, unknown>;
}

export function msgpackArray(body: unknown): unknown[] {
  const value = decodeMsgpack(body);
  if (!Array.isArray(value)) throw badRequest('The body must be a msgpack array.');
  return value;
}

const wrong = (field: string, expected: string) => badRequest(`"${field}" must be ${expected}.`, { [field]: [`must be ${expected}`] });

export function requiredString(map: Record<string, unknown>, field: string, maxLength = 1000): string {
  const value = map[field];
  if (typeof value !== 'string' || value.length === 0) throw wrong(field, 'a non-empty string');
  if (value.length > maxLength) throw wrong(field, `at most ${maxLength} characters`);
  return value;
}

export function optionalString(map: Record<string, unknown>, field: string, fallback: string, maxLength = 1000): string {
  const value = map[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || value.length > maxLength) throw wrong(field, `a string of at most ${maxLength} characters`);
  return value;
}

export function requiredNumber(map: Record<string, unknown>, field: string): number {
  const value = map[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong(field, 'a number');
  return value;
}

export function optionalNumber(map: Record<string, unknown>, field: string): number | null {
  const value = map[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong(field, 'a number');
  return value;
}

export function optionalId(map: Record<string, unknown>, field: string): number | null {
  const value = map[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrong(field, 'an integer id');
  // An id beyond what the database can hold names no record: treated as unknown.
  return isStoredId(value) ? value : null;
}

/** ISO-8601 times; a time without an offset is UTC (XAS end times come naive). */
export function optionalTime(map: Record<string, unknown>, field: string): string | null {
  const value = map[field];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw wrong(field, 'an ISO-8601 time');
  const withZone = /([zZ]|[+-]\d\d:?\d\d)$/.test(value) || !value.includes('T') ? value : `${value}Z`;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms)) throw wrong(field, 'an ISO-8601 time');
  return new Date(ms).toISOString();
}

/** "1-4,8,10-99" → 95; "" (XRF, MAD) → 1 as MxLIVE's default. */
export function frameCount(frames: string): number {
  if (frames === '') return 1;
  try {
    return countFrames(frames);
  } catch (error) {
    if (error instanceof FramesError) throw badRequest(`"frames" is not a frame list: ${error.message}`, { frames: ['is not a frame list'] });
    throw error;
  }
}

/** Values safe to keep as JSON: msgpack binary becomes base64 text. */
export function jsonSafe(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  if (typeof value === 'bigint') return Number(value);
  return value;
}
