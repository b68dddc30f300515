// Row counts of the big beamline tables, kept by triggers, so that staff's unfiltered REST lists
// answer their exact `count` without reading a million-row index (docs/benchmarks.md, rest-scale).
//
// One column per counted table in `row_counts`, one row per slot; a table's count is the sum of
// its column. On PostgreSQL each transaction adds its changes to one slot (its transaction id
// modulo 16), so concurrent writers rarely meet on one row, and the triggers are deferred to
// commit: a transaction takes its counter row last and waits for nothing while holding it, so
// two writers can never deadlock over counters. TRUNCATE (which skips row triggers) zeroes the
// table's counts. SQLite has one writer at a time: its triggers keep slot 0.
// Loads that switch triggers off (session_replication_role = replica) must recount after
// (src/platform/db/row-counts.ts).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../config.ts';

/** Each counter: its column, the table it counts, and which of that table's rows (all when no condition). */
export const COUNTED = [
  { column: 'samples', table: 'samples' },
  { column: 'datasets', table: 'datasets' },
  { column: 'reports', table: 'reports' },
  { column: 'activity_log', table: 'activity_log' },
  { column: 'beamline_sessions', table: 'beamline_sessions' },
  { column: 'shipments', table: 'shipments' },
  // /containers lists the containers of projects, not automounters and other staff-owned ones.
  { column: 'project_containers', table: 'containers', projectOnly: true },
] as const;

export const POSTGRES_SLOTS = 16;

export async function up(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  let table = db.schema.createTable('row_counts').addColumn('slot', 'integer', (c) => c.primaryKey());
  for (const { column } of COUNTED) table = table.addColumn(column, 'bigint', (c) => c.notNull().defaultTo(0));
  await table.execute();
  // The triggers first: on PostgreSQL creating them waits for writers to finish and holds new
  // ones back until this migration commits, so the counts below miss no row.
  for (const counter of COUNTED) {
    if (kind === 'postgres') await postgresTriggers(db, counter);
    else await sqliteTriggers(db, counter);
  }
  const slots = kind === 'postgres' ? POSTGRES_SLOTS : 1;
  const columns = COUNTED.map(({ column }) => sql.id(column));
  const counts = COUNTED.map(({ table: name, ...counter }) => sql`case when slot = 0 then (select count(*) from ${sql.id(name)}${
    'projectOnly' in counter ? sql` where project_id is not null` : sql``}) else 0 end`);
  await sql`insert into row_counts (slot, ${sql.join(columns)})
    select slot, ${sql.join(counts)} from (${sql.join(Array.from({ length: slots }, (_, i) => sql`select ${sql.lit(i)} as slot`), sql` union all `)}) slots`.execute(db);
}

type Counter = (typeof COUNTED)[number];

async function postgresTriggers(db: Kysely<any>, counter: Counter): Promise<void> {
  const column = sql.id(counter.column);
  const fn = sql.id(`count_${counter.column}`);
  // Only containers' triggers see UPDATEs: those that give a container a project or take it away.
  await sql`create function ${fn}() returns trigger language plpgsql as $$
    declare
      delta integer;
    begin
      if tg_op = 'TRUNCATE' then
        update row_counts set ${column} = 0;
        return null;
      elsif tg_op = 'INSERT' then delta := 1;
      elsif tg_op = 'DELETE' then delta := -1;
      elsif new.project_id is null then delta := -1;
      else delta := 1;
      end if;
      update row_counts set ${column} = ${column} + delta where slot = txid_current() % ${sql.lit(POSTGRES_SLOTS)};
      return null;
    end $$`.execute(db);
  const on = sql.id(counter.table);
  const name = (event: string) => sql.id(`${counter.column}_counted_on_${event}`);
  const deferred = sql`deferrable initially deferred for each row`;
  if ('projectOnly' in counter) {
    await sql`create constraint trigger ${name('insert')} after insert on ${on} ${deferred} when (new.project_id is not null) execute function ${fn}()`.execute(db);
    await sql`create constraint trigger ${name('delete')} after delete on ${on} ${deferred} when (old.project_id is not null) execute function ${fn}()`.execute(db);
    await sql`create constraint trigger ${name('update')} after update of project_id on ${on} ${deferred}
      when ((old.project_id is null) <> (new.project_id is null)) execute function ${fn}()`.execute(db);
  } else {
    await sql`create constraint trigger ${name('insert')} after insert on ${on} ${deferred} execute function ${fn}()`.execute(db);
    await sql`create constraint trigger ${name('delete')} after delete on ${on} ${deferred} execute function ${fn}()`.execute(db);
  }
  await sql`create trigger ${name('truncate')} after truncate on ${on} for each statement execute function ${fn}()`.execute(db);
}

async function sqliteTriggers(db: Kysely<any>, counter: Counter): Promise<void> {
  const column = sql.id(counter.column);
  const on = sql.id(counter.table);
  const name = (event: string) => sql.id(`${counter.column}_counted_on_${event}`);
  const add = (delta: ReturnType<typeof sql>) => sql`update row_counts set ${column} = ${column} + ${delta} where slot = 0;`;
  const projectOnly = 'projectOnly' in counter;
  await sql`create trigger ${name('insert')} after insert on ${on} ${projectOnly ? sql`when new.project_id is not null` : sql``}
    begin ${add(sql`1`)} end`.execute(db);
  await sql`create trigger ${name('delete')} after delete on ${on} ${projectOnly ? sql`when old.project_id is not null` : sql``}
    begin ${add(sql`-1`)} end`.execute(db);
  if (projectOnly) {
    await sql`create trigger ${name('update')} after update of project_id on ${on} when (old.project_id is null) <> (new.project_id is null)
      begin ${add(sql`case when new.project_id is null then -1 else 1 end`)} end`.execute(db);
  }
}
