// `observation_templates:` in a load file. Fields are stored as given: the facility's form checks
// them each time the template is used (loading must work without reaching the portal).
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { LoadSection } from '../../loader/section.ts';
import { LoadError } from '../../loader/load-file.ts';
import { findTemplate } from './templates.ts';
import { isoNow } from '../../platform/time.ts';

const Section = Type.Array(Type.Object({
  target: Type.String({ description: 'the target identifier' }),
  facility: Type.String({ minLength: 1, maxLength: 100 }),
  name: Type.String({ minLength: 1, maxLength: 255 }),
  fields: Type.Record(Type.String(), Type.Unknown()),
}, { additionalProperties: false }));

export const observationTemplatesSection: LoadSection<Static<typeof Section>> = {
  key: 'observation_templates',
  schema: Section,
  async apply(entries, { db, report }) {
    for (const entry of entries) {
      const target = await db.selectFrom('targets').select('id').where('identifier', '=', entry.target).executeTakeFirst();
      if (!target) throw new LoadError(`observation template ${entry.name}: no target "${entry.target}"`);
      const fields = JSON.stringify(entry.fields);
      const existing = await findTemplate(db, target.id, entry.facility, entry.name);
      if (!existing) {
        await db.insertInto('observation_templates').values({ name: entry.name, target_id: target.id, facility: entry.facility, fields, created_at: isoNow() }).execute();
        report.add('observation template', entry.name, 'created');
      } else if (existing.fields !== fields) {
        await db.updateTable('observation_templates').set({ fields }).where('id', '=', existing.id).execute();
        report.add('observation template', entry.name, 'updated', ['fields']);
      } else {
        report.add('observation template', entry.name, 'unchanged');
      }
    }
  },
};
