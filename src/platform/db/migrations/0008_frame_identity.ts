// What makes an ingested frame the same frame again: the archive's frame id when the facility gives
// one, else the SHA-256 of the file. Each is unique within a target, so ingesting a frame twice
// (by two workers at once, or again later) stores it once.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../config.ts';

export async function up(db: Kysely<any>, _kind: DatabaseKind): Promise<void> {
  await db.schema.alterTable('data_products').addColumn('archive_frame_id', 'varchar(300)').execute();
  await db.schema.alterTable('data_products').addColumn('checksum', 'varchar(64)').execute();
  // Frames ingested so far were named "<facility>_<frame id>", the archive frame id's form.
  await sql`update data_products set archive_frame_id = product_id where observation_id is not null`.execute(db);
  await db.schema.createIndex('data_products_archive_frame').on('data_products').columns(['target_id', 'archive_frame_id']).unique().execute();
  await db.schema.createIndex('data_products_checksum').on('data_products').columns(['target_id', 'checksum']).unique().execute();
}
