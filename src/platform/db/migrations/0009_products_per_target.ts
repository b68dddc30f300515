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
// every column, row, id and index (SQLite's own procedure: foreign keys off while the new table
// takes the old one's name, so the tables that refer to data_products follow it and nothing
// cascades). SQLite migrations run outside a transaction, so this one makes its own.
async function rebuildSqliteWithoutProductIdUnique(db: Kysely<any>): Promise<void> {
  const table = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'data_products'`.execute(db);
  const create = table.rows[0]?.sql ?? '';
  const withoutUnique = create.replace(/("product_id" varchar\(300\) not null) unique/i, '$1');
  if (withoutUnique === create) throw new Error('data_products.product_id: the unique constraint to replace was not found');
  const createNew = withoutUnique.replace(/^create table "data_products"/i, 'create table "data_products_0009"');
  if (createNew === withoutUnique) throw new Error('data_products: unexpected table definition');
  const indexes = await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = 'data_products' and sql is not null`.execute(db);

  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await sql.raw(createNew).execute(trx);
      await sql`insert into data_products_0009 select * from data_products`.execute(trx);
      // Ids of deleted products are not handed out again.
      await sql`delete from sqlite_sequence where name = 'data_products_0009'`.execute(trx);
      await sql`insert into sqlite_sequence (name, seq) select 'data_products_0009', seq from sqlite_sequence where name = 'data_products'`.execute(trx);
      await sql`drop table data_products`.execute(trx);
      await sql`alter table data_products_0009 rename to data_products`.execute(trx);
      for (const index of indexes.rows) await sql.raw(index.sql).execute(trx);
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error('data_products: foreign keys do not match after the rebuild');
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
