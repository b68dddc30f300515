// The beamline side: projects, beamlines, containers and their layouts, shipments, groups,
// samples, automounters, sessions, datasets, reports, activity log, access lists, SSH keys.
// Seeds the built-in container types and data types.
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../config.ts';
import { booleanType, jsonType, timestampType, withId } from '../column-types.ts';
import { CONTAINER_TYPES, DATA_TYPES } from '../../../lims/catalogue.ts';

export async function up(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  const bool = booleanType(kind);
  const no = kind === 'postgres' ? false : 0;
  const yes = kind === 'postgres' ? true : 1;

  await withId(db.schema.createTable('projects'), kind)
    .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('mxdc_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_person', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_email', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('carrier', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('account_number', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('organisation', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('department', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'varchar(600)', (c) => c.notNull().defaultTo(''))
    .addColumn('city', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('province', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('postal_code', 'varchar(30)', (c) => c.notNull().defaultTo(''))
    .addColumn('country', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('beamlines'), kind)
    .addColumn('acronym', 'varchar(50)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(600)', (c) => c.notNull().defaultTo(''))
    .addColumn('energy_lo', 'double precision', (c) => c.notNull().defaultTo(4))
    .addColumn('energy_hi', 'double precision', (c) => c.notNull().defaultTo(18.5))
    .addColumn('contact_phone', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('active', bool, (c) => c.notNull().defaultTo(yes))
    .execute();

  await withId(db.schema.createTable('container_types'), kind)
    .addColumn('name', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('envelope', 'varchar(10)', (c) => c.notNull().defaultTo(''))
    .addColumn('height', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('radius', 'double precision', (c) => c.notNull().defaultTo(8))
    .execute();

  await withId(db.schema.createTable('container_locations'), kind)
    .addColumn('container_type_id', 'integer', (c) => c.notNull().references('container_types.id').onDelete('cascade'))
    .addColumn('name', 'varchar(5)', (c) => c.notNull())
    .addColumn('x', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('y', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('container_locations_type_name', ['container_type_id', 'name'])
    .execute();

  await db.schema.createTable('container_location_accepts')
    .addColumn('location_id', 'integer', (c) => c.notNull().references('container_locations.id').onDelete('cascade'))
    .addColumn('accepts_type_id', 'integer', (c) => c.notNull().references('container_types.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('container_location_accepts_pk', ['location_id', 'accepts_type_id'])
    .execute();

  await withId(db.schema.createTable('shipments'), kind)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('comments', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('carrier', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('tracking_code', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('return_code', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('storage_location', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('date_shipped', timestampType)
    .addColumn('date_received', timestampType)
    .addColumn('date_returned', timestampType)
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .addUniqueConstraint('shipments_project_name', ['project_id', 'name'])
    .execute();
  await db.schema.createIndex('shipments_state').on('shipments').columns(['state', 'project_id']).execute();

  await withId(db.schema.createTable('containers'), kind)
    .addColumn('project_id', 'integer', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('shipment_id', 'integer', (c) => c.references('shipments.id').onDelete('cascade'))
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('container_type_id', 'integer', (c) => c.notNull().references('container_types.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('containers.id').onDelete('set null'))
    .addColumn('location_id', 'integer', (c) => c.references('container_locations.id'))
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comments', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('containers_project_name').on('containers').columns(['project_id', 'name']).execute();
  await db.schema.createIndex('containers_shipment').on('containers').column('shipment_id').execute();
  await db.schema.createIndex('containers_parent').on('containers').column('parent_id').execute();
  await db.schema.createIndex('containers_state').on('containers').columns(['state', 'project_id']).execute();
  // One container per slot.
  await db.schema.createIndex('containers_slot').on('containers').columns(['parent_id', 'location_id']).unique().execute();

  await withId(db.schema.createTable('automounters'), kind)
    .addColumn('beamline_id', 'integer', (c) => c.notNull().references('beamlines.id').onDelete('cascade'))
    .addColumn('container_id', 'integer', (c) => c.notNull().unique().references('containers.id').onDelete('cascade'))
    .addColumn('active', bool, (c) => c.notNull().defaultTo(no))
    .addColumn('staff_comments', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('automounters_beamline').on('automounters').columns(['beamline_id', 'active']).execute();

  await withId(db.schema.createTable('load_history'), kind)
    .addColumn('child_id', 'integer', (c) => c.notNull().references('containers.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.notNull().references('containers.id').onDelete('cascade'))
    .addColumn('location_id', 'integer', (c) => c.notNull().references('container_locations.id'))
    .addColumn('started_at', timestampType, (c) => c.notNull())
    .addColumn('ended_at', timestampType)
    .addColumn('staff_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('load_history_child').on('load_history').columns(['child_id', 'ended_at']).execute();
  await db.schema.createIndex('load_history_parent').on('load_history').columns(['parent_id', 'started_at']).execute();

  await withId(db.schema.createTable('sample_groups'), kind)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('shipment_id', 'integer', (c) => c.references('shipments.id').onDelete('cascade'))
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull().defaultTo('native'))
    .addColumn('plan', 'varchar(30)', (c) => c.notNull().defaultTo('collect_best'))
    .addColumn('energy', 'double precision')
    .addColumn('absorption_edge', 'varchar(5)', (c) => c.notNull().defaultTo(''))
    .addColumn('resolution', 'double precision')
    .addColumn('comments', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('priority', 'integer')
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sample_groups_project').on('sample_groups').columns(['project_id', 'shipment_id', 'name']).execute();

  await withId(db.schema.createTable('samples'), kind)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('container_id', 'integer', (c) => c.notNull().references('containers.id').onDelete('cascade'))
    .addColumn('location_id', 'integer', (c) => c.notNull().references('container_locations.id'))
    .addColumn('group_id', 'integer', (c) => c.references('sample_groups.id').onDelete('set null'))
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('barcode', 'varchar(60)')
    .addColumn('comments', 'text')
    .addColumn('priority', 'integer')
    .addColumn('collect_status', bool, (c) => c.notNull().defaultTo(no))
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .addUniqueConstraint('samples_container_location', ['container_id', 'location_id'])
    .execute();
  await db.schema.createIndex('samples_project').on('samples').columns(['project_id', 'name']).execute();
  await db.schema.createIndex('samples_group').on('samples').column('group_id').execute();
  await db.schema.createIndex('samples_barcode').on('samples').column('barcode').execute();

  await withId(db.schema.createTable('beamline_sessions'), kind)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('beamline_id', 'integer', (c) => c.notNull().references('beamlines.id'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('comments', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('proxy_key', 'varchar(64)')
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addUniqueConstraint('beamline_sessions_identity', ['project_id', 'beamline_id', 'name'])
    .execute();
  await db.schema.createIndex('beamline_sessions_beamline').on('beamline_sessions').columns(['beamline_id', 'created_at']).execute();

  await withId(db.schema.createTable('stretches'), kind)
    .addColumn('session_id', 'integer', (c) => c.notNull().references('beamline_sessions.id').onDelete('cascade'))
    .addColumn('started_at', timestampType, (c) => c.notNull())
    .addColumn('ended_at', timestampType)
    .execute();
  await db.schema.createIndex('stretches_session').on('stretches').columns(['session_id', 'ended_at']).execute();
  await db.schema.createIndex('stretches_open').on('stretches').columns(['ended_at', 'session_id']).execute();

  await withId(db.schema.createTable('data_types'), kind)
    .addColumn('acronym', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(40)', (c) => c.notNull())
    .addColumn('template', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('metadata_keys', jsonType, (c) => c.notNull().defaultTo('[]'))
    .execute();

  await withId(db.schema.createTable('datasets'), kind)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('beamline_id', 'integer', (c) => c.notNull().references('beamlines.id'))
    .addColumn('session_id', 'integer', (c) => c.references('beamline_sessions.id').onDelete('set null'))
    .addColumn('sample_id', 'integer', (c) => c.references('samples.id').onDelete('set null'))
    .addColumn('group_id', 'integer', (c) => c.references('sample_groups.id').onDelete('set null'))
    .addColumn('data_type_id', 'integer', (c) => c.notNull().references('data_types.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('frames', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('num_frames', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('frames_per_file', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('exposure_time', 'double precision')
    .addColumn('attenuation', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('energy', 'double precision', (c) => c.notNull())
    .addColumn('beam_size', 'double precision')
    .addColumn('proxy_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('meta_data', jsonType, (c) => c.notNull().defaultTo('{}'))
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('start_time', timestampType)
    .addColumn('end_time', timestampType)
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('datasets_project').on('datasets').columns(['project_id', 'created_at']).execute();
  await db.schema.createIndex('datasets_session').on('datasets').column('session_id').execute();
  await db.schema.createIndex('datasets_sample').on('datasets').column('sample_id').execute();
  await db.schema.createIndex('datasets_beamline').on('datasets').columns(['beamline_id', 'created_at']).execute();

  await withId(db.schema.createTable('reports'), kind)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(100)', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('proxy_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('details', jsonType, (c) => c.notNull().defaultTo('[]'))
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reports_project').on('reports').columns(['project_id', 'created_at']).execute();

  await db.schema.createTable('report_datasets')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('report_datasets_pk', ['report_id', 'dataset_id'])
    .execute();
  await db.schema.createIndex('report_datasets_dataset').on('report_datasets').column('dataset_id').execute();

  await withId(db.schema.createTable('activity_log'), kind)
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('project_id', 'integer', (c) => c.references('projects.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('address', 'varchar(64)')
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    .addColumn('object_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('object_id', 'integer')
    .addColumn('description', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_log_project').on('activity_log').columns(['project_id', 'created_at']).execute();

  await withId(db.schema.createTable('access_lists'), kind)
    .addColumn('name', 'varchar(60)', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'varchar(64)', (c) => c.notNull())
    .addColumn('active', bool, (c) => c.notNull().defaultTo(no))
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('access_lists_address').on('access_lists').columns(['address', 'active']).execute();
  await db.schema.createTable('access_list_projects')
    .addColumn('access_list_id', 'integer', (c) => c.notNull().references('access_lists.id').onDelete('cascade'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('access_list_projects_pk', ['access_list_id', 'project_id'])
    .execute();
  await db.schema.createTable('access_list_beamlines')
    .addColumn('access_list_id', 'integer', (c) => c.notNull().references('access_lists.id').onDelete('cascade'))
    .addColumn('beamline_id', 'integer', (c) => c.notNull().references('beamlines.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('access_list_beamlines_pk', ['access_list_id', 'beamline_id'])
    .execute();
  await withId(db.schema.createTable('remote_connections'), kind)
    .addColumn('access_list_id', 'integer', (c) => c.notNull().references('access_lists.id').onDelete('cascade'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('name', 'varchar(48)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('ended_at', timestampType)
    .addUniqueConstraint('remote_connections_identity', ['access_list_id', 'name', 'project_id'])
    .execute();

  await withId(db.schema.createTable('ssh_keys'), kind)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ssh_keys_project').on('ssh_keys').column('project_id').execute();

  await seedCatalogue(db);
}

async function seedCatalogue(db: Kysely<any>): Promise<void> {
  const typeIds = new Map<string, number>();
  for (const type of CONTAINER_TYPES) {
    const row = await db.insertInto('container_types')
      .values({ name: type.name, envelope: type.envelope, height: type.height, radius: type.radius })
      .returning('id').executeTakeFirstOrThrow();
    typeIds.set(type.name, row.id);
  }
  for (const type of CONTAINER_TYPES) {
    for (const [position, location] of type.locations.entries()) {
      const row = await db.insertInto('container_locations')
        .values({ container_type_id: typeIds.get(type.name), name: location.name, x: location.x, y: location.y, position })
        .returning('id').executeTakeFirstOrThrow();
      for (const accepted of location.accepts) {
        await db.insertInto('container_location_accepts').values({ location_id: row.id, accepts_type_id: typeIds.get(accepted) }).execute();
      }
    }
  }
  for (const type of DATA_TYPES) {
    await db.insertInto('data_types')
      .values({ acronym: type.acronym, name: type.name, template: type.template, metadata_keys: JSON.stringify(type.metadataKeys) })
      .execute();
  }
}
