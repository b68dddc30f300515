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

/** count(*) of the rows a counter counts, as SQL (the names are this file's constants). */
function rowsCounted(counter: Counter): string {
  return `(select count(*) from ${counter.table}${'projectOnly' in counter ? ' where project_id is not null' : ''})`;
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
    // One statement, so a writer's rows and its counter change are seen together or not at all.
    const { rows } = await sql<{ actual: number | string; kept: number | string | null }>`select ${sql.raw(rowsCounted(counter))} as actual,
      (select sum(${sql.id(counter.column)}) from row_counts) as kept`.execute(db);
    const [actual, kept] = [Number(rows[0].actual), Number(rows[0].kept ?? 0)];
    if (kept !== actual) differences.push({ column: counter.column, table: counter.table, kept, actual });
  }
  return differences;
}

/**
 * The statements, in one transaction, that set every counter to its rows' count. On PostgreSQL
 * the counter table is locked first, so a writer committing meanwhile is either counted here or
 * adds its rows after (never both, never neither); writers wait while each table is counted.
 * Plain SQL, so a bulk loader holding a bare connection can run them too.
 */
export function recountStatements(kind: DatabaseKind): string[] {
  const sets = COUNTED.map((counter) => `${counter.column} = case when slot = 0 then ${rowsCounted(counter)} else 0 end`);
  return [...(kind === 'postgres' ? ['lock table row_counts in exclusive mode'] : []), `update row_counts set ${sets.join(', ')}`];
}

export async function recountRows(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const statement of recountStatements(kind)) await sql.raw(statement).execute(trx);
  });
}
