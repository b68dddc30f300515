// Automounters (staff): the sample changer installed on a beamline, stored as a facility
// container (no project) of an automounter type plus its installation row. One per beamline is
// active; MxDC's sample list follows the active one. Staff can also clear a project's containers
// off a beamline in one go.
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../platform/http/errors.ts';
import { isoNow } from '../platform/time.ts';
import { logActivity } from './activity.ts';
import { recordEvent } from './events/record.ts';
import { resolveContainerType } from './containers.ts';
import { unloadContainer } from './loading.ts';
import type { AutomountersTable } from './tables.ts';
import type { Actor } from './visibility.ts';

export type Automounter = Selectable<AutomountersTable>;

export async function findAutomounter(db: Db, id: number): Promise<Automounter> {
  const row = await db.selectFrom('automounters').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such automounter.');
  return row;
}

const log = (db: Db, actor: Actor, id: number, description: string, action: 'create' | 'modify' | 'delete' = 'modify') =>
  logActivity(db, { projectId: null, userId: actor.userId, address: actor.address, action, objectType: 'automounter', objectId: id, description });

/** Live event for the staff automounter views. */
const changed = (db: Db, automounter: { id: number; beamline_id: number }) =>
  recordEvent(db, 'automounter.changed', { projectId: null, beamlineId: automounter.beamline_id }, { automounter_id: automounter.id, beamline_id: automounter.beamline_id });

async function retireOthers(trx: Db, beamlineId: number, keepId: number, now: string): Promise<void> {
  const retired = await trx.updateTable('automounters').set({ active: false, updated_at: now })
    .where('beamline_id', '=', beamlineId).where('id', '!=', keepId).where('active', '=', true).returning(['id', 'beamline_id']).execute();
  for (const automounter of retired) await changed(trx, automounter);
}

export async function createAutomounter(
  db: Db, actor: Actor, input: { beamline_id: number; name: string; type: string | number; active?: boolean; staff_comments?: string },
): Promise<Automounter> {
  return db.transaction().execute(async (trx) => {
    const beamline = await trx.selectFrom('beamlines').select(['id', 'acronym']).where('id', '=', input.beamline_id).executeTakeFirst();
    if (!beamline) throw badRequest('No such beamline.', { beamline_id: ['no such beamline'] });
    const type = await resolveContainerType(trx, input.type);
    const holdsContainers = await trx.selectFrom('container_location_accepts as a').innerJoin('container_locations as l', 'l.id', 'a.location_id')
      .select('a.location_id').where('l.container_type_id', '=', type.id).executeTakeFirst();
    if (!holdsContainers) throw badRequest(`${type.name} holds samples, not containers; an automounter must hold containers.`, { type: ['not an automounter type'] });
    const clash = await trx.selectFrom('containers').select('id').where('project_id', 'is', null).where('name', '=', input.name).executeTakeFirst();
    if (clash) throw conflict(`There is already facility equipment named ${input.name}.`);
    const now = isoNow();
    const container = await trx.insertInto('containers').values({
      project_id: null, shipment_id: null, name: input.name, container_type_id: type.id, parent_id: null, location_id: null,
      state: 'on_site', priority: 0, comments: '', created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const row = await trx.insertInto('automounters').values({
      beamline_id: beamline.id, container_id: container.id, active: input.active ?? false, staff_comments: input.staff_comments ?? '', updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    if (input.active) await retireOthers(trx, beamline.id, row.id, now);
    await changed(trx, row);
    await log(trx, actor, row.id, `Automounter ${input.name} (${type.name}) installed on ${beamline.acronym}`, 'create');
    return row;
  });
}

/** Makes it the beamline's active automounter; whichever was active before is retired. */
export async function setAutomounterActive(db: Db, actor: Actor, id: number, active: boolean): Promise<Automounter> {
  return db.transaction().execute(async (trx) => {
    const current = await findAutomounter(trx, id);
    const now = isoNow();
    if (active) await retireOthers(trx, current.beamline_id, id, now);
    const row = await trx.updateTable('automounters').set({ active, updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await changed(trx, row);
    await log(trx, actor, id, `Automounter ${active ? 'activated' : 'deactivated'}`);
    return row;
  });
}

export async function updateAutomounter(db: Db, actor: Actor, id: number, fields: { staff_comments?: string }): Promise<Automounter> {
  return db.transaction().execute(async (trx) => {
    await findAutomounter(trx, id);
    const row = await trx.updateTable('automounters').set({ ...fields, updated_at: isoNow() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await changed(trx, row);
    await log(trx, actor, id, 'Automounter changed');
    return row;
  });
}

/** Removes an empty automounter (its load history goes with it). */
export async function deleteAutomounter(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await findAutomounter(trx, id);
    const loaded = await trx.selectFrom('containers').select('name').where('parent_id', '=', current.container_id).execute();
    if (loaded.length > 0) throw conflict(`The automounter still holds ${loaded.map((c) => c.name).join(', ')}; unload them first.`);
    await trx.deleteFrom('containers').where('id', '=', current.container_id).execute();
    await changed(trx, current);
    await log(trx, actor, id, 'Automounter removed', 'delete');
  });
}

/**
 * Takes every container of the project out of the beamline's automounters: those sitting in an
 * automounter directly, and those sitting in someone else's container there (a facility adaptor).
 * A project's puck in the project's own adaptor leaves with the adaptor. Returns what was unloaded.
 */
export async function unloadProject(db: Db, actor: Actor, beamlineId: number, projectId: number): Promise<{ id: number; name: string }[]> {
  return db.transaction().execute(async (trx) => {
    const beamline = await trx.selectFrom('beamlines').select('acronym').where('id', '=', beamlineId).executeTakeFirst();
    if (!beamline) throw notFound('No such beamline.');
    const project = await trx.selectFrom('projects').select('id').where('id', '=', projectId).executeTakeFirst();
    if (!project) throw badRequest('No such project.', { project_id: ['no such project'] });
    const roots = trx.selectFrom('automounters').select('container_id').where('beamline_id', '=', beamlineId);
    const foreignInRoots = trx.selectFrom('containers as holder').select('holder.id')
      .where('holder.parent_id', 'in', roots).where((eb) => eb.or([eb('holder.project_id', 'is', null), eb('holder.project_id', '!=', projectId)]));
    const targets = await trx.selectFrom('containers').select(['id', 'name']).where('project_id', '=', projectId)
      .where((eb) => eb.or([eb('parent_id', 'in', roots), eb('parent_id', 'in', foreignInRoots)])).orderBy('id').execute();
    for (const target of targets) await unloadContainer(trx, target.id);
    if (targets.length > 0) {
      await logActivity(trx, {
        projectId, userId: actor.userId, address: actor.address, action: 'modify', objectType: 'beamline', objectId: beamlineId,
        description: `Unloaded ${targets.map((t) => t.name).join(', ')} from ${beamline.acronym}`,
      });
    }
    return targets;
  });
}
