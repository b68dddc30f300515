// The Data Proxy's keys (directory → 40-hex bearer key).
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../config.ts';
import { timestampType } from '../column-types.ts';

export async function up(db: Kysely<any>, _kind: DatabaseKind): Promise<void> {
  await db.schema.createTable('proxy_keys')
    .addColumn('key', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('revoked_at', timestampType)
    .execute();
  // The staff listing is newest first.
  await db.schema.createIndex('proxy_keys_created').on('proxy_keys').column('created_at').execute();
}
