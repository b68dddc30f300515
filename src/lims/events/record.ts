// Writing live events. Domain services call recordEvent inside the transaction of the change it
// reports, so the event is committed exactly when the change is, and streams in every server
// process (they poll the table) see it. Old rows are pruned now and then by the writes themselves.
import type { Db } from '../../platform/db/database.ts';
import { isoNow } from '../../platform/time.ts';
import { eventWritten } from './bus.ts';
import type { EventKind, EventSubjects } from './kinds.ts';

/** Events are for pages open now; a day is plenty for a reconnecting browser. */
export const EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;
/** Every this many events, the write also deletes those older than the retention. */
export const PRUNE_EVERY = 100;

export interface EventScope {
  /** Whose record changed; null for facility equipment, which only staff hear of. */
  projectId: number | null;
  beamlineId: number | null;
}

// One transaction may touch the same record many times (unloading ten pucks from one
// automounter); its page needs to hear of it once.
const sentIn = new WeakMap<Db, Set<string>>();

export async function recordEvent<K extends EventKind>(db: Db, kind: K, scope: EventScope, subject: EventSubjects[K]): Promise<void> {
  const subjectText = JSON.stringify(subject);
  if (db.isTransaction) {
    const sent = sentIn.get(db) ?? new Set<string>();
    sentIn.set(db, sent);
    const key = `${kind} ${subjectText}`;
    if (sent.has(key)) return;
    sent.add(key);
  }
  const row = await db.insertInto('events').values({
    created_at: isoNow(), kind, project_id: scope.projectId, beamline_id: scope.beamlineId, subject: subjectText,
  }).returning('id').executeTakeFirstOrThrow();
  if (row.id % PRUNE_EVERY === 0) {
    await db.deleteFrom('events').where('created_at', '<', new Date(Date.now() - EVENT_RETENTION_MS).toISOString()).execute();
  }
  eventWritten();
}
