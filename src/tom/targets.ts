// Targets: what a telescope points at. Sidereal targets have a position; non-sidereal ones have
// orbital elements in one of the MPC/JPL schemes. Extra fields are typed by configuration.
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { Principal } from '../platform/auth/principal.ts';
import type { TomConfig } from '../config.ts';
import { isoNow } from '../platform/time.ts';
import { isStoredId } from '../platform/db/column-types.ts';
import type { TargetsTable } from './tables.ts';

export type TargetRow = Selectable<TargetsTable>;
export type TargetFields = Omit<Insertable<TargetsTable>, 'id' | 'created_at' | 'updated_at'>;

export const ORBITAL_COLUMNS = [
  'epoch_of_elements', 'mean_anomaly', 'arg_of_perihelion', 'eccentricity', 'lng_asc_node', 'inclination',
  'mean_daily_motion', 'semimajor_axis', 'epoch_of_perihelion', 'perihdist',
] as const;

/** The elements each scheme needs (as the TOM Toolkit's non-sidereal forms ask for them). */
export const SCHEME_ELEMENTS: Record<string, readonly (typeof ORBITAL_COLUMNS)[number][]> = {
  MPC_MINOR_PLANET: ['epoch_of_elements', 'mean_anomaly', 'arg_of_perihelion', 'eccentricity', 'lng_asc_node', 'inclination', 'mean_daily_motion', 'semimajor_axis'],
  MPC_COMET: ['epoch_of_elements', 'arg_of_perihelion', 'eccentricity', 'lng_asc_node', 'inclination', 'epoch_of_perihelion', 'perihdist'],
  JPL_MAJOR_PLANET: ['epoch_of_elements', 'mean_anomaly', 'arg_of_perihelion', 'eccentricity', 'lng_asc_node', 'inclination', 'mean_daily_motion', 'semimajor_axis'],
};

/**
 * Who may see a target: staff everything, a user their own and public ones, anyone public ones.
 * Expressed as a SQL condition so lists and look-ups filter in the database.
 */
export function visibleTargets(principal: Principal) {
  return (eb: any) => {
    if (principal.kind === 'user' && principal.user.isStaff) return eb.val(true);
    if (principal.kind === 'user') return eb.or([eb('targets.is_public', '=', true), eb('targets.owner_id', '=', principal.user.id)]);
    return eb('targets.is_public', '=', true);
  };
}

export function mayChangeTarget(principal: Principal, target: TargetRow): boolean {
  return principal.kind === 'user' && (principal.user.isStaff || target.owner_id === principal.user.id);
}

export async function visibleTarget(db: Db, principal: Principal, where: { id: number } | { identifier: string }): Promise<TargetRow | null> {
  if ('id' in where && !isStoredId(where.id)) return null;
  let query = db.selectFrom('targets').selectAll().where(visibleTargets(principal));
  query = 'id' in where ? query.where('id', '=', where.id) : query.where('identifier', '=', where.identifier);
  return (await query.executeTakeFirst()) ?? null;
}

export async function createTarget(db: Db, fields: TargetFields, extras: Record<string, string>): Promise<TargetRow> {
  const now = isoNow();
  const row = await db.insertInto('targets').values({ ...fields, created_at: now, updated_at: now }).returningAll().executeTakeFirstOrThrow();
  await setExtras(db, row.id, extras);
  return row;
}

export async function setExtras(db: Db, targetId: number, extras: Record<string, string | null>): Promise<void> {
  for (const [key, value] of Object.entries(extras)) {
    await db.deleteFrom('target_extras').where('target_id', '=', targetId).where('key', '=', key).execute();
    if (value !== null) await db.insertInto('target_extras').values({ target_id: targetId, key, value }).execute();
  }
}

export async function rawExtras(db: Db, targetId: number): Promise<Record<string, string>> {
  const rows = await db.selectFrom('target_extras').select(['key', 'value']).where('target_id', '=', targetId).orderBy('key').execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/**
 * The declared extra fields, typed as the tom_education API shows them: numbers (null when not a
 * number), booleans, ISO datetimes (null when unparsable), strings. Undeclared extras are left out.
 * (`storedExtra` is the inverse: how a typed value is kept.)
 */
export function typedExtras(raw: Record<string, string>, declared: TomConfig['extraFields']): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  for (const { name, type } of declared) {
    if (!(name in raw)) continue;
    const value = raw[name];
    if (type === 'number') typed[name] = value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null;
    // As the original: Python's bool() of the stored text, so only an empty value is false
    // (Lightpath stores booleans it is given as "True" or "").
    else if (type === 'boolean') typed[name] = value !== '';
    else if (type === 'datetime') typed[name] = Number.isNaN(Date.parse(value)) ? null : new Date(value).toISOString();
    else typed[name] = value;
  }
  return typed;
}

/** The text kept for a typed extra value. */
export function storedExtra(value: unknown, type: TomConfig['extraFields'][number]['type']): string {
  if (type === 'boolean') return value === true || value === 'true' || value === 'True' ? 'True' : '';
  if (type === 'datetime' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return String(value);
}

/** Extra fields declared in configuration, then those declared by `lightpath load` (configuration wins). */
export async function declaredExtraFields(db: Db, config: TomConfig): Promise<TomConfig['extraFields']> {
  const stored = await db.selectFrom('target_extra_fields').select(['name', 'type']).orderBy('name').execute();
  const names = new Set(config.extraFields.map((f) => f.name));
  return [...config.extraFields, ...stored.filter((f) => !names.has(f.name))];
}
