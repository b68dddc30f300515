// Replays recorded queries (scripts/record-hot-path-queries.ts) in order, on one connection, and
// fails at the first that the database refuses, naming it.
import fs from 'node:fs';
import path from 'node:path';
import { CompiledQuery } from 'kysely';
import type { Kysely } from 'kysely';

export interface RecordedQuery {
  sql: string;
  parameters: unknown[];
}

/** Transaction control is left out: concurrent requests' transactions interleave in a recording. */
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

export function recordedQueries(release: string, kind: 'sqlite' | 'postgres'): RecordedQuery[] {
  const file = path.join(import.meta.dirname, 'queries', release, `${kind}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as RecordedQuery[];
}

export async function replay(db: Kysely<any>, queries: RecordedQuery[]): Promise<number> {
  let ran = 0;
  for (const [index, query] of queries.entries()) {
    if (TRANSACTION_CONTROL.test(query.sql)) continue;
    try {
      await db.executeQuery(CompiledQuery.raw(query.sql, query.parameters));
    } catch (error) {
      throw new Error(`recorded query ${index + 1} failed: ${(error as Error).message}\n  ${query.sql}`, { cause: error });
    }
    ran++;
  }
  return ran;
}
