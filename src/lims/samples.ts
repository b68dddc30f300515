// Samples seated in containers. A sample takes a location of its container's type that holds
// samples (not one that holds containers) and that no other sample holds; its group must be one
// of the same shipment. Changed only while the shipment may be edited.
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../platform/http/errors.ts';
import { isoNow } from '../platform/time.ts';
import { logActivity } from './activity.ts';
import { lockEditableContainer } from './containers.ts';
import type { Container } from './containers.ts';
import { uniqueOr } from '../platform/db/unique-violation.ts';
import type { SamplesTable } from './tables.ts';
import { ownedBy } from './visibility.ts';
import type { Actor } from './visibility.ts';

export type Sample = Selectable<SamplesTable>;

export interface SampleFields {
  name?: string;
  location?: string;
  group_id?: number | null;
  barcode?: string | null;
  comments?: string | null;
  priority?: number | null;
  collect_status?: boolean;
}

export interface SlotInfo {
  id: number;
  name: string;
  /** False for locations that take containers (an adaptor's puck slots). */
  holdsSamples: boolean;
}

/** Every location of a container type, by name. */
export async function slotsOf(db: Db, containerTypeId: number): Promise<Map<string, SlotInfo>> {
  const rows = await db.selectFrom('container_locations as l')
    .select((eb) => ['l.id', 'l.name', eb.exists(eb.selectFrom('container_location_accepts as a').select('a.location_id').whereRef('a.location_id', '=', 'l.id')).as('takes_containers')])
    .where('l.container_type_id', '=', containerTypeId).orderBy('l.position').execute();
  return new Map(rows.map((r) => [r.name, { id: r.id, name: r.name, holdsSamples: !r.takes_containers }]));
}

export function slotProblem(container: { name: string }, slots: Map<string, SlotInfo>, location: string): string | null {
  const slot = slots.get(location);
  if (!slot) return `${container.name} has no location "${location}"`;
  if (!slot.holdsSamples) return `location ${location} of ${container.name} holds containers, not samples`;
  return null;
}

async function slotFor(db: Db, container: Container, location: string): Promise<SlotInfo> {
  const slots = await slotsOf(db, container.container_type_id);
  const problem = slotProblem(container, slots, location);
  if (problem) throw badRequest(`${problem[0].toUpperCase()}${problem.slice(1)}.`, { location: [problem] });
  return slots.get(location)!;
}

async function requireFree(db: Db, container: Container, slot: SlotInfo, exceptId: number | null): Promise<void> {
  let query = db.selectFrom('samples').select('name').where('container_id', '=', container.id).where('location_id', '=', slot.id);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  const occupant = await query.executeTakeFirst();
  if (occupant) throw occupied(container, slot.name, occupant.name);
}

const occupied = (container: { name: string }, location: string, by?: string) =>
  conflict(`Location ${location} of ${container.name} already holds ${by ? `sample ${by}` : 'a sample'}.`);

/** A group id must name a group of the container's shipment. */
export async function requireGroupOf(db: Db, groupId: number, shipmentId: number): Promise<void> {
  const group = await db.selectFrom('sample_groups').select('id').where('id', '=', groupId).where('shipment_id', '=', shipmentId).executeTakeFirst();
  if (!group) throw badRequest('The group must be one of the same shipment.', { group_id: ['no such group in this shipment'] });
}

export async function visibleSample(db: Db, actor: Actor, id: number): Promise<Sample> {
  const row = await db.selectFrom('samples').selectAll().where('id', '=', id).where(ownedBy(actor, 'samples.project_id')).executeTakeFirst();
  if (!row) throw notFound('No such sample.');
  return row;
}

/** A concurrent write that took the slot first is stopped by the unique index; say so plainly. */
const slotRace = <T>(container: () => { name: string } | null, location: string | undefined, work: () => Promise<T>) =>
  uniqueOr(work, () => occupied(container() ?? { name: 'the container' }, location ?? '?'));

export async function createSample(db: Db, actor: Actor, input: SampleFields & { container_id: number; name: string; location: string }): Promise<Sample> {
  let container: Container | null = null;
  return slotRace(() => container, input.location, () => db.transaction().execute(async (trx) => {
    container = await lockEditableContainer(trx, actor, input.container_id, 'container_id');
    const slot = await slotFor(trx, container, input.location);
    await requireFree(trx, container, slot, null);
    if (input.group_id != null) await requireGroupOf(trx, input.group_id, container.shipment_id!);
    const now = isoNow();
    const row = await trx.insertInto('samples').values({
      project_id: container.project_id!, container_id: container.id, location_id: slot.id, group_id: input.group_id ?? null, name: input.name,
      barcode: input.barcode ?? null, comments: input.comments ?? null, priority: input.priority ?? null, collect_status: input.collect_status ?? false,
      created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await logActivity(trx, {
      projectId: container.project_id, userId: actor.userId, address: actor.address, action: 'create', objectType: 'sample', objectId: row.id,
      description: `Sample ${row.name} added to ${container.name} at ${slot.name}`,
    });
    return row;
  }));
}

export async function updateSample(db: Db, actor: Actor, id: number, fields: SampleFields): Promise<Sample> {
  let container: Container | null = null;
  return slotRace(() => container, fields.location, () => db.transaction().execute(async (trx) => {
    const current = await visibleSample(trx, actor, id);
    container = await lockEditableContainer(trx, actor, current.container_id);
    const { location, ...rest } = fields;
    const changes: Partial<Sample> = { ...rest, updated_at: isoNow() };
    if (location !== undefined) {
      const slot = await slotFor(trx, container, location);
      await requireFree(trx, container, slot, id);
      changes.location_id = slot.id;
    }
    if (fields.group_id != null) await requireGroupOf(trx, fields.group_id, container.shipment_id!);
    const row = await trx.updateTable('samples').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await logActivity(trx, {
      projectId: current.project_id, userId: actor.userId, address: actor.address, action: 'modify', objectType: 'sample', objectId: id,
      description: `Sample ${row.name} changed: ${Object.keys(fields).join(', ')}`,
    });
    return row;
  }));
}

export async function deleteSample(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await visibleSample(trx, actor, id);
    await lockEditableContainer(trx, actor, current.container_id);
    await trx.deleteFrom('samples').where('id', '=', id).execute();
    await logActivity(trx, {
      projectId: current.project_id, userId: actor.userId, address: actor.address, action: 'delete', objectType: 'sample', objectId: id,
      description: `Sample ${current.name} deleted`,
    });
  });
}
