// Pieces every REST route of Lightpath's own API shares: access rules, id parameters, the error
// shape, and the paged-list query and answer.
import { Type } from '@sinclair/typebox';
import type { TProperties, TSchema } from '@sinclair/typebox';
import type { SelectQueryBuilder } from 'kysely';
import { MAX_ID } from '../db/column-types.ts';

export const anyone = { access: { allow: 'public' as const } };
export const user = { access: { allow: 'user' as const } };
export const staff = { access: { allow: 'staff' as const } };

/** Ids are 32-bit on PostgreSQL; a larger number could never match and would make it fail. */
export const Id = Type.Integer({ minimum: 1, maximum: MAX_ID });
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

/**
 * Runs a filtered list query for one page, and the same filter for the total count: `counted`
 * when given, the same filter without joins that only add columns (cheaper to count), or a
 * function that knows the count without counting (a whole table's, kept by triggers).
 */
export async function fetchPage<O>(
  query: SelectQueryBuilder<any, any, O>, page: { limit: number; offset: number },
  counted: SelectQueryBuilder<any, any, any> | (() => Promise<number>) = query,
): Promise<{ count: number; rows: O[] }> {
  const count = typeof counted === 'function' ? await counted() : await countRows(counted);
  const rows = await query.limit(page.limit).offset(page.offset).execute();
  return { count, rows };
}

async function countRows(query: SelectQueryBuilder<any, any, any>): Promise<number> {
  const total = await query.clearSelect().clearOrderBy().select((eb) => eb.fn.countAll().as('count')).executeTakeFirst() as { count: number | string | bigint } | undefined;
  return Number(total?.count ?? 0);
}
