// The activity log as the REST API shows it (who changed what, from where): the entry shape and
// the query behind /activity and /shipments/{id}/history, newest first unless asked otherwise.
import { Type } from '@sinclair/typebox';
import type { Db } from '../../platform/db/database.ts';
import { ownedBy } from '../visibility.ts';
import type { Actor } from '../visibility.ts';
import { Nullable, Timestamp, sorting } from './common.ts';

export const ActivityOut = Type.Object({
  id: Type.Integer(),
  created_at: Timestamp,
  project_id: Nullable(Type.Integer()),
  user_id: Nullable(Type.Integer()),
  username: Nullable(Type.String({ description: 'Who did it; null when no account did (e.g. MxDC).' })),
  address: Nullable(Type.String()),
  action: Type.String(),
  object_type: Type.String(),
  object_id: Nullable(Type.Integer()),
  description: Type.String(),
}, { $id: 'LimsActivity' });

export const activityOrder = sorting({ created_at: 'activity_log.created_at', action: 'activity_log.action', id: 'activity_log.id' }, 'activity_log.id');

/** The entries the actor may see, in the order asked. */
export function activityQuery(db: Db, actor: Actor, ordering: string | undefined) {
  const visible = db.selectFrom('activity_log').leftJoin('users', 'users.id', 'activity_log.user_id')
    .selectAll('activity_log').select('users.username')
    .where(ownedBy(actor, 'activity_log.project_id'));
  return activityOrder.apply(visible, ordering, (q) => q.orderBy('activity_log.created_at', 'desc').orderBy('activity_log.id', 'desc'));
}
