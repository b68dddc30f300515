// The activity log: who created or changed what, from where. Written in the same transaction as
// the change it describes.
import type { Db } from '../platform/db/database.ts';
import type { ActivityLogTable } from './tables.ts';
import { isoNow } from '../platform/time.ts';

export interface ActivityEntry {
  projectId: number | null;
  userId: number | null;
  address: string | null;
  action: ActivityLogTable['action'];
  objectType: string;
  objectId: number | null;
  description: string;
}

export async function logActivity(db: Db, entry: ActivityEntry): Promise<void> {
  await logActivities(db, [entry]);
}

/** logActivity for many entries at once, in one statement. */
export async function logActivities(db: Db, entries: ActivityEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const now = isoNow();
  await db.insertInto('activity_log').values(entries.map((entry) => ({
    created_at: now, project_id: entry.projectId, user_id: entry.userId, address: entry.address,
    action: entry.action, object_type: entry.objectType, object_id: entry.objectId, description: entry.description,
  }))).execute();
}
