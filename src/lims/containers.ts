// Containers of a shipment (pucks, cassettes, adaptors…): creating, changing and deleting them
// while their shipment may be edited, and putting one into a slot of another. Owners may seat a
// puck in an adaptor of the same draft shipment; putting containers into automounters, or
// anything across shipments, is staff work on containers that are on site.
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../platform/http/errors.ts';
import { isoNow } from '../platform/time.ts';
import { logActivity } from './activity.ts';
import { activeAutomounterContainer, beamlineByAcronym } from './beamlines.ts';
import { uniqueOr } from '../platform/db/unique-violation.ts';
import { loadContainer, unloadContainer } from './loading.ts';
import { lockEditableShipment } from './shipments.ts';
import type { ContainersTable, TransitState } from './tables.ts';
import { ownedBy } from './visibility.ts';
import type { Actor } from './visibility.ts';

export type Container = Selectable<ContainersTable>;

/** A container type named by its name or its id. */
export async function resolveContainerType(db: Db, type: string | number, field = 'type'): Promise<{ id: number; name: string }> {
  const query = db.selectFrom('container_types').select(['id', 'name']);
  const found = await (typeof type === 'number' ? query.where('id', '=', type) : query.where('name', '=', type)).executeTakeFirst();
  if (!found) throw badRequest(`Unknown container type "${type}".`, { [field]: ['unknown container type'] });
  return found;
}

export async function visibleContainer(db: Db, actor: Actor, id: number, field?: string): Promise<Container> {
  const row = await db.selectFrom('containers').selectAll().where('id', '=', id).where(ownedBy(actor, 'containers.project_id')).executeTakeFirst();
  if (!row) throw field ? badRequest('No such container.', { [field]: ['no such container'] }) : notFound('No such container.');
  return row;
}

/** The container, with its shipment claimed for editing (see lockEditableShipment). */
export async function lockEditableContainer(trx: Db, actor: Actor, id: number, field?: string): Promise<Container> {
  const container = await visibleContainer(trx, actor, id, field);
  if (container.shipment_id === null) throw conflict(`${container.name} is facility equipment; manage it through the automounters.`);
  await lockEditableShipment(trx, actor, container.shipment_id);
  return container;
}

const duplicateName = (name: string) => conflict(`The shipment already has a container named ${name}.`);

