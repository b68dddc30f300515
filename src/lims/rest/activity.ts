// The activity log as the REST API shows it (who changed what, from where): the entry shape and
// the query behind /activity and /shipments/{id}/history, newest first unless asked otherwise.
import { Type } from '@sinclair/typebox';
import type { Db } from '../../platform/db/database.ts';
import { ownedBy } from '../visibility.ts';
import type { Actor } from '../visibility.ts';
import { Nullable, Timestamp, isoBound, sorting } from './common.ts';

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

const ACTIONS = ['create', 'modify', 'delete', 'archive', 'task'] as const;

/** The log's filters beside the project: what was done, to what kind of record, and when. */
export const ActivityFilters = {
  action: Type.Optional(Type.Union(ACTIONS.map((a) => Type.Literal(a)), { description: 'What was done: create, modify, delete, archive or task.' })),
  object_type: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'The kind of record, e.g. shipment, container, project, session.' })),
  from: Type.Optional(Type.String({ maxLength: 40, description: 'Entries at or after this ISO date or date-time (UTC).' })),
  to: Type.Optional(Type.String({ maxLength: 40, description: 'Entries before this ISO date or date-time (UTC).' })),
};

type ActivityQuery = ReturnType<typeof activityQuery>;

export function filterActivity(query: ActivityQuery, filters: { action?: string; object_type?: string; from?: string; to?: string }): ActivityQuery {
  let filtered = query;
  if (filters.action !== undefined) filtered = filtered.where('activity_log.action', '=', filters.action as (typeof ACTIONS)[number]);
  if (filters.object_type !== undefined) filtered = filtered.where('activity_log.object_type', '=', filters.object_type);
  if (filters.from !== undefined) filtered = filtered.where('activity_log.created_at', '>=', isoBound(filters.from, 'from'));
  if (filters.to !== undefined) filtered = filtered.where('activity_log.created_at', '<', isoBound(filters.to, 'to'));
  return filtered;
}
