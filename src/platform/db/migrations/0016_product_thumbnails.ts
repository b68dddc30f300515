// Server-rendered previews of FITS data products: where each one's PNG is kept (null until the
// thumbnail job has made it) and why it could not be made (a file that does not decode), so the
// job is not tried again for ever. The partial index finds a target's newest previewed product,
// which the target list shows, without reading the target's other products.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('data_products').addColumn('thumbnail_key', 'text').execute();
  await db.schema.alterTable('data_products').addColumn('thumbnail_error', 'text').execute();
  await db.schema.createIndex('data_products_thumbnailed').on('data_products').columns(['target_id', 'created_at', 'id'])
    .where(sql.ref('thumbnail_key'), 'is not', null).execute();
}
