// Observation templates (spec §5): a facility form's values saved under a name for one target,
// instantiated later with a fresh request name and optional overrides.
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { isoNow } from '../../platform/time.ts';
import { conflict } from '../../platform/http/errors.ts';
import type { ObservationTemplatesTable } from './tables.ts';
import type { Facility } from './facility.ts';

export type TemplateRow = Selectable<ObservationTemplatesTable>;

/** "<template name>-<YYYY-MM-DD-HHMMSS>", the request name of an instantiated template (UTC). */
export function instanceName(templateName: string, at: Date = new Date()): string {
  return `${templateName}-${at.toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '')}`;
}

/**
 * The form data a template gives: target and facility, the stored fields, the fresh request
 * name, then the overrides (later wins), as the original built it.
 */
export function instantiate(template: TemplateRow, facility: Facility, targetId: number, overrides: Record<string, unknown> = {}, at = new Date()): Record<string, unknown> {
  return {
    target_id: targetId,
    facility: facility.name,
    ...JSON.parse(template.fields),
    [facility.identifierField]: instanceName(template.name, at),
    ...overrides,
  };
}

export async function findTemplate(db: Db, targetId: number, facility: string, name: string): Promise<TemplateRow | null> {
  return (await db.selectFrom('observation_templates').selectAll()
    .where('target_id', '=', targetId).where('facility', '=', facility).where('name', '=', name).executeTakeFirst()) ?? null;
}

export async function saveTemplate(db: Db, input: { name: string; targetId: number; facility: string; fields: Record<string, unknown> }): Promise<TemplateRow> {
  if (await findTemplate(db, input.targetId, input.facility, input.name)) throw conflict(`Template name "${input.name}" already in use`);
  return db.insertInto('observation_templates').values({
    name: input.name, target_id: input.targetId, facility: input.facility, fields: JSON.stringify(input.fields), created_at: isoNow(),
  }).returningAll().executeTakeFirstOrThrow();
}

/** A template's new name and fields; the name must stay unique for its target and facility. */
export async function updateTemplate(db: Db, id: number, input: { name: string; targetId: number; facility: string; fields: Record<string, unknown> }): Promise<TemplateRow> {
  const clash = await findTemplate(db, input.targetId, input.facility, input.name);
  if (clash && clash.id !== id) throw conflict(`Template name "${input.name}" already in use`);
  return db.updateTable('observation_templates').set({ name: input.name, facility: input.facility, fields: JSON.stringify(input.fields) })
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
