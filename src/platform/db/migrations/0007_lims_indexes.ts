// Indexes behind the filters of the LIMS REST API (every list filter is served by an index), and
// unique names of containers and groups within a shipment.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../config.ts';

export async function up(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  await db.schema.createIndex('containers_type').on('containers').column('container_type_id').execute();
  await db.schema.createIndex('containers_shipment_name').on('containers').columns(['shipment_id', 'name']).unique().execute();
  await db.schema.createIndex('sample_groups_shipment_name').on('sample_groups').columns(['shipment_id', 'name']).unique().execute();
  // Name-prefix search: SQLite's GLOB uses a plain index; PostgreSQL's LIKE 'x%' needs pattern ops
  // whatever the database collation.
  if (kind === 'postgres') await sql`create index samples_name on samples (name varchar_pattern_ops)`.execute(db);
  else await db.schema.createIndex('samples_name').on('samples').column('name').execute();
  await db.schema.createIndex('datasets_type').on('datasets').columns(['data_type_id', 'created_at']).execute();
  await db.schema.createIndex('datasets_created').on('datasets').column('created_at').execute();
  await db.schema.createIndex('beamlines_active').on('beamlines').column('active').execute();
}
