// Groups of samples within a shipment (an experiment plan: kind, plan, energy, priority).
// Changed only while their shipment may be edited; names are unique within a shipment.
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { conflict, notFound } from '../platform/http/errors.ts';
import { isoNow } from '../platform/time.ts';
import { logActivity } from './activity.ts';
import { uniqueOr } from '../platform/db/unique-violation.ts';
import { lockEditableShipment } from './shipments.ts';
import type { GroupsTable } from './tables.ts';
import { ownedBy } from './visibility.ts';
import type { Actor } from './visibility.ts';

export type Group = Selectable<GroupsTable>;

export const GROUP_KINDS = ['native', 'mad', 'sad', 's_sad'] as const;
export const GROUP_PLANS = ['collect_best', 'collect_first_good', 'screen_and_confirm', 'collect_all'] as const;

export interface GroupFields {
  name?: string;
  kind?: string;
  plan?: string;
  energy?: number | null;
  absorption_edge?: string;
  resolution?: number | null;
  comments?: string;
  priority?: number | null;
}

export async function visibleGroup(db: Db, actor: Actor, id: number): Promise<Group> {
  const row = await db.selectFrom('sample_groups').selectAll().where('id', '=', id).where(ownedBy(actor, 'sample_groups.project_id')).executeTakeFirst();
  if (!row) throw notFound('No such group.');
  return row;
}

const duplicateName = (name: string) => conflict(`The shipment already has a group named ${name}.`);

async function nameTaken(db: Db, shipmentId: number, name: string, exceptId: number | null): Promise<boolean> {
  let query = db.selectFrom('sample_groups').select('id').where('shipment_id', '=', shipmentId).where('name', '=', name);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function createGroup(db: Db, actor: Actor, input: GroupFields & { shipment_id: number; name: string }): Promise<Group> {
  return uniqueOr(() => db.transaction().execute(async (trx) => {
    const shipment = await lockEditableShipment(trx, actor, input.shipment_id, 'shipment_id');
    if (await nameTaken(trx, shipment.id, input.name, null)) throw duplicateName(input.name);
    const now = isoNow();
    const row = await trx.insertInto('sample_groups').values({
      project_id: shipment.project_id, shipment_id: shipment.id, name: input.name, state: shipment.state === 'on_site' ? 'active' : 'draft',
      kind: input.kind ?? 'native', plan: input.plan ?? 'collect_best', energy: input.energy ?? null, absorption_edge: input.absorption_edge ?? '',
      resolution: input.resolution ?? null, comments: input.comments ?? '', priority: input.priority ?? null, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await logActivity(trx, {
      projectId: shipment.project_id, userId: actor.userId, address: actor.address, action: 'create', objectType: 'group', objectId: row.id,
      description: `Group ${row.name} added to shipment ${shipment.name}`,
    });
    return row;
  }), () => duplicateName(input.name));
}

export async function updateGroup(db: Db, actor: Actor, id: number, fields: GroupFields): Promise<Group> {
  return uniqueOr(() => db.transaction().execute(async (trx) => {
    const current = await visibleGroup(trx, actor, id);
    if (current.shipment_id === null) throw conflict(`Group ${current.name} belongs to no shipment and cannot be changed here.`);
    await lockEditableShipment(trx, actor, current.shipment_id);
    if (fields.name !== undefined && await nameTaken(trx, current.shipment_id, fields.name, id)) throw duplicateName(fields.name);
    const row = await trx.updateTable('sample_groups').set({ ...fields, updated_at: isoNow() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await logActivity(trx, {
      projectId: current.project_id, userId: actor.userId, address: actor.address, action: 'modify', objectType: 'group', objectId: id,
      description: `Group ${row.name} changed: ${Object.keys(fields).join(', ')}`,
    });
    return row;
  }), () => duplicateName(fields.name ?? ''));
}

/** Its samples stay, without a group. */
export async function deleteGroup(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await visibleGroup(trx, actor, id);
    if (current.shipment_id === null) throw conflict(`Group ${current.name} belongs to no shipment and cannot be deleted here.`);
    await lockEditableShipment(trx, actor, current.shipment_id);
    await trx.deleteFrom('sample_groups').where('id', '=', id).execute();
    await logActivity(trx, {
      projectId: current.project_id, userId: actor.userId, address: actor.address, action: 'delete', objectType: 'group', objectId: id,
      description: `Group ${current.name} deleted`,
    });
  });
}
