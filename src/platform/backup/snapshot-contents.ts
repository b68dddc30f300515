// What a database snapshot holds, read inside it: its schema version, how many rows each table
// has, and the files its rows name. The manifest records the first two; restore checks them.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../config.ts';
import { MIGRATION_TABLE } from '../db/migrate.ts';
import { BackupError } from './backup-error.ts';
import { fileReferences } from './file-references.ts';
import type { FileReference } from './file-references.ts';

export interface SnapshotContents {
  kind: DatabaseKind;
  migrations: string[];
  rowCounts: Record<string, number>;
  references: FileReference[];
}

export async function readSnapshotContents(db: Kysely<any>, kind: DatabaseKind): Promise<SnapshotContents> {
  if (!(await listTables(db, kind)).includes(MIGRATION_TABLE)) {
    throw new BackupError('the database holds no Lightpath data yet (it was never migrated): there is nothing to back up');
  }
  const migrations = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
  return {
    kind,
    migrations: migrations.rows.map((row) => row.name),
    rowCounts: await countRows(db, kind),
    references: await fileReferences(db),
  };
}

/** Rows per table ("schema.table" outside PostgreSQL's public schema, where pg-boss keeps its jobs). */
export async function countRows(db: Kysely<any>, kind: DatabaseKind): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(db, kind)) {
    const [schema, name] = table.includes('.') ? table.split('.') : [null, table];
    const ref = schema ? sql`${sql.id(schema)}.${sql.id(name)}` : sql.id(name);
    const result = await sql<{ n: number }>`select count(*) as n from ${ref}`.execute(db);
    counts[table] = Number(result.rows[0].n);
  }
  return counts;
}

export async function listTables(db: Kysely<any>, kind: DatabaseKind): Promise<string[]> {
  if (kind === 'sqlite') {
    const result = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
    return result.rows.map((row) => row.name);
  }
  // Partitioned parents are left out: their partitions are counted.
  const result = await sql<{ schema: string; name: string }>`
    select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
    order by n.nspname <> 'public', n.nspname, c.relname`.execute(db);
  return result.rows.map((row) => (row.schema === 'public' ? row.name : `${row.schema}.${row.name}`));
}
