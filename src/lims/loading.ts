// Putting containers into other containers: pucks into adaptors, adaptors and cassettes into an
// automounter. Each load checks that the slot exists, accepts that kind of container and is free,
// and keeps the load history. Loading does not change a container's state (it stays on site).
import type { Db } from '../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../platform/http/errors.ts';
import { isoNow } from '../platform/time.ts';
import { recordEvent } from './events/record.ts';

export async function loadContainer(db: Db, input: { childId: number; parentId: number; locationName: string; staffUserId: number | null }): Promise<void> {
  const child = await db.selectFrom('containers').select(['id', 'name', 'container_type_id', 'parent_id', 'location_id', 'project_id', 'shipment_id']).where('id', '=', input.childId).executeTakeFirst();
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
  const leaving = child.parent_id === null ? [] : await automountersAround(db, child.parent_id);
  await endLoad(db, child.id, now);
  await db.updateTable('containers').set({ parent_id: parent.id, location_id: location.id, updated_at: now }).where('id', '=', child.id).execute();
  await db.insertInto('load_history').values({
    child_id: child.id, parent_id: parent.id, location_id: location.id, started_at: now, ended_at: null, staff_user_id: input.staffUserId,
  }).execute();
  await containerMoved(db, child, [...leaving, ...await automountersAround(db, parent.id)]);
}

export async function unloadContainer(db: Db, childId: number): Promise<void> {
  const child = await db.selectFrom('containers').select(['id', 'parent_id', 'project_id', 'shipment_id']).where('id', '=', childId).executeTakeFirst();
  const now = isoNow();
  await endLoad(db, childId, now);
  await db.updateTable('containers').set({ parent_id: null, location_id: null, updated_at: now }).where('id', '=', childId).execute();
  if (child?.parent_id != null) await containerMoved(db, child, await automountersAround(db, child.parent_id));
}

/** The automounters a container sits in (at any depth), itself included when it is one. */
async function automountersAround(db: Db, containerId: number): Promise<{ id: number; beamline_id: number }[]> {
  const chain: number[] = [];
  for (let at: number | null = containerId; at !== null && chain.length < 20; ) {
    chain.push(at);
    const row: { parent_id: number | null } | undefined = await db.selectFrom('containers').select('parent_id').where('id', '=', at).executeTakeFirst();
    at = row?.parent_id ?? null;
  }
  return db.selectFrom('automounters').select(['id', 'beamline_id']).where('container_id', 'in', chain).execute();
}

/** Live events: the container's pages, and the automounters it left or entered (staff views). */
async function containerMoved(
  db: Db, child: { id: number; project_id: number | null; shipment_id: number | null }, automounters: { id: number; beamline_id: number }[],
): Promise<void> {
  await recordEvent(db, 'container.changed', { projectId: child.project_id, beamlineId: null }, { container_id: child.id, shipment_id: child.shipment_id });
  for (const automounter of automounters) {
    await recordEvent(db, 'automounter.changed', { projectId: null, beamlineId: automounter.beamline_id }, {
      automounter_id: automounter.id, beamline_id: automounter.beamline_id,
    });
  }
}

async function endLoad(db: Db, childId: number, now: string): Promise<void> {
  await db.updateTable('load_history').set({ ended_at: now }).where('child_id', '=', childId).where('ended_at', 'is', null).execute();
}
