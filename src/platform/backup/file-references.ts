// The files in the store that database rows name. A backup copies exactly these, as the database
// snapshot names them, so the restored store holds no file without its row and no row without
// its file. A table that starts keeping file keys must be listed here.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export interface FileReference {
  key: string;
  /** The size the row records for a finished file (null: the row records none). */
  size: number | null;
  /** What names it, for messages: "data product 12". */
  owner: string;
}

export async function fileReferences(db: Kysely<any>): Promise<FileReference[]> {
  // Every column: a database of an older schema (no thumbnail_key yet) is backed up just the same.
  const products = await sql<{ id: number; file_key: string; size: number; thumbnail_key?: string | null }>`
    select * from data_products order by id`.execute(db);
  const references: FileReference[] = [];
  for (const row of products.rows) {
    references.push({ key: row.file_key, size: Number(row.size), owner: `data product ${row.id}` });
    if (row.thumbnail_key) references.push({ key: row.thumbnail_key, size: null, owner: `the thumbnail of data product ${row.id}` });
  }
  return references;
}
