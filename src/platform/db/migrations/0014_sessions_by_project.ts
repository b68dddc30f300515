// A project's sessions, newest first (the web app's session list and dashboard): without this the
// database reads every session of a big project to sort them before it can answer one page.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('beamline_sessions_project').on('beamline_sessions').columns(['project_id', 'created_at']).execute();
}
