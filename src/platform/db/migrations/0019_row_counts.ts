// Row counts of the big beamline tables, kept by triggers, so that staff's unfiltered REST lists
// answer their exact `count` without reading a million-row index (docs/benchmarks.md, rest-scale).
//
// One column per counted table in `row_counts`, one row per slot; a table's count is the sum of
// its column. On PostgreSQL each changed row adds to a transaction-local tally (a setting, so a
// rolled-back savepoint takes it back), and the tallies are added once, at commit, to one slot:
// the transaction id modulo 16, so concurrent writers rarely meet on one row. At commit a
// transaction takes that row last and waits for nothing while holding it, so writers can never
// deadlock over counters; and a transaction deleting 10⁵ rows updates its counter once, not 10⁵
// times (each update of one row in one transaction leaves a version the next must step over).
// TRUNCATE (which skips row triggers) zeroes the table's counts. SQLite has one writer at a time
// and updates in place: its row triggers keep slot 0.
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
  if (kind === 'postgres') await postgresFunctions(db);
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

/** The transaction-local setting holding a counter's tally, and the one saying the commit-time update is queued. */
const tally = (column: string) => sql.lit(`lightpath_row_counts.${column}`);
const QUEUED = sql.lit('lightpath_row_counts.queued');

async function postgresFunctions(db: Kysely<any>): Promise<void> {
  // Adds `delta` to a counter's tally. It is called from the condition (WHEN) of the trigger that
  // adds the tallies at commit, and says whether to queue that trigger: only for the first row a
  // transaction changes (and again after its tallies were added), not once per row.
  await sql`create function count_rows_note(counter text, delta integer) returns boolean language plpgsql as $$
    declare
      setting text := 'lightpath_row_counts.' || counter;
    begin
      perform set_config(setting, (coalesce(nullif(current_setting(setting, true), ''), '0')::bigint + delta)::text, true);
      if current_setting(${QUEUED}, true) = 'yes' then return false; end if;
      perform set_config(${QUEUED}, 'yes', true);
      return true;
    end $$`.execute(db);
  const tallied = (column: string) => sql`coalesce(nullif(current_setting(${tally(column)}, true), ''), '0')::bigint`;
  const sets = COUNTED.map(({ column }) => sql`${sql.id(column)} = ${sql.id(column)} + ${tallied(column)}`);
  const resets = COUNTED.map(({ column }) => sql`perform set_config(${tally(column)}, '0', true);`);
  await sql`create function count_rows_add_tallies() returns trigger language plpgsql as $$
    begin
      update row_counts set ${sql.join(sets)} where slot = txid_current() % ${sql.lit(POSTGRES_SLOTS)};
      ${sql.join(resets, sql` `)}
      perform set_config(${QUEUED}, 'no', true);
      return null;
    end $$`.execute(db);
}

async function postgresTriggers(db: Kysely<any>, counter: Counter): Promise<void> {
  const on = sql.id(counter.table);
  const name = (event: string) => sql.id(`${counter.column}_counted_on_${event}`);
  const note = (delta: number) => sql`count_rows_note(${sql.lit(counter.column)}, ${sql.lit(delta)})`;
  const atCommit = sql`deferrable initially deferred for each row`;
  const add = sql`execute function count_rows_add_tallies()`;
  if ('projectOnly' in counter) {
    // CASE, not AND: it guarantees the tally is noted only for a row that counts.
    await sql`create constraint trigger ${name('insert')} after insert on ${on} ${atCommit}
      when (case when new.project_id is not null then ${note(1)} else false end) ${add}`.execute(db);
    await sql`create constraint trigger ${name('delete')} after delete on ${on} ${atCommit}
      when (case when old.project_id is not null then ${note(-1)} else false end) ${add}`.execute(db);
    // Containers keep their project in practice; should one gain or lose it, the count follows.
    await sql`create constraint trigger ${name('update')} after update of project_id on ${on} ${atCommit}
      when (case when (old.project_id is null) = (new.project_id is null) then false
        when new.project_id is null then ${note(-1)} else ${note(1)} end) ${add}`.execute(db);
  } else {
    await sql`create constraint trigger ${name('insert')} after insert on ${on} ${atCommit} when (${note(1)}) ${add}`.execute(db);
    await sql`create constraint trigger ${name('delete')} after delete on ${on} ${atCommit} when (${note(-1)}) ${add}`.execute(db);
  }
  const truncated = sql.id(`count_rows_truncated_${counter.column}`);
  await sql`create function ${truncated}() returns trigger language plpgsql as $$
    begin
      update row_counts set ${sql.id(counter.column)} = 0;
      return null;
    end $$`.execute(db);
  await sql`create trigger ${name('truncate')} after truncate on ${on} for each statement execute function ${truncated}()`.execute(db);
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
