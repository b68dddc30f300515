// The post-session survey MxDC links to: the support areas users rate, one feedback per session,
// and its ratings. A rating is −2, −1, 1 or 2; N/A is stored as 0, as MxLIVE stored it.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DatabaseKind } from '../../../config.ts';
import { booleanType, timestampType, withId } from '../column-types.ts';

export async function up(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  const bool = booleanType(kind);

  await withId(db.schema.createTable('support_areas'), kind)
    .addColumn('name', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('active', bool, (c) => c.notNull().defaultTo(kind === 'postgres' ? true : 1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('session_feedback'), kind)
    .addColumn('session_id', 'integer', (c) => c.notNull().unique().references('beamline_sessions.id').onDelete('cascade'))
    .addColumn('comments', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact', bool, (c) => c.notNull().defaultTo(kind === 'postgres' ? false : 0))
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_feedback_created').on('session_feedback').column('created_at').execute();

  // An area that has ratings cannot be deleted (it is deactivated instead), so results keep their names.
  await db.schema.createTable('feedback_ratings')
    .addColumn('feedback_id', 'integer', (c) => c.notNull().references('session_feedback.id').onDelete('cascade'))
    .addColumn('area_id', 'integer', (c) => c.notNull().references('support_areas.id'))
    .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between -2 and 2`))
    .addPrimaryKeyConstraint('feedback_ratings_pk', ['feedback_id', 'area_id'])
    .execute();
  await db.schema.createIndex('feedback_ratings_area').on('feedback_ratings').column('area_id').execute();
}
