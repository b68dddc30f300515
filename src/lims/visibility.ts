// The row-level access rule of the beamline side (DESIGN principle 3): which project-owned rows a
// user may see or change, as one SQL condition over a whole set. Staff see everything; anyone
// else sees the rows of the project that belongs to their account (projects.user_id), and a user
// without a project sees nothing. Every REST list and lookup of project-owned rows goes through it,
// so isolation is decided by the database, never by filtering rows in memory.
import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { badRequest, forbidden } from '../platform/http/errors.ts';

/** Who is asking, as far as row visibility and the activity log are concerned. */
export interface Actor {
  userId: number;
  isStaff: boolean;
  address: string | null;
}

/** A column holding a project id: `<table or alias>.project_id`, or `projects.id` itself. */
export type ProjectColumn = `${string}.project_id` | 'projects.id';

/** The condition "this row's project is one the actor may see". Rows with no project are staff-only. */
export function ownedBy(actor: Actor, column: ProjectColumn): RawBuilder<SqlBool> {
  if (actor.isStaff) return sql<SqlBool>`1 = 1`;
  // "= (one value)", not "in (…)": an account owns at most one project (projects.user_id is
  // unique), and PostgreSQL can then walk an index on (project_id, created_at) in order and stop
  // after a page, instead of joining every row of a big project before sorting.
  return sql<SqlBool>`${sql.ref(column)} = (select own.id from projects own where own.user_id = ${actor.userId})`;
}

/** The actor's own project id, or null when their account has none. */
export async function ownProjectId(db: Db, actor: Actor): Promise<number | null> {
  const row = await db.selectFrom('projects').select('id').where('user_id', '=', actor.userId).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * The project a new record is created for: staff name one (`requested`); owners get their own,
 * and may name only that one. A project the actor cannot see is reported as unknown.
 */
export async function projectForNewRecord(db: Db, actor: Actor, requested: number | undefined): Promise<number> {
  if (requested !== undefined) {
    const row = await db.selectFrom('projects').select('id').where('id', '=', requested).where(ownedBy(actor, 'projects.id')).executeTakeFirst();
    if (!row) throw badRequest('No such project.', { project_id: ['no such project'] });
    return row.id;
  }
  const own = await ownProjectId(db, actor);
  if (own !== null) return own;
  if (actor.isStaff) throw badRequest('Staff must say which project this is for.', { project_id: ['required'] });
  throw forbidden('Your account has no beamline project; ask staff to create one.');
}
