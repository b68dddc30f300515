// The files in the store that database rows name. A backup copies exactly these, as the database
// snapshot names them, so the restored store holds no file without its row and no row without
// its file. A table that starts keeping file keys must be listed here.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Db } from '../db/database.ts';

/** A row the snapshot holds but the backup leaves out: its files were being written or deleted. */
export interface LeftOutRow {
  table: 'data_products';
  id: number;
  reason: string;
}

export interface FileReference {
  key: string;
  /** The size the row records for a finished file (null: the row records none). */
  size: number | null;
  /** The row that names it, which is left out of the backup if the file is not whole. */
  row: { table: LeftOutRow['table']; id: number };
  /** What names it, for messages: "data product 12". */
  owner: string;
}

export async function fileReferences(db: Kysely<any>): Promise<FileReference[]> {
  // Every column: a database of an older schema (no thumbnail_key yet) is backed up just the same.
  const products = await sql<{ id: number; file_key: string; size: number; thumbnail_key?: string | null }>`
    select * from data_products order by id`.execute(db);
  const references: FileReference[] = [];
  for (const product of products.rows) {
    const row = { table: 'data_products' as const, id: Number(product.id) };
    references.push({ key: product.file_key, size: Number(product.size), row, owner: `data product ${product.id}` });
    if (product.thumbnail_key) references.push({ key: product.thumbnail_key, size: null, row, owner: `the thumbnail of data product ${product.id}` });
  }
  return references;
}

/**
 * After a restore, removes the rows the backup left out, as if the upload had come just after
 * the snapshot or the delete just before it (their datums and group links go with them, by
 * cascade). Their files were never copied.
 */
export async function removeLeftOutRows(db: Db, rows: LeftOutRow[]): Promise<void> {
  const ids = rows.filter((row) => row.table === 'data_products').map((row) => row.id);
  if (ids.length > 0) await db.deleteFrom('data_products').where('id', 'in', ids).execute();
}
