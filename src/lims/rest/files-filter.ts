// The `without_files` filter of sessions, datasets and reports (decision D17): records whose
// directory was outside the data roots keep a key that serves nothing; staff find them here.
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { Db } from '../../platform/db/database.ts';

export const WithoutFiles = Type.Optional(Type.Boolean({
  description: 'true: only records without downloadable files (their directory was outside the configured data roots, so their download links answer 404); false: only records with files.',
}));

/** A condition on a record's `proxy_key` column, e.g. "d.proxy_key". */
export function filesCondition(keyColumn: string, withoutFiles: boolean): RawBuilder<boolean> {
  const column = sql.ref(keyColumn);
  const fileless = sql`(select pk.key from proxy_keys pk where pk.outside_roots = ${true})`;
  return withoutFiles
    ? sql<boolean>`(${column} is null or ${column} in ${fileless})`
    : sql<boolean>`(${column} is not null and ${column} not in ${fileless})`;
}

/** Of these keys, the ones that serve no files (kept for a directory outside the data roots), in one query. */
export async function filelessKeys(db: Db, keys: (string | null)[]): Promise<Set<string>> {
  const wanted = [...new Set(keys.filter((key): key is string => key !== null))];
  if (wanted.length === 0) return new Set();
  const rows = await db.selectFrom('proxy_keys').select('key').where('key', 'in', wanted).where('outside_roots', '=', true).execute();
  return new Set(rows.map((row) => row.key));
}

export const HasFiles = Type.Boolean({
  description: 'Whether its download links serve files: false when its directory was outside the configured data roots (those links answer 404).',
});
