// Shipments and their life cycle (spec §4.1). A shipment and its containers move together through
// draft → sent → on_site → returned → archived along the allowed transitions; each named action
// below is one of those transitions with who may take it and what else it records. Contents
// (containers, groups, samples) change only while the shipment is a draft, except that staff may
// fix them while it is sent or on site.
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../platform/http/errors.ts';
import { isoNow } from '../platform/time.ts';
import { logActivity } from './activity.ts';
import { recordEvent } from './events/record.ts';
import { uniqueOr } from '../platform/db/unique-violation.ts';
import { unloadContainer } from './loading.ts';
import type { ShipmentsTable, TransitState } from './tables.ts';
import { ownedBy } from './visibility.ts';
import type { Actor } from './visibility.ts';

export type Shipment = Selectable<ShipmentsTable>;

/** Every transition the state machine allows (spec §4.1); each action below must be one of them. */
export const TRANSITIONS: Record<TransitState, readonly TransitState[]> = {
  draft: ['sent', 'on_site'],
  sent: ['on_site', 'draft'],
  on_site: ['sent', 'returned'],
  returned: ['archived', 'on_site'],
  archived: [],
};

export interface ActionInput {
  carrier?: string;
  tracking_code?: string;
  comments?: string;
  storage_location?: string;
  return_code?: string;
}

interface ActionRule {
  from: readonly TransitState[];
  to: TransitState;
  staffOnly: boolean;
  /** The shipment columns the action sets besides its state. */
  effect: (now: string, input: ActionInput) => Partial<Shipment>;
  summary: string;
}

const given = <K extends keyof ActionInput>(input: ActionInput, ...keys: K[]) =>
  Object.fromEntries(keys.filter((k) => input[k] !== undefined).map((k) => [k, input[k]])) as Partial<Shipment>;

export const SHIPMENT_ACTIONS = {
  send: {
    from: ['draft'], to: 'sent', staffOnly: false, summary: 'Send a draft shipment (it needs at least one container)',
    effect: (now, input) => ({ date_shipped: now, ...given(input, 'carrier', 'tracking_code', 'comments') }),
  },
  recall: {
    from: ['sent'], to: 'draft', staffOnly: false, summary: 'Take back a sent shipment to change it',
    effect: () => ({ date_shipped: null }),
  },
  receive: {
    from: ['draft', 'sent'], to: 'on_site', staffOnly: true, summary: 'Record a shipment as arrived (staff)',
    effect: (now, input) => ({ date_received: now, ...given(input, 'storage_location') }),
  },
  unreceive: {
    from: ['on_site'], to: 'sent', staffOnly: true, summary: 'Undo receiving (staff); its containers are unloaded',
    effect: () => ({ date_received: null }),
  },
  return: {
    from: ['on_site'], to: 'returned', staffOnly: true, summary: 'Send a shipment back (staff); its containers are unloaded',
    effect: (now, input) => ({ date_returned: now, ...given(input, 'return_code') }),
  },
  unreturn: {
    from: ['returned'], to: 'on_site', staffOnly: true, summary: 'Undo returning (staff)',
    effect: () => ({ date_returned: null }),
  },
  archive: {
    from: ['returned'], to: 'archived', staffOnly: true, summary: 'Archive a returned shipment (staff)',
    effect: () => ({}),
  },
} satisfies Record<string, ActionRule>;

export type ShipmentAction = keyof typeof SHIPMENT_ACTIONS;

export const stateLabel = (state: string) => state.replace('_', ' ');

/** States in which the actor may change a shipment's contents. */
export function editableStates(actor: Actor): TransitState[] {
  return actor.isStaff ? ['draft', 'sent', 'on_site'] : ['draft'];
}

export function notEditable(actor: Actor, shipment: { name: string; state: string }) {
  const when = actor.isStaff ? 'while it is a draft, sent or on site' : 'while it is a draft';
  return conflict(`Shipment ${shipment.name} is ${stateLabel(shipment.state)}; its contents can only be changed ${when}.`);
}

