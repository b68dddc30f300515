// Support areas: what users rate on the survey. Staff manage them; an area that has ratings keeps
// its history, so it can be deactivated but not deleted.
import type { Db } from '../../platform/db/database.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { isForeignKeyViolation, uniqueOr } from '../../platform/db/unique-violation.ts';
import { isoNow } from '../../platform/time.ts';
import { logActivity } from '../activity.ts';
import type { Actor } from '../visibility.ts';

export interface SupportAreaFields {
  name?: string;
  description?: string;
  active?: boolean;
  sort_order?: number;
}

export function supportAreaOut(row: { id: number; name: string; description: string; active: unknown; sort_order: number; created_at: string; updated_at: string }) {
  return { ...row, active: Boolean(row.active) };
}

export async function findSupportArea(db: Db, id: number) {
  const row = await db.selectFrom('support_areas').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such support area.');
  return row;
}

const log = (db: Db, actor: Actor, id: number, action: 'create' | 'modify' | 'delete', description: string) =>
  logActivity(db, { projectId: null, userId: actor.userId, address: actor.address, action, objectType: 'support_area', objectId: id, description });

const uniqueName = <T>(name: string | undefined, work: () => Promise<T>) =>
  uniqueOr(work, () => conflict(`A support area named "${name}" already exists.`));

export async function createSupportArea(db: Db, actor: Actor, fields: SupportAreaFields & { name: string }) {
  return uniqueName(fields.name, () => db.transaction().execute(async (trx) => {
    const now = isoNow();
    const row = await trx.insertInto('support_areas').values({
      name: fields.name, description: fields.description ?? '', active: fields.active ?? true, sort_order: fields.sort_order ?? 0, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await log(trx, actor, row.id, 'create', `Support area "${row.name}" created`);
    return row;
  }));
}

export async function updateSupportArea(db: Db, actor: Actor, id: number, fields: SupportAreaFields) {
  return uniqueName(fields.name, () => db.transaction().execute(async (trx) => {
    await findSupportArea(trx, id);
    const row = await trx.updateTable('support_areas').set({ ...fields, updated_at: isoNow() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await log(trx, actor, id, 'modify', `Support area "${row.name}" changed: ${Object.keys(fields).join(', ')}`);
    return row;
  }));
}

export async function deleteSupportArea(db: Db, actor: Actor, id: number): Promise<void> {
  const current = await findSupportArea(db, id);
  const hasRatings = () => conflict(`Support area "${current.name}" has ratings; deactivate it instead.`);
  try {
    await db.transaction().execute(async (trx) => {
      const rated = await trx.selectFrom('feedback_ratings').select('area_id').where('area_id', '=', id).executeTakeFirst();
      if (rated) throw hasRatings();
      await trx.deleteFrom('support_areas').where('id', '=', id).execute();
      await log(trx, actor, id, 'delete', `Support area "${current.name}" deleted`);
    });
  } catch (error) {
    // A survey answered while this ran rated the area after the check.
    if (isForeignKeyViolation(error)) throw hasRatings();
    throw error;
  }
}
