// `beamlines:` in a load file: beamlines and the automounter installed on each, by the REST API's
// field rules.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { LoadSection } from '../loader/section.ts';
import { differences } from '../loader/report.ts';
import { isoNow } from '../platform/time.ts';
import { LoadError } from '../loader/load-file.ts';
import { refuseRepeats } from '../loader/repeats.ts';
import { energyRangeProblem } from './beamline-admin.ts';
import { BeamlineRules, ContainerRules } from './field-rules.ts';

const BeamlineEntry = Type.Object({
  acronym: BeamlineRules.acronym,
  name: Type.Optional(BeamlineRules.name),
  energy_lo: Type.Optional(BeamlineRules.energy_lo),
  energy_hi: Type.Optional(BeamlineRules.energy_hi),
  contact_phone: Type.Optional(BeamlineRules.contact_phone),
  active: Type.Optional(Type.Boolean()),
  automounter: Type.Optional(Type.Object({
    name: BeamlineRules.automounterName,
    type: ContainerRules.typeName,
    active: Type.Optional(Type.Boolean()),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

const Section = Type.Array(BeamlineEntry);

export const beamlinesSection: LoadSection<Static<typeof Section>> = {
  key: 'beamlines',
  schema: Section,
  async apply(entries, { db, report }) {
    refuseRepeats(entries, (e) => e.acronym, (e) => `beamline ${e.acronym} is listed twice`);
    for (const entry of entries) {
      const wanted = { name: entry.name, energy_lo: entry.energy_lo, energy_hi: entry.energy_hi, contact_phone: entry.contact_phone, active: entry.active };
      const existing = await db.selectFrom('beamlines').selectAll().where('acronym', '=', entry.acronym).executeTakeFirst();
      const energies = energyRangeProblem(entry.energy_lo ?? existing?.energy_lo ?? 4, entry.energy_hi ?? existing?.energy_hi ?? 18.5);
      if (energies) throw new LoadError(`beamline ${entry.acronym}: ${energies}`);
      let beamlineId: number;
      if (!existing) {
        beamlineId = (await db.insertInto('beamlines').values({
          acronym: entry.acronym, name: entry.name ?? entry.acronym, energy_lo: entry.energy_lo ?? 4, energy_hi: entry.energy_hi ?? 18.5,
          contact_phone: entry.contact_phone ?? '', active: entry.active ?? true,
        }).returning('id').executeTakeFirstOrThrow()).id;
        report.add('beamline', entry.acronym, 'created');
      } else {
        beamlineId = existing.id;
        const changes = differences({ ...existing, active: Boolean(existing.active) }, wanted);
        if (changes.length > 0) await db.updateTable('beamlines').set(Object.fromEntries(changes.map((k) => [k, wanted[k as keyof typeof wanted]]))).where('id', '=', existing.id).execute();
        report.add('beamline', entry.acronym, changes.length ? 'updated' : 'unchanged', changes);
      }
      if (entry.automounter) await applyAutomounter(db, beamlineId, entry.acronym, entry.automounter, report);
    }
  },
};

async function applyAutomounter(
  db: Parameters<LoadSection['apply']>[1]['db'],
  beamlineId: number,
  acronym: string,
  spec: { name: string; type: string; active?: boolean },
  report: Parameters<LoadSection['apply']>[1]['report'],
): Promise<void> {
  const type = await db.selectFrom('container_types').select('id').where('name', '=', spec.type).executeTakeFirst();
  if (!type) throw new LoadError(`beamline ${acronym}: unknown automounter type "${spec.type}"`);
  const active = spec.active ?? true;
  const now = isoNow();
  const existing = await db.selectFrom('automounters').innerJoin('containers', 'containers.id', 'automounters.container_id')
    .select(['automounters.id', 'automounters.active', 'containers.id as container_id', 'containers.container_type_id'])
    .where('automounters.beamline_id', '=', beamlineId).where('containers.name', '=', spec.name).executeTakeFirst();
  if (active) {
    // One active automounter per beamline: activating this one retires the others.
    let others = db.updateTable('automounters').set({ active: false, updated_at: now }).where('beamline_id', '=', beamlineId);
    if (existing) others = others.where('id', '!=', existing.id);
    await others.execute();
  }
  if (!existing) {
    const container = await db.insertInto('containers').values({
      project_id: null, shipment_id: null, name: spec.name, container_type_id: type.id, parent_id: null, location_id: null,
      state: 'on_site', priority: 0, comments: '', created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('automounters').values({ beamline_id: beamlineId, container_id: container.id, active, staff_comments: '', updated_at: now }).execute();
    report.add('automounter', spec.name, 'created');
    return;
  }
  const changes: string[] = [];
  if (existing.container_type_id !== type.id) throw new LoadError(`automounter ${spec.name} exists with another type`);
  if (Boolean(existing.active) !== active) {
    await db.updateTable('automounters').set({ active, updated_at: now }).where('id', '=', existing.id).execute();
    changes.push('active');
  }
  report.add('automounter', spec.name, changes.length ? 'updated' : 'unchanged', changes);
}
