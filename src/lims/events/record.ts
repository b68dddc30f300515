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
  await recordEvents(db, [{ kind, scope, subject } as EventToRecord]);
}

/** One event of recordEvents: a kind with the subject of that kind. */
export type EventToRecord = { [K in EventKind]: { kind: K; scope: EventScope; subject: EventSubjects[K] } }[EventKind];

/** recordEvent for many changes at once, in one statement (a group of uploads committed together). */
export async function recordEvents(db: Db, events: EventToRecord[]): Promise<void> {
  const sent = db.isTransaction ? sentIn.get(db) ?? new Set<string>() : null;
  if (sent) sentIn.set(db, sent);
  const now = isoNow();
  const rows = [];
  for (const { kind, scope, subject } of events) {
    const subjectText = JSON.stringify(subject);
    const key = `${kind} ${subjectText}`;
    if (sent?.has(key)) continue;
    sent?.add(key);
    rows.push({ created_at: now, kind, project_id: scope.projectId, beamline_id: scope.beamlineId, subject: subjectText });
  }
  if (rows.length === 0) return;
  const written = await db.insertInto('events').values(rows).returning('id').execute();
  if (written.some((row) => row.id % PRUNE_EVERY === 0)) {
    await db.deleteFrom('events').where('created_at', '<', new Date(Date.now() - EVENT_RETENTION_MS).toISOString()).execute();
  }
  eventWritten();
}
