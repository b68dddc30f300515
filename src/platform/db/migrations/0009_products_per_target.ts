// Two targets may each hold a data product of the same name: product ids (the file name, when a
// load or pipeline gives none) are unique within a target, no longer across all targets. The
// stored path stays unique, as it begins with the target's identifier. Alert emails get an HTML
// part next to the plain text.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../config.ts';

export async function up(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  await db.schema.alterTable('email_outbox').addColumn('html_body', 'text').execute();
  if (kind === 'postgres') await dropPostgresProductIdUnique(db);
  else await rebuildSqliteWithoutProductIdUnique(db);
  await db.schema.createIndex('data_products_target_product').on('data_products').columns(['target_id', 'product_id']).unique().execute();
}

async function dropPostgresProductIdUnique(db: Kysely<any>): Promise<void> {
  const found = await sql<{ conname: string }>`
    select c.conname from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.conrelid = 'data_products'::regclass and c.contype = 'u' and a.attname = 'product_id' and array_length(c.conkey, 1) = 1`.execute(db);
  for (const { conname } of found.rows) await sql`alter table data_products drop constraint ${sql.id(conname)}`.execute(db);
}

// SQLite cannot drop a column's UNIQUE constraint: the table is made again without it, keeping
// every column, row, id and index. With legacy renaming, the tables that refer to data_products
// keep referring to it by name, so they follow the new table and nothing cascades.
async function rebuildSqliteWithoutProductIdUnique(db: Kysely<any>): Promise<void> {
  const table = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'data_products'`.execute(db);
  const create = table.rows[0]?.sql ?? '';
  const withoutUnique = create.replace(/("product_id" varchar\(300\) not null) unique/i, '$1');
  if (withoutUnique === create) throw new Error('data_products.product_id: the unique constraint to replace was not found');
  const indexes = await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = 'data_products' and sql is not null`.execute(db);
  const sequence = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'data_products'`.execute(db);

  await sql`pragma legacy_alter_table = on`.execute(db);
  try {
    await sql`alter table data_products rename to data_products_before_0009`.execute(db);
    await sql.raw(withoutUnique).execute(db);
    await sql`insert into data_products select * from data_products_before_0009`.execute(db);
    await sql`drop table data_products_before_0009`.execute(db);
  } finally {
    await sql`pragma legacy_alter_table = off`.execute(db);
  }
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
  // Ids of deleted products are not handed out again.
  if (sequence.rows[0]) await sql`update sqlite_sequence set seq = max(seq, ${sequence.rows[0].seq}) where name = 'data_products'`.execute(db);
}
