// Finding records by what a person types: a case-insensitive substring of their names, the same
// on SQLite and PostgreSQL (`lower(column) like lower(pattern)`, with % and _ taken literally).
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';

/** LIKE pattern matching `text` literally (wildcards in user input are escaped with "\"). */
export function likeContaining(text: string, prefixOnly = false): string {
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return prefixOnly ? `${escaped}%` : `%${escaped}%`;
}

/** The optional `search` query parameter of a list, saying which fields it looks in. */
export function Search(where: string) {
  return Type.Optional(Type.String({ minLength: 1, maxLength: 150, description: `Case-insensitive text found anywhere in ${where}.` }));
}

/** "Any of these columns contains the text", as one condition. */
export function containsText(columns: string[], text: string): RawBuilder<SqlBool> {
  const pattern = likeContaining(text);
  const tests = columns.map((column) => sql`lower(${sql.ref(column)}) like ${pattern} escape '\\'`);
  return sql<SqlBool>`(${sql.join(tests, sql` or `)})`;
}
