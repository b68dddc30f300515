// The `ordering` parameter of paged lists: a field name, or "-field" for descending, from a fixed
// set each list declares (its enum lands in the OpenAPI document, and anything else is a 400 from
// the schema). Only indexed or cheap columns are offered. Ties are broken by the list's unique
// key in the same direction, so limit/offset paging never repeats or skips a row.
import { Type } from '@sinclair/typebox';
import type { TOptional, TUnsafe } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { SelectQueryBuilder } from 'kysely';

/** A column to sort by; `nullable` ones sort their nulls last either way, as SQLite and PostgreSQL otherwise disagree. */
export interface SortColumn {
  column: string;
  nullable?: boolean;
}

type Query = SelectQueryBuilder<any, any, any>;

export interface Sorting<F extends string> {
  /** The optional `ordering` query parameter. */
  param: TOptional<TUnsafe<F | `-${F}`>>;
  /** Orders the query as asked, or by `byDefault` when nothing was asked. */
  apply<Q extends Query>(query: Q, ordering: string | undefined, byDefault: (query: Q) => Q): Q;
}

/**
 * A list's sort fields, each naming its column (e.g. "s.created_at"), and the unique column that
 * breaks ties (e.g. "s.id").
 */
export function sorting<const F extends string>(fields: Record<F, string | SortColumn>, tiebreak: string): Sorting<F> {
  const names = Object.keys(fields) as F[];
  const values = names.flatMap((name) => [name, `-${name}`]);
  const param = Type.Optional(Type.Unsafe<F | `-${F}`>({
    type: 'string', enum: values,
    description: `Sort by ${names.join(', ')}; a leading "-" sorts descending. Ties are broken by ${tiebreak.replace(/^\w+\./, '')}.`,
  }));
  return {
    param,
    apply(query, ordering, byDefault) {
      if (ordering === undefined) return byDefault(query);
      const descending = ordering.startsWith('-');
      const field = (descending ? ordering.slice(1) : ordering) as F;
      const spec = fields[field];
      if (spec === undefined) return byDefault(query);
      const { column, nullable } = typeof spec === 'string' ? { column: spec, nullable: false } : spec;
      const direction = descending ? 'desc' : 'asc';
      let ordered = query;
      if (nullable) ordered = ordered.orderBy(sql`case when ${sql.ref(column)} is null then 1 else 0 end`) as typeof query;
      ordered = ordered.orderBy(sql.ref(column), direction) as typeof query;
      return (column === tiebreak ? ordered : ordered.orderBy(sql.ref(tiebreak), direction)) as typeof query;
    },
  };
}