async function nameTaken(db: Db, shipmentId: number, name: string, exceptId: number | null): Promise<boolean> {
  let query = db.selectFrom('containers').select('id').where('shipment_id', '=', shipmentId).where('name', '=', name);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface ContainerFields {
  name?: string;
  priority?: number;
  comments?: string;
}

export async function createContainer(db: Db, actor: Actor, input: ContainerFields & { shipment_id: number; name: string; type: string | number }): Promise<Container> {
  return uniqueOr(() => db.transaction().execute(async (trx) => {
    const shipment = await lockEditableShipment(trx, actor, input.shipment_id, 'shipment_id');
    const type = await resolveContainerType(trx, input.type);
    if (await nameTaken(trx, shipment.id, input.name, null)) throw duplicateName(input.name);
    const now = isoNow();
    const row = await trx.insertInto('containers').values({
      project_id: shipment.project_id, shipment_id: shipment.id, name: input.name, container_type_id: type.id, parent_id: null, location_id: null,
      state: shipment.state, priority: input.priority ?? 0, comments: input.comments ?? '', created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await logActivity(trx, {
      projectId: shipment.project_id, userId: actor.userId, address: actor.address, action: 'create', objectType: 'container', objectId: row.id,
      description: `Container ${row.name} (${type.name}) added to shipment ${shipment.name}`,
    });
    return row;
  }), () => duplicateName(input.name));
}

export async function updateContainer(db: Db, actor: Actor, id: number, fields: ContainerFields): Promise<Container> {
  return uniqueOr(() => db.transaction().execute(async (trx) => {
    const current = await lockEditableContainer(trx, actor, id);
    if (fields.name !== undefined && await nameTaken(trx, current.shipment_id!, fields.name, id)) throw duplicateName(fields.name);
    const row = await trx.updateTable('containers').set({ ...fields, updated_at: isoNow() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await logActivity(trx, {
      projectId: current.project_id, userId: actor.userId, address: actor.address, action: 'modify', objectType: 'container', objectId: id,
      description: `Container ${row.name} changed: ${Object.keys(fields).join(', ')}`,
    });
    return row;
  }), () => duplicateName(fields.name ?? ''));
}

/** Deletes the container and its samples; whatever sat in it is taken out first. */
export async function deleteContainer(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await lockEditableContainer(trx, actor, id);
    const children = await trx.selectFrom('containers').select('id').where('parent_id', '=', id).execute();
    for (const child of children) await unloadContainer(trx, child.id);
    await unloadContainer(trx, id);
    await trx.deleteFrom('containers').where('id', '=', id).execute();
    await logActivity(trx, {
      projectId: current.project_id, userId: actor.userId, address: actor.address, action: 'delete', objectType: 'container', objectId: id,
      description: `Container ${current.name} deleted`,
    });
  });
}

export type PlaceTarget = { parent_id: number; location: string } | { beamline: string; location: string };

/** Puts a container into a slot of another container, or of a beamline's active automounter. */
export async function placeContainer(db: Db, actor: Actor, id: number, target: PlaceTarget): Promise<Container> {
  // Two loads racing for one slot: the slot's unique index stops the second.
  return uniqueOr(() => placeInTransaction(db, actor, id, target), () => conflict(`Location ${target.location} was just taken; reload and try again.`));
}

async function placeInTransaction(db: Db, actor: Actor, id: number, target: PlaceTarget): Promise<Container> {
  return db.transaction().execute(async (trx) => {
    const child = await visibleContainer(trx, actor, id);
    if (child.shipment_id === null) throw conflict(`${child.name} is facility equipment; it is not loaded anywhere.`);
    let parent: Container;
    if ('beamline' in target) {
      if (!actor.isStaff) throw forbidden('Only staff load containers into automounters.');
      const beamline = await beamlineByAcronym(trx, target.beamline);
      if (!beamline) throw badRequest(`Unknown beamline "${target.beamline}".`, { beamline: ['unknown beamline'] });
      const automounter = await activeAutomounterContainer(trx, beamline.id);
      if (automounter === null) throw conflict(`Beamline ${beamline.acronym} has no active automounter.`);
      parent = (await trx.selectFrom('containers').selectAll().where('id', '=', automounter).executeTakeFirst())!;
    } else {
      parent = await visibleContainer(trx, actor, target.parent_id, 'parent_id');
    }
    await checkPlacement(trx, actor, child, parent);
    await loadContainer(trx, { childId: child.id, parentId: parent.id, locationName: target.location, staffUserId: actor.isStaff ? actor.userId : null });
    await logActivity(trx, {
      projectId: child.project_id, userId: actor.userId, address: actor.address, action: 'modify', objectType: 'container', objectId: child.id,
      description: `Container ${child.name} put into ${parent.name} at ${target.location}`,
    });
    return (await trx.selectFrom('containers').selectAll().where('id', '=', child.id).executeTakeFirst())!;
  });
}

/** Takes a container out of whatever holds it. */
export async function removeContainer(db: Db, actor: Actor, id: number): Promise<Container> {
  return db.transaction().execute(async (trx) => {
    const child = await visibleContainer(trx, actor, id);
    if (child.parent_id === null) throw conflict(`${child.name} is not in any container.`);
    const parent = (await trx.selectFrom('containers').selectAll().where('id', '=', child.parent_id).executeTakeFirst())!;
    await checkPlacement(trx, actor, child, parent);
    await unloadContainer(trx, child.id);
    await logActivity(trx, {
      projectId: child.project_id, userId: actor.userId, address: actor.address, action: 'modify', objectType: 'container', objectId: child.id,
      description: `Container ${child.name} taken out of ${parent.name}`,
    });
    return (await trx.selectFrom('containers').selectAll().where('id', '=', child.id).executeTakeFirst())!;
  });
}

/**
 * Packing inside one shipment (a puck in its adaptor) is editing that shipment. Anything else
 * (automounters, another shipment's containers) is staff work, and only for containers on site.
 */
async function checkPlacement(trx: Db, actor: Actor, child: Container, parent: Container): Promise<void> {
  if (parent.shipment_id !== null && parent.shipment_id === child.shipment_id) {
    await lockEditableShipment(trx, actor, child.shipment_id);
    return;
  }
  if (!actor.isStaff) throw forbidden('Only staff load containers into automounters or into another shipment\'s containers.');
  const onSite: TransitState = 'on_site';
  if (child.state !== onSite) throw conflict(`${child.name} is ${child.state.replace('_', ' ')}; only containers on site can be loaded or unloaded.`);
  if (parent.project_id !== null && parent.state !== onSite) throw conflict(`${parent.name} is not on site.`);
}
