// The row counts triggers keep (migration 0019): read one, compare them all with the rows, and
// recount them after anything that wrote rows with triggers switched off (a bulk load as
// PostgreSQL superuser with session_replication_role = replica), or when `lightpath doctor`
// finds one wrong.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../config.ts';
import { COUNTED } from './migrations/0019_row_counts.ts';

export type CountedColumn = (typeof COUNTED)[number]['column'];

type Counter = (typeof COUNTED)[number];

/** count(*) of the rows a counter counts. */
function rowsCounted(counter: Counter) {
  return sql<number>`(select count(*) from ${sql.id(counter.table)}${'projectOnly' in counter ? sql` where project_id is not null` : sql``})`;
}

/** A table's count as the triggers keep it: the sum over its slots. */
export async function keptCount(db: Kysely<any>, column: CountedColumn): Promise<number> {
  const { rows } = await sql<{ n: number | string | null }>`select sum(${sql.id(column)}) as n from row_counts`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export interface CountDifference {
  column: CountedColumn;
  table: string;
  kept: number;
  actual: number;
}

/** Every counter whose kept count differs from its rows (reads each counted table whole). */
export async function countDifferences(db: Kysely<any>): Promise<CountDifference[]> {
  const differences: CountDifference[] = [];
  for (const counter of COUNTED) {
    const { rows } = await sql<{ n: number | string }>`select ${rowsCounted(counter)} as n`.execute(db);
    const actual = Number(rows[0].n);
    const kept = await keptCount(db, counter.column);
    if (kept !== actual) differences.push({ column: counter.column, table: counter.table, kept, actual });
  }
  return differences;
}

/**
 * Sets every counter to its rows' count. On PostgreSQL the counter table is locked first, so a
 * writer committing meanwhile is either counted here or adds its rows after (never both, never
 * neither). Writers wait for the recount, which reads each counted table once.
 */
export async function recountRows(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (kind === 'postgres') await sql`lock table row_counts in exclusive mode`.execute(trx);
    const sets = COUNTED.map((counter) => sql`${sql.id(counter.column)} = case when slot = 0 then ${rowsCounted(counter)} else 0 end`);
    await sql`update row_counts set ${sql.join(sets)}`.execute(trx);
  });
}
