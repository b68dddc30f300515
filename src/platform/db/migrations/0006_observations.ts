// Observation templates, observation records, new-data events, observation alerts, email outbox.
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../config.ts';
import { jsonType, timestampType, withId } from '../column-types.ts';

export async function up(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  await withId(db.schema.createTable('observation_templates'), kind)
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull().references('targets.id').onDelete('cascade'))
    .addColumn('facility', 'varchar(100)', (c) => c.notNull())
    .addColumn('fields', jsonType, (c) => c.notNull())
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addUniqueConstraint('observation_templates_identity', ['target_id', 'facility', 'name'])
    .execute();

  await withId(db.schema.createTable('observation_records'), kind)
    .addColumn('target_id', 'integer', (c) => c.notNull().references('targets.id').onDelete('cascade'))
    .addColumn('facility', 'varchar(100)', (c) => c.notNull())
    .addColumn('parameters', jsonType, (c) => c.notNull())
    .addColumn('observation_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('status', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('scheduled_start', timestampType)
    .addColumn('scheduled_end', timestampType)
    .addColumn('ingested_at', timestampType)
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .addUniqueConstraint('observation_records_identity', ['facility', 'observation_id'])
    .execute();
  await db.schema.createIndex('observation_records_target').on('observation_records').columns(['target_id', 'created_at']).execute();
  await db.schema.createIndex('observation_records_status').on('observation_records').columns(['facility', 'status']).execute();

  await withId(db.schema.createTable('observation_data_events'), kind)
    .addColumn('observation_record_id', 'integer', (c) => c.notNull().references('observation_records.id').onDelete('cascade'))
    .addColumn('frames', 'integer', (c) => c.notNull())
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('alerts_done_at', timestampType)
    .execute();
  await db.schema.createIndex('observation_data_events_record').on('observation_data_events').column('observation_record_id').execute();

  await withId(db.schema.createTable('observation_alerts'), kind)
    .addColumn('observation_record_id', 'integer', (c) => c.notNull().references('observation_records.id').onDelete('cascade'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('observation_alerts_record').on('observation_alerts').column('observation_record_id').execute();

  await withId(db.schema.createTable('email_outbox'), kind)
    .addColumn('dedupe_key', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('recipient', 'varchar(254)', (c) => c.notNull())
    .addColumn('subject', 'varchar(500)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('state', 'varchar(10)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('sent_at', timestampType)
    .execute();
  await db.schema.createIndex('email_outbox_state').on('email_outbox').columns(['state', 'created_at']).execute();
}
