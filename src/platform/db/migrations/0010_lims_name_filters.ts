// Indexes behind the REST list filters that take a name as well as an id (?shipment=Trip-1,
// ?container=PUCK-1, ?group=lyso, ?session=…, ?dataset=…): staff look a name up across every
// project, so the name leads the index.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('shipments_name').on('shipments').column('name').execute();
  await db.schema.createIndex('containers_name').on('containers').column('name').execute();
  await db.schema.createIndex('sample_groups_name').on('sample_groups').column('name').execute();
  await db.schema.createIndex('beamline_sessions_name').on('beamline_sessions').column('name').execute();
  await db.schema.createIndex('datasets_name').on('datasets').column('name').execute();
}
