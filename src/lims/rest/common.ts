// Pieces every LIMS route shares: who is acting, the id path parameter, the error shape, access
// rules and the paged-list query and answer.
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TProperties, TSchema } from '@sinclair/typebox';
import type { SelectQueryBuilder } from 'kysely';
import { actingUser } from '../../platform/auth/policy.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import { badRequest } from '../../platform/http/errors.ts';
import type { Actor } from '../visibility.ts';

export const user = { access: { allow: 'user' as const } };
export const staff = { access: { allow: 'staff' as const } };

export function actorOf(request: FastifyRequest): Actor {
  const me = actingUser(request);
  return { userId: me.id, isStaff: me.isStaff, address: clientAddress(request) };
}

/** Ids are 32-bit on PostgreSQL; a larger number could never match and would make it fail. */
export const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const ErrorOut = Type.Object({
  detail: Type.String(),
  fields: Type.Optional(Type.Record(Type.String(), Type.Array(Type.String()))),
});

/** The usual error answers of a route that reads or changes one record. */
export const errors = { 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut };

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const Timestamp = Type.String({ format: 'date-time' });

/** A list's query: its own filters plus limit/offset; unknown parameters are refused (a typo would silently list everything). */
export function ListQuery<T extends TProperties>(filters: T) {
  return Type.Object({
    ...filters,
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1000000000, default: 0 }),
  }, { additionalProperties: false });
}

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ count: Type.Integer(), results: Type.Array(item) });
}

/** Runs a filtered list query for one page, and the same filter for the total count. */
export async function fetchPage<O>(query: SelectQueryBuilder<any, any, O>, page: { limit: number; offset: number }): Promise<{ count: number; rows: O[] }> {
  const counted = await query.clearSelect().clearOrderBy().select((eb) => eb.fn.countAll().as('count')).executeTakeFirst() as { count: number | string | bigint } | undefined;
  const rows = await query.limit(page.limit).offset(page.offset).execute();
  return { count: Number(counted?.count ?? 0), rows };
}

/**
 * PostgreSQL text cannot hold NUL characters; refusing them up front keeps both databases alike
 * and turns what would be a database error into a 400 naming the field.
 */
export function refuseNulCharacters(value: unknown, path: string[] = []): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      const field = path.join('.') || 'non_field_errors';
      throw badRequest(`Text may not contain NUL characters (${field}).`, { [field]: ['contains a NUL character'] });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => refuseNulCharacters(item, [...path, String(index)]));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) refuseNulCharacters(item, [...path, key]);
  }
}

/** An ISO date-time from a query, in the stored form; a date that does not exist is a 400. */
export function isoBound(text: string, field: string): string {
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw badRequest(`${field} is not a valid date-time.`, { [field]: ['not a valid date-time'] });
  return new Date(time).toISOString();
}
