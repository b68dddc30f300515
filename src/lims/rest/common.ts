// Pieces every LIMS route shares: who is acting, the id path parameter, the error shape, access
// rules, the paged-list query and answer, and its ordering and search.
import type { FastifyRequest } from 'fastify';
import { actingUser } from '../../platform/auth/policy.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import { badRequest } from '../../platform/http/errors.ts';
import type { Actor } from '../visibility.ts';

export { user, staff, Id, IdParams, ErrorOut, errors, Nullable, Timestamp, ListQuery, Page, fetchPage } from '../../platform/http/rest-schemas.ts';
export { sorting } from '../../platform/http/list-ordering.ts';
export { Search, containsText } from '../../platform/http/text-search.ts';

export function actorOf(request: FastifyRequest): Actor {
  const me = actingUser(request);
  return { userId: me.id, isStaff: me.isStaff, address: clientAddress(request) };
}

/** An ISO date-time from a query, in the stored form; a date that does not exist is a 400. */
export function isoBound(text: string, field: string): string {
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw badRequest(`${field} is not a valid date-time.`, { [field]: ['not a valid date-time'] });
  return new Date(time).toISOString();
}
