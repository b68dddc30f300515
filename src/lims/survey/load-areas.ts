// `support_areas:` in a load file: the areas users rate on the post-session survey, matched by
// name, by the REST API's rules. An area without sort_order takes its place in the list.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { LoadSection } from '../../loader/section.ts';
import { differences } from '../../loader/report.ts';
import { refuseRepeats } from '../../loader/repeats.ts';
import { isoNow } from '../../platform/time.ts';
import { SupportAreaEntry } from './rules.ts';

const Section = Type.Array(SupportAreaEntry, { maxItems: 1000 });

export const supportAreasSection: LoadSection<Static<typeof Section>> = {
  key: 'support_areas',
  schema: Section,
  async apply(entries, { db, report }) {
    refuseRepeats(entries, (e) => e.name, (e) => `support area "${e.name}" is listed twice`);
    for (const [index, entry] of entries.entries()) {
      const wanted = { description: entry.description, active: entry.active, sort_order: entry.sort_order ?? index + 1 };
      const existing = await db.selectFrom('support_areas').selectAll().where('name', '=', entry.name).executeTakeFirst();
      const now = isoNow();
      if (!existing) {
        await db.insertInto('support_areas').values({
          name: entry.name, description: entry.description ?? '', active: entry.active ?? true, sort_order: wanted.sort_order, created_at: now, updated_at: now,
        }).execute();
        report.add('support area', entry.name, 'created');
        continue;
      }
      const changes = differences({ ...existing, active: Boolean(existing.active) }, wanted);
      if (changes.length > 0) {
        await db.updateTable('support_areas').set({ ...Object.fromEntries(changes.map((k) => [k, wanted[k as keyof typeof wanted]])), updated_at: now })
          .where('id', '=', existing.id).execute();
      }
      report.add('support area', entry.name, changes.length ? 'updated' : 'unchanged', changes);
    }
  },
};
