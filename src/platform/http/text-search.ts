// Finding records by what a person types: a case-insensitive substring of their names, the same
// on SQLite and PostgreSQL (`lower(column) like lower(pattern)`, with % and _ taken literally).
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';

/** LIKE pattern matching `text` literally, anywhere or at the start (wildcards in user input are escaped with "\"). */
function likeLiteral(text: string, prefixOnly = false): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return prefixOnly ? `${escaped}%` : `%${escaped}%`;
}

/** The same, lower-cased here, for comparing with `lower(column)`. */
export function likeContaining(text: string, prefixOnly = false): string {
  return likeLiteral(text.toLowerCase(), prefixOnly);
}

/** The optional `search` query parameter of a list, saying which fields it looks in. */
export function Search(where: string) {
  return Type.Optional(Type.String({ minLength: 1, maxLength: 150, description: `Case-insensitive text found anywhere in ${where}.` }));
}

/**
 * "Any of these columns contains the text", as one condition. Both sides are lower-cased by the
 * database, so they fold alike (SQLite folds ASCII letters only, PostgreSQL all of them).
 */
export function containsText(columns: string[], text: string): RawBuilder<SqlBool> {
  const pattern = likeLiteral(text);
  const tests = columns.map((column) => sql`lower(${sql.ref(column)}) like lower(${pattern}) escape '\\'`);
  return sql<SqlBool>`(${sql.join(tests, sql` or `)})`;
}