/**
 * Claims a shipment for changing its contents, inside the caller's transaction: the row is
 * touched (which locks it on PostgreSQL, so a concurrent send waits) only if the actor may see it
 * and it is in an editable state. `field` names the body field when the id came from the body.
 */
export async function lockEditableShipment(trx: Db, actor: Actor, id: number, field?: string): Promise<Shipment> {
  const locked = await trx.updateTable('shipments').set({ updated_at: isoNow() })
    .where('id', '=', id).where(ownedBy(actor, 'shipments.project_id')).where('state', 'in', editableStates(actor))
    .returningAll().executeTakeFirst();
  if (locked) return locked;
  const seen = await trx.selectFrom('shipments').select(['name', 'state']).where('id', '=', id).where(ownedBy(actor, 'shipments.project_id')).executeTakeFirst();
  if (!seen) throw field ? badRequest('No such shipment.', { [field]: ['no such shipment'] }) : notFound('No such shipment.');
  throw notEditable(actor, seen);
}

export async function visibleShipment(db: Db, actor: Actor, id: number): Promise<Shipment> {
  const row = await db.selectFrom('shipments').selectAll().where('id', '=', id).where(ownedBy(actor, 'shipments.project_id')).executeTakeFirst();
  if (!row) throw notFound('No such shipment.');
  return row;
}

export async function transitionShipment(db: Db, actor: Actor, id: number, action: ShipmentAction, input: ActionInput = {}): Promise<Shipment> {
  const rule: ActionRule = SHIPMENT_ACTIONS[action];
  return db.transaction().execute(async (trx) => {
    const current = await visibleShipment(trx, actor, id);
    if (!rule.from.includes(current.state)) {
      throw conflict(`Shipment ${current.name} is ${stateLabel(current.state)}; "${action}" needs it to be ${rule.from.map(stateLabel).join(' or ')}.`);
    }
    const now = isoNow();
    // Guarded by the state just read, so two concurrent actions cannot both apply.
    const updated = await trx.updateTable('shipments').set({ ...rule.effect(now, input), state: rule.to, updated_at: now })
      .where('id', '=', id).where('state', '=', current.state).returningAll().executeTakeFirst();
    if (!updated) throw conflict(`Shipment ${current.name} changed meanwhile; reload it and try again.`);
    const containers = await trx.selectFrom('containers').select('id').where('shipment_id', '=', id).execute();
    if (action === 'send' && containers.length === 0) throw conflict(`Shipment ${current.name} has no containers; add at least one before sending it.`);
    await trx.updateTable('containers').set({ state: rule.to, updated_at: now }).where('shipment_id', '=', id).execute();
    if (rule.to === 'on_site') {
      await trx.updateTable('sample_groups').set({ state: 'active', updated_at: now }).where('shipment_id', '=', id).where('state', '=', 'draft').execute();
    }
    if (current.state === 'on_site') await unloadFromOutside(trx, id);
    const scope = { projectId: current.project_id, beamlineId: null };
    await recordEvent(trx, 'shipment.changed', scope, { shipment_id: id, state: rule.to });
    for (const container of containers) await recordEvent(trx, 'container.changed', scope, { container_id: container.id, shipment_id: id });
    await logActivity(trx, {
      projectId: current.project_id, userId: actor.userId, address: actor.address, action: action === 'archive' ? 'archive' : 'modify',
      objectType: 'shipment', objectId: id, description: `Shipment ${current.name}: ${action} (${stateLabel(current.state)} → ${stateLabel(rule.to)})`,
    });
    return updated;
  });
}

/**
 * A shipment leaving the site takes its containers out of everything that is not its own (the
 * automounters), and takes other containers out of its own. A puck in its own adaptor stays there.
 */
