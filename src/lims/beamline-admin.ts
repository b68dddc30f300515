// Beamlines managed by staff. A beamline that has recorded sessions or datasets keeps its history:
// it can be deactivated but not deleted.
import type { Db } from '../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../platform/http/errors.ts';
import { logActivity } from './activity.ts';
import type { Beamline } from './beamlines.ts';
import { uniqueOr } from '../platform/db/unique-violation.ts';
import type { Actor } from './visibility.ts';

export interface BeamlineFields {
  acronym?: string;
  name?: string;
  energy_lo?: number;
  energy_hi?: number;
  contact_phone?: string;
  active?: boolean;
}

export async function findBeamline(db: Db, id: number): Promise<Beamline> {
  const row = await db.selectFrom('beamlines').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such beamline.');
  return row;
}

const log = (db: Db, actor: Actor, id: number, action: 'create' | 'modify' | 'delete', description: string) =>
  logActivity(db, { projectId: null, userId: actor.userId, address: actor.address, action, objectType: 'beamline', objectId: id, description });

const uniqueAcronym = <T>(acronym: string | undefined, work: () => Promise<T>) =>
  uniqueOr(work, () => conflict(`A beamline named ${acronym} already exists.`));

/** Load files check beamlines by this rule too. */
export const energyRangeProblem = (lo: number, hi: number) => (lo > hi ? `the energy range is upside down (energy_lo ${lo} > energy_hi ${hi})` : null);

function checkEnergies(lo: number, hi: number): void {
  const problem = energyRangeProblem(lo, hi);
  if (problem) throw badRequest(`${problem[0].toUpperCase()}${problem.slice(1)}.`, { energy_hi: ['must not be below energy_lo'] });
}

export async function createBeamline(db: Db, actor: Actor, fields: BeamlineFields & { acronym: string }): Promise<Beamline> {
  checkEnergies(fields.energy_lo ?? 4, fields.energy_hi ?? 18.5);
  return uniqueAcronym(fields.acronym, () => db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('beamlines').values({
      acronym: fields.acronym, name: fields.name ?? fields.acronym, energy_lo: fields.energy_lo ?? 4, energy_hi: fields.energy_hi ?? 18.5,
      contact_phone: fields.contact_phone ?? '', active: fields.active ?? true,
    }).returningAll().executeTakeFirstOrThrow();
    await log(trx, actor, row.id, 'create', `Beamline ${row.acronym} created`);
    return row;
  }));
}

export async function updateBeamline(db: Db, actor: Actor, id: number, fields: BeamlineFields): Promise<Beamline> {
  return uniqueAcronym(fields.acronym, () => db.transaction().execute(async (trx) => {
    const current = await findBeamline(trx, id);
    checkEnergies(fields.energy_lo ?? current.energy_lo, fields.energy_hi ?? current.energy_hi);
    const row = await trx.updateTable('beamlines').set(fields).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await log(trx, actor, id, 'modify', `Beamline ${row.acronym} changed: ${Object.keys(fields).join(', ')}`);
    return row;
  }));
}

/** Deletes a beamline without history, with its (empty) automounters. */
export async function deleteBeamline(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await findBeamline(trx, id);
    const used = await trx.selectFrom('beamline_sessions').select('id').where('beamline_id', '=', id).executeTakeFirst()
      ?? await trx.selectFrom('datasets').select('id').where('beamline_id', '=', id).executeTakeFirst();
    if (used) throw conflict(`Beamline ${current.acronym} has recorded sessions or datasets; deactivate it instead.`);
    const roots = await trx.selectFrom('automounters').select('container_id').where('beamline_id', '=', id).execute();
    const rootIds = roots.map((r) => r.container_id);
    if (rootIds.length > 0) {
      const loaded = await trx.selectFrom('containers').select('name').where('parent_id', 'in', rootIds).execute();
      if (loaded.length > 0) throw conflict(`Beamline ${current.acronym}'s automounters still hold ${loaded.map((c) => c.name).join(', ')}; unload them first.`);
      await trx.deleteFrom('containers').where('id', 'in', rootIds).execute();
    }
    await trx.deleteFrom('beamlines').where('id', '=', id).execute();
    await log(trx, actor, id, 'delete', `Beamline ${current.acronym} deleted`);
  });
}
