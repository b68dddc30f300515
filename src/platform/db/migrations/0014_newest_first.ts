// Lists the web app opens on, newest first: a project's sessions (its session list and dashboard),
// every session (staff) and the activity log (staff). Without these the database reads and sorts
// every row of a big project, or of the whole facility, before it can answer one page.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('beamline_sessions_project').on('beamline_sessions').columns(['project_id', 'created_at']).execute();
  await db.schema.createIndex('beamline_sessions_created').on('beamline_sessions').column('created_at').execute();
  await db.schema.createIndex('activity_log_created').on('activity_log').column('created_at').execute();
}
