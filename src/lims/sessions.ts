// Beamline sessions and their stretches of use (spec §3.2, §3.3). The same name on the same
// beamline is the same session; launching one closes whatever else was open on the beamline.
import type { Db } from '../platform/db/database.ts';
import { isoNow } from '../platform/time.ts';
import { logActivity } from './activity.ts';
import { recordEvent } from './events/record.ts';

const REOPEN_WITHIN_MS = 5 * 60 * 1000;

export interface SessionRef {
  id: number;
  name: string;
  projectId: number;
  beamlineId: number;
  created: boolean;
}

export async function findSession(db: Db, projectId: number, beamlineId: number, name: string) {
  return db.selectFrom('beamline_sessions').selectAll()
    .where('project_id', '=', projectId).where('beamline_id', '=', beamlineId).where('name', '=', name)
    .executeTakeFirst();
}

/**
 * Creates the session if new (with its proxy key) and applies the stretch rules: other sessions'
 * open stretches on this beamline end now; this session's stretches that ended in the last five
 * minutes reopen; otherwise a new stretch starts.
 */
export async function launchSession(
  db: Db,
  input: { projectId: number; userId: number; beamlineId: number; name: string; proxyKey: string | null; address: string | null; beamlineAcronym: string },
): Promise<SessionRef> {
  return db.transaction().execute(async (trx) => {
    const now = isoNow();
    // A concurrent launch of the same name may win the insert; then this one joins its session.
    const inserted = await trx.insertInto('beamline_sessions').values({
      project_id: input.projectId, beamline_id: input.beamlineId, name: input.name, comments: '', proxy_key: input.proxyKey, created_at: now,
    }).onConflict((oc) => oc.columns(['project_id', 'beamline_id', 'name']).doNothing()).returning('id').executeTakeFirst();
    const created = inserted !== undefined;
    const session = (await findSession(trx, input.projectId, input.beamlineId, input.name))!;
    const sessionId = session.id;
    const ended = await trx.updateTable('stretches').set({ ended_at: now })
      .where('ended_at', 'is', null)
      .where('session_id', 'in', (eb) => eb.selectFrom('beamline_sessions').select('id').where('beamline_id', '=', input.beamlineId).where('id', '!=', sessionId))
      .returning('session_id').execute();
    const recent = new Date(Date.now() - REOPEN_WITHIN_MS).toISOString();
    await trx.updateTable('stretches').set({ ended_at: null }).where('session_id', '=', sessionId).where('ended_at', '>=', recent).execute();
    const open = await trx.selectFrom('stretches').select('id').where('session_id', '=', sessionId).where('ended_at', 'is', null).executeTakeFirst();
    if (!open) await trx.insertInto('stretches').values({ session_id: sessionId, started_at: now, ended_at: null }).execute();
    await sessionsChanged(trx, [sessionId, ...ended.map((e) => e.session_id)]);
    if (created) {
      await logActivity(trx, {
        projectId: input.projectId, userId: input.userId, address: input.address, action: 'create',
        objectType: 'session', objectId: sessionId, description: `Session launched on ${input.beamlineAcronym}`,
      });
    }
    return { id: sessionId, name: session.name, projectId: input.projectId, beamlineId: input.beamlineId, created };
  });
}

/** Ends the session's open stretches. */
export async function closeSession(db: Db, sessionId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('stretches').set({ ended_at: isoNow() }).where('session_id', '=', sessionId).where('ended_at', 'is', null).execute();
    await sessionsChanged(trx, [sessionId]);
  });
}

/** Tells the sessions' pages (live events) that their stretches changed. */
async function sessionsChanged(trx: Db, ids: number[]): Promise<void> {
  const sessions = await trx.selectFrom('beamline_sessions').select(['id', 'project_id', 'beamline_id']).where('id', 'in', ids).orderBy('id').execute();
  for (const session of sessions) {
    await recordEvent(trx, 'session.changed', { projectId: session.project_id, beamlineId: session.beamline_id }, { session_id: session.id });
  }
}

/** Total time in use, in seconds: every stretch, an open one counting up to now (decision D10). */
export async function sessionSeconds(db: Db, sessionId: number): Promise<number> {
  const stretches = await db.selectFrom('stretches').select(['started_at', 'ended_at']).where('session_id', '=', sessionId).execute();
  const now = Date.now();
  return stretches.reduce((total, s) => total + Math.max(0, (s.ended_at ? Date.parse(s.ended_at) : now) - Date.parse(s.started_at)) / 1000, 0);
}

/** The beamline's active session: the newest with an open stretch (spec §3.5 step 3). */
export async function activeSessionOf(db: Db, beamlineId: number) {
  return db.selectFrom('beamline_sessions').select(['beamline_sessions.id', 'beamline_sessions.project_id'])
    .where('beamline_sessions.beamline_id', '=', beamlineId)
    .where((eb) => eb.exists(eb.selectFrom('stretches').select('stretches.id')
      .whereRef('stretches.session_id', '=', 'beamline_sessions.id').where('stretches.ended_at', 'is', null)))
    .orderBy('beamline_sessions.created_at', 'desc').orderBy('beamline_sessions.id', 'desc')
    .executeTakeFirst();
}
