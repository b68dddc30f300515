// The live-event log behind GET /rest/v1/events: one row per change a web page may want to
// refresh, written in the transaction of the change, so every server process (sharing one
// PostgreSQL database) can stream it. Rows carry ids only and are pruned after a day.
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../config.ts';
import { jsonType, timestampType } from '../column-types.ts';

export async function up(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  await db.schema.createTable('events')
    .addColumn('id', kind === 'postgres' ? 'bigserial' : 'integer', (c) => (kind === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('project_id', 'integer')
    .addColumn('beamline_id', 'integer')
    .addColumn('subject', jsonType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_created').on('events').column('created_at').execute();
}
