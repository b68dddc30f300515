// Pieces every LIMS route shares: who is acting, the id path parameter, the error shape, access
// rules and the paged-list query and answer.
import type { FastifyRequest } from 'fastify';
import { actingUser } from '../../platform/auth/policy.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import { badRequest } from '../../platform/http/errors.ts';
import type { Actor } from '../visibility.ts';

export { user, staff, Id, IdParams, ErrorOut, errors, Nullable, Timestamp, ListQuery, Page, fetchPage } from '../../platform/http/rest-schemas.ts';

export function actorOf(request: FastifyRequest): Actor {
  const me = actingUser(request);
  return { userId: me.id, isStaff: me.isStaff, address: clientAddress(request) };
}

/**
 * PostgreSQL text cannot hold NUL characters; refusing them up front keeps both databases alike
 * and turns what would be a database error into a 400 naming the field.
 */
/** Parsed bodies and query strings (whose prototype may be empty), not uploads held as bytes, which check their own text. */
function isRecord(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as { constructor?: unknown } | null;
  return prototype === null || prototype.constructor === Object || prototype.constructor === undefined;
}

export function refuseNulCharacters(value: unknown, path: string[] = []): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      const field = path.join('.') || 'non_field_errors';
      throw badRequest(`Text may not contain NUL characters (${field}).`, { [field]: ['contains a NUL character'] });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => refuseNulCharacters(item, [...path, String(index)]));
  } else if (value !== null && typeof value === 'object' && isRecord(value)) {
    for (const [key, item] of Object.entries(value)) refuseNulCharacters(item, [...path, key]);
  }
}

/** An ISO date-time from a query, in the stored form; a date that does not exist is a 400. */
export function isoBound(text: string, field: string): string {
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw badRequest(`${field} is not a valid date-time.`, { [field]: ['not a valid date-time'] });
  return new Date(time).toISOString();
}
