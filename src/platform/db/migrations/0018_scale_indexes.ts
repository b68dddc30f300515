// Indexes for a facility of a million samples and datasets (docs/benchmarks.md, rest-scale).
// Staff's report and shipment lists open newest first: without an index on created_at they
// sort every row of the facility for one page.
//
// Trigram indexes behind the REST lists' `search` (a case-insensitive substring, matched as
// `lower(column) like '%…%'`, src/platform/http/text-search.ts): without them staff's search reads
// every row of the facility. PostgreSQL only, and only where its pg_trgm extension can be had
// (Debian's postgresql package ships it; it is a trusted extension, so the database's owner may
// create it). Without it, or on SQLite, searches still work by reading the rows.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../config.ts';

/** The columns each list searches, as text-search.ts compares them. */
export const SEARCHED: Array<[table: string, column: string]> = [
  ['samples', 'name'], ['samples', 'barcode'], ['datasets', 'name'], ['reports', 'name'], ['shipments', 'name'],
  ['shipments', 'tracking_code'], ['containers', 'name'], ['beamline_sessions', 'name'],
];

export async function up(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  await db.schema.createIndex('reports_created').on('reports').column('created_at').execute();
  await db.schema.createIndex('shipments_created').on('shipments').column('created_at').execute();
  // A project's sample list opens in container order: walking every project's samples in that
  // order to find one project's page reads further the bigger the facility.
  await db.schema.createIndex('samples_project_container').on('samples').columns(['project_id', 'container_id']).execute();
  if (kind !== 'postgres') return;
  // A failure to create the extension must not abort the migration's transaction: try it in a block of its own.
  await sql`do $$ begin
    create extension if not exists pg_trgm;
  exception when others then
    raise notice 'pg_trgm is not available (%): searches will read every row', sqlerrm;
  end $$`.execute(db);
  const { rows } = await sql<{ found: boolean }>`select exists (select 1 from pg_extension where extname = 'pg_trgm') as found`.execute(db);
  if (!rows[0].found) return;
  for (const [table, column] of SEARCHED) {
    await sql`create index ${sql.id(`${table}_${column}_trigrams`)} on ${sql.id(table)} using gin (lower(${sql.ref(column)}) gin_trgm_ops)`.execute(db);
  }
}