async function unloadFromOutside(trx: Db, shipmentId: number): Promise<void> {
  const crossing = await trx.selectFrom('containers as c').innerJoin('containers as p', 'p.id', 'c.parent_id').select('c.id')
    .where((eb) => eb.or([
      eb.and([eb('c.shipment_id', '=', shipmentId), eb.or([eb('p.shipment_id', 'is', null), eb('p.shipment_id', '!=', shipmentId)])]),
      eb.and([eb('p.shipment_id', '=', shipmentId), eb.or([eb('c.shipment_id', 'is', null), eb('c.shipment_id', '!=', shipmentId)])]),
    ])).execute();
  for (const { id } of crossing) await unloadContainer(trx, id);
}

export interface ShipmentFields {
  name?: string;
  comments?: string;
  carrier?: string;
  tracking_code?: string;
  /** Staff only, at any time. */
  storage_location?: string;
  return_code?: string;
}

const STAFF_FIELDS = ['storage_location', 'return_code'] as const;

async function nameTaken(db: Db, projectId: number, name: string, exceptId: number | null): Promise<boolean> {
  let query = db.selectFrom('shipments').select('id').where('project_id', '=', projectId).where('name', '=', name);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

const duplicateName = (name: string) => conflict(`The project already has a shipment named ${name}.`);

function refuseStaffFields(actor: Actor, fields: ShipmentFields): void {
  const used = STAFF_FIELDS.filter((f) => fields[f] !== undefined);
  if (used.length > 0 && !actor.isStaff) {
    throw badRequest(`Only staff set ${used.join(' and ')}.`, Object.fromEntries(used.map((f) => [f, ['set by staff only']])));
  }
}

export async function createShipment(db: Db, actor: Actor, projectId: number, fields: ShipmentFields & { name: string }): Promise<Shipment> {
  refuseStaffFields(actor, fields);
  return uniqueOr(() => db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, projectId, fields.name, null)) throw duplicateName(fields.name);
    const now = isoNow();
    const row = await trx.insertInto('shipments').values({
      project_id: projectId, name: fields.name, state: 'draft', comments: fields.comments ?? '', carrier: fields.carrier ?? '',
      tracking_code: fields.tracking_code ?? '', return_code: fields.return_code ?? '', storage_location: fields.storage_location ?? '',
      date_shipped: null, date_received: null, date_returned: null, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await logActivity(trx, { projectId, userId: actor.userId, address: actor.address, action: 'create', objectType: 'shipment', objectId: row.id, description: `Shipment ${row.name} created` });
    return row;
  }), () => duplicateName(fields.name));
}

/** Owners' fields need an editable shipment; staff's own fields (storage, return code) can change at any time. */
export async function updateShipment(db: Db, actor: Actor, id: number, fields: ShipmentFields): Promise<Shipment> {
  refuseStaffFields(actor, fields);
  const touchesContents = Object.keys(fields).some((k) => !(STAFF_FIELDS as readonly string[]).includes(k));
  return uniqueOr(() => db.transaction().execute(async (trx) => {
    const current = touchesContents ? await lockEditableShipment(trx, actor, id) : await visibleShipment(trx, actor, id);
    if (fields.name !== undefined && await nameTaken(trx, current.project_id, fields.name, id)) throw duplicateName(fields.name);
    const updated = await trx.updateTable('shipments').set({ ...fields, updated_at: isoNow() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await logActivity(trx, {
      projectId: current.project_id, userId: actor.userId, address: actor.address, action: 'modify', objectType: 'shipment', objectId: id,
      description: `Shipment ${updated.name} changed: ${Object.keys(fields).join(', ')}`,
    });
    return updated;
  }), () => duplicateName(fields.name ?? ''));
}

/** Only a draft can be deleted; its containers, groups and samples go with it. */
export async function deleteShipment(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await lockEditableShipment(trx, actor, id);
    if (current.state !== 'draft') throw conflict(`Shipment ${current.name} is ${stateLabel(current.state)}; only a draft can be deleted.`);
    await trx.deleteFrom('shipments').where('id', '=', id).execute();
    await logActivity(trx, { projectId: current.project_id, userId: actor.userId, address: actor.address, action: 'delete', objectType: 'shipment', objectId: id, description: `Shipment ${current.name} deleted` });
  });
}
