// The telescope side: targets with typed extra fields, data products and groups, reduced datums,
// and asynchronous processes with their input files.
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../config.ts';
import { booleanType, jsonType, timestampType, withId } from '../column-types.ts';

export async function up(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  const bool = booleanType(kind);
  const float = 'double precision';

  let targets = withId(db.schema.createTable('targets'), kind)
    .addColumn('identifier', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('name2', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('name3', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull());
  for (const column of ['ra', 'dec', 'epoch', 'pm_ra', 'pm_dec', 'parallax']) targets = targets.addColumn(column, float);
  targets = targets.addColumn('scheme', 'varchar(30)');
  for (const column of ['epoch_of_elements', 'mean_anomaly', 'arg_of_perihelion', 'eccentricity', 'lng_asc_node', 'inclination',
    'mean_daily_motion', 'semimajor_axis', 'epoch_of_perihelion', 'perihdist']) targets = targets.addColumn(column, float);
  await targets
    .addColumn('is_public', bool, (c) => c.notNull().defaultTo(kind === 'postgres' ? false : 0))
    .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('targets_owner').on('targets').columns(['owner_id', 'is_public']).execute();

  // Extra fields declared by `lightpath load` (besides those in LIGHTPATH_TARGET_EXTRA_FIELDS).
  await db.schema.createTable('target_extra_fields')
    .addColumn('name', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .execute();

  await db.schema.createTable('target_extras')
    .addColumn('target_id', 'integer', (c) => c.notNull().references('targets.id').onDelete('cascade'))
    .addColumn('key', 'varchar(100)', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('target_extras_pk', ['target_id', 'key'])
    .execute();

  await withId(db.schema.createTable('data_products'), kind)
    .addColumn('target_id', 'integer', (c) => c.notNull().references('targets.id').onDelete('cascade'))
    .addColumn('observation_id', 'integer')
    .addColumn('product_id', 'varchar(300)', (c) => c.notNull().unique())
    .addColumn('file_key', 'varchar(1000)', (c) => c.notNull().unique())
    .addColumn('data_product_type', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('extra_data', jsonType, (c) => c.notNull().defaultTo('{}'))
    .addColumn('size', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('data_products_target').on('data_products').columns(['target_id', 'data_product_type', 'created_at']).execute();
  await db.schema.createIndex('data_products_observation').on('data_products').column('observation_id').execute();

  await withId(db.schema.createTable('data_product_groups'), kind)
    .addColumn('name', 'varchar(300)', (c) => c.notNull().unique())
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createTable('data_product_group_members')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('data_product_groups.id').onDelete('cascade'))
    .addColumn('data_product_id', 'integer', (c) => c.notNull().references('data_products.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('data_product_group_members_pk', ['group_id', 'data_product_id'])
    .execute();
  await db.schema.createIndex('data_product_group_members_product').on('data_product_group_members').column('data_product_id').execute();

  await withId(db.schema.createTable('reduced_datums'), kind)
    .addColumn('target_id', 'integer', (c) => c.notNull().references('targets.id').onDelete('cascade'))
    .addColumn('data_product_id', 'integer', (c) => c.references('data_products.id').onDelete('cascade'))
    .addColumn('data_type', 'varchar(50)', (c) => c.notNull())
    .addColumn('source_name', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('source_location', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('timestamp', timestampType, (c) => c.notNull())
    .addColumn('value', jsonType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reduced_datums_target').on('reduced_datums').columns(['target_id', 'data_type', 'timestamp']).execute();

  await withId(db.schema.createTable('processes'), kind)
    .addColumn('identifier', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('process_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('is_pipeline', bool, (c) => c.notNull())
    .addColumn('pipeline_name', 'varchar(100)')
    .addColumn('target_id', 'integer', (c) => c.references('targets.id').onDelete('cascade'))
    .addColumn('status', 'varchar(50)', (c) => c.notNull())
    .addColumn('failure_message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('logs', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('flags', jsonType)
    .addColumn('group_id', 'integer', (c) => c.references('data_product_groups.id').onDelete('set null'))
    .addColumn('job_id', 'integer')
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('terminal_at', timestampType)
    .execute();
  await db.schema.createIndex('processes_target').on('processes').columns(['target_id', 'created_at']).execute();

  await db.schema.createTable('process_inputs')
    .addColumn('process_id', 'integer', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    .addColumn('data_product_id', 'integer', (c) => c.notNull().references('data_products.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('process_inputs_pk', ['process_id', 'data_product_id'])
    .execute();
  await db.schema.createIndex('process_inputs_product').on('process_inputs').column('data_product_id').execute();
}
