// Putting containers into other containers: pucks into adaptors, adaptors and cassettes into an
// automounter. Each load checks that the slot exists, accepts that kind of container and is free,
// and keeps the load history. Loading does not change a container's state (it stays on site).
import type { Db } from '../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../platform/http/errors.ts';
import { isoNow } from '../platform/time.ts';

export async function loadContainer(db: Db, input: { childId: number; parentId: number; locationName: string; staffUserId: number | null }): Promise<void> {
  const child = await db.selectFrom('containers').select(['id', 'name', 'container_type_id', 'parent_id', 'location_id']).where('id', '=', input.childId).executeTakeFirst();
  const parent = await db.selectFrom('containers').select(['id', 'name', 'container_type_id']).where('id', '=', input.parentId).executeTakeFirst();
  if (!child || !parent) throw notFound('No such container.');
  if (child.id === parent.id) throw badRequest('A container cannot be loaded into itself.');
  // Refuse cycles: the parent must not sit (at any depth) inside the child.
  for (let ancestor: number | null = parent.id, depth = 0; ancestor !== null && depth < 20; depth++) {
    if (ancestor === child.id) throw badRequest(`${parent.name} is inside ${child.name}; it cannot hold it.`);
    const next: { parent_id: number | null } | undefined = await db.selectFrom('containers').select('parent_id').where('id', '=', ancestor).executeTakeFirst();
    ancestor = next?.parent_id ?? null;
  }
  const location = await db.selectFrom('container_locations').select(['id', 'name'])
    .where('container_type_id', '=', parent.container_type_id).where('name', '=', input.locationName).executeTakeFirst();
  if (!location) throw badRequest(`${parent.name} has no location "${input.locationName}".`, { location: ['no such location'] });
  const accepts = await db.selectFrom('container_location_accepts').select('accepts_type_id')
    .where('location_id', '=', location.id).where('accepts_type_id', '=', child.container_type_id).executeTakeFirst();
  if (!accepts) throw badRequest(`Location ${location.name} of ${parent.name} does not take this kind of container.`, { location: ['does not accept this container type'] });
  if (child.parent_id === parent.id && child.location_id === location.id) return; // already there
  const occupant = await db.selectFrom('containers').select(['id', 'name'])
    .where('parent_id', '=', parent.id).where('location_id', '=', location.id).executeTakeFirst();
  if (occupant) throw conflict(`Location ${location.name} of ${parent.name} already holds ${occupant.name}.`);
  const now = isoNow();
  await endLoad(db, child.id, now);
  await db.updateTable('containers').set({ parent_id: parent.id, location_id: location.id, updated_at: now }).where('id', '=', child.id).execute();
  await db.insertInto('load_history').values({
    child_id: child.id, parent_id: parent.id, location_id: location.id, started_at: now, ended_at: null, staff_user_id: input.staffUserId,
  }).execute();
}

export async function unloadContainer(db: Db, childId: number): Promise<void> {
  const now = isoNow();
  await endLoad(db, childId, now);
  await db.updateTable('containers').set({ parent_id: null, location_id: null, updated_at: now }).where('id', '=', childId).execute();
}

async function endLoad(db: Db, childId: number, now: string): Promise<void> {
  await db.updateTable('load_history').set({ ended_at: now }).where('child_id', '=', childId).where('ended_at', 'is', null).execute();
}
