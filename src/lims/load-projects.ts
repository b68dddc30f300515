// `projects:` in a load file: a user's project details and their shipments, with groups,
// containers (optionally loaded into an automounter or another container) and samples.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { LoadContext, LoadSection } from '../loader/section.ts';
import { differences } from '../loader/report.ts';
import { LoadError } from '../loader/load-file.ts';
import { isoNow } from '../platform/time.ts';
import { ProjectRepository, PROJECT_DETAIL_FIELDS } from './projects.ts';
import { loadContainer } from './loading.ts';
import type { TransitState } from './tables.ts';

const State = Type.Union(['draft', 'sent', 'on_site', 'returned', 'archived'].map((s) => Type.Literal(s)));

const SampleEntry = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  location: Type.Union([Type.String(), Type.Integer()]),
  group: Type.Optional(Type.String()),
  barcode: Type.Optional(Type.String()),
  comments: Type.Optional(Type.String()),
  priority: Type.Optional(Type.Integer()),
}, { additionalProperties: false });

const ContainerEntry = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  type: Type.String(),
  priority: Type.Optional(Type.Integer()),
  comments: Type.Optional(Type.String()),
  /** Where the container sits: an automounter slot of a beamline, or a slot of another container of this project. */
  load: Type.Optional(Type.Union([
    Type.Object({ beamline: Type.String(), location: Type.String() }, { additionalProperties: false }),
    Type.Object({ container: Type.String(), location: Type.String() }, { additionalProperties: false }),
  ])),
  samples: Type.Optional(Type.Array(SampleEntry)),
}, { additionalProperties: false });

const GroupEntry = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  kind: Type.Optional(Type.String()),
  plan: Type.Optional(Type.String()),
  energy: Type.Optional(Type.Number()),
  absorption_edge: Type.Optional(Type.String()),
  resolution: Type.Optional(Type.Number()),
  comments: Type.Optional(Type.String()),
  priority: Type.Optional(Type.Integer()),
}, { additionalProperties: false });

const ShipmentEntry = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  state: Type.Optional(State),
  comments: Type.Optional(Type.String()),
  groups: Type.Optional(Type.Array(GroupEntry)),
  containers: Type.Optional(Type.Array(ContainerEntry)),
}, { additionalProperties: false });

const ProjectEntry = Type.Object({
  username: Type.String(),
  ...Object.fromEntries(PROJECT_DETAIL_FIELDS.map((f) => [f, Type.Optional(Type.String())])),
  shipments: Type.Optional(Type.Array(ShipmentEntry)),
}, { additionalProperties: false });

const Section = Type.Array(ProjectEntry);
type ProjectSpec = Static<typeof Section>[number];
type ShipmentSpec = Static<typeof ShipmentEntry>;

export const projectsSection: LoadSection<ProjectSpec[]> = {
  key: 'projects',
  schema: Section,
  async apply(entries, context) {
    const projects = new ProjectRepository(context.db);
    for (const entry of entries) {
      const user = await context.db.selectFrom('users').select('id').where('username', '=', entry.username).executeTakeFirst();
      if (!user) throw new LoadError(`project ${entry.username}: no such user (add it under "users:")`);
      const wanted = Object.fromEntries(PROJECT_DETAIL_FIELDS.map((f) => [f, (entry as Record<string, unknown>)[f]]));
      const existing = await projects.byUserId(user.id);
      const project = existing ?? (await projects.ensureFor(user.id));
      const current = (await projects.details(project.id))!;
      const changes = existing ? differences(current as unknown as Record<string, unknown>, wanted) : [];
      if (changes.length) await projects.updateDetails(project.id, Object.fromEntries(changes.map((k) => [k, wanted[k]])));
      if (!existing) await projects.updateDetails(project.id, Object.fromEntries(Object.entries(wanted).filter(([, v]) => v !== undefined)));
      context.report.add('project', entry.username, existing ? (changes.length ? 'updated' : 'unchanged') : 'created', changes);
      for (const shipment of entry.shipments ?? []) await applyShipment(context, project.id, shipment);
    }
  },
};

async function applyShipment({ db, report }: LoadContext, projectId: number, spec: ShipmentSpec): Promise<void> {
  const now = isoNow();
  const state = (spec.state ?? 'draft') as TransitState;
  const found = await db.selectFrom('shipments').select(['id', 'state', 'comments']).where('project_id', '=', projectId).where('name', '=', spec.name).executeTakeFirst();
  let shipmentId: number;
  if (!found) {
    shipmentId = (await db.insertInto('shipments').values({
      project_id: projectId, name: spec.name, state, comments: spec.comments ?? '', carrier: '', tracking_code: '', return_code: '', storage_location: '',
      date_shipped: state === 'draft' ? null : now, date_received: state === 'on_site' ? now : null, date_returned: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow()).id;
    report.add('shipment', spec.name, 'created');
  } else {
    shipmentId = found.id;
    const changes = differences(found, { state, comments: spec.comments });
    if (changes.length) await db.updateTable('shipments').set({ state, comments: spec.comments ?? found.comments, updated_at: now }).where('id', '=', found.id).execute();
    report.add('shipment', spec.name, changes.length ? 'updated' : 'unchanged', changes);
  }

  const groupIds = new Map<string, number>();
  for (const group of spec.groups ?? []) {
    const wanted = {
      kind: group.kind, plan: group.plan, energy: group.energy, absorption_edge: group.absorption_edge,
      resolution: group.resolution, comments: group.comments, priority: group.priority,
    };
    const existing = await db.selectFrom('sample_groups').selectAll().where('project_id', '=', projectId).where('shipment_id', '=', shipmentId).where('name', '=', group.name).executeTakeFirst();
    if (!existing) {
      const row = await db.insertInto('sample_groups').values({
        project_id: projectId, shipment_id: shipmentId, name: group.name, state: 'draft', kind: group.kind ?? 'native', plan: group.plan ?? 'collect_best',
        energy: group.energy ?? null, absorption_edge: group.absorption_edge ?? '', resolution: group.resolution ?? null,
        comments: group.comments ?? '', priority: group.priority ?? null, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      groupIds.set(group.name, row.id);
      report.add('group', group.name, 'created');
    } else {
      groupIds.set(group.name, existing.id);
      const changes = differences(existing, wanted);
      if (changes.length) await db.updateTable('sample_groups').set({ ...Object.fromEntries(changes.map((k) => [k, wanted[k as keyof typeof wanted]])), updated_at: now }).where('id', '=', existing.id).execute();
      report.add('group', group.name, changes.length ? 'updated' : 'unchanged', changes);
    }
  }

  // Containers first, then their loads (a puck may name an adaptor listed after it), then samples.
  const containerIds = new Map<string, { id: number; typeId: number }>();
  for (const container of spec.containers ?? []) {
    const type = await db.selectFrom('container_types').select('id').where('name', '=', container.type).executeTakeFirst();
    if (!type) throw new LoadError(`container ${container.name}: unknown type "${container.type}"`);
    const existing = await db.selectFrom('containers').selectAll().where('project_id', '=', projectId).where('shipment_id', '=', shipmentId).where('name', '=', container.name).executeTakeFirst();
    if (!existing) {
      const row = await db.insertInto('containers').values({
        project_id: projectId, shipment_id: shipmentId, name: container.name, container_type_id: type.id, parent_id: null, location_id: null,
        state, priority: container.priority ?? 0, comments: container.comments ?? '', created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      containerIds.set(container.name, { id: row.id, typeId: type.id });
      report.add('container', container.name, 'created');
    } else {
      if (existing.container_type_id !== type.id) throw new LoadError(`container ${container.name} exists with another type`);
      containerIds.set(container.name, { id: existing.id, typeId: type.id });
      const wanted = { state, priority: container.priority, comments: container.comments };
      const changes = differences(existing, wanted);
      if (changes.length) await db.updateTable('containers').set({ ...Object.fromEntries(changes.map((k) => [k, wanted[k as keyof typeof wanted]])), updated_at: now }).where('id', '=', existing.id).execute();
      report.add('container', container.name, changes.length ? 'updated' : 'unchanged', changes);
    }
  }
  for (const container of spec.containers ?? []) {
    if (!container.load) continue;
    const parentId = 'beamline' in container.load
      ? await automounterOf(db, container.load.beamline)
      : containerIds.get(container.load.container)?.id;
    if (parentId === undefined) throw new LoadError(`container ${container.name}: cannot find where to load it`);
    await loadContainer(db, { childId: containerIds.get(container.name)!.id, parentId, locationName: container.load.location, staffUserId: null });
  }
  for (const container of spec.containers ?? []) {
    const { id: containerId, typeId } = containerIds.get(container.name)!;
    for (const sample of container.samples ?? []) {
      const location = await db.selectFrom('container_locations').select('id').where('container_type_id', '=', typeId).where('name', '=', String(sample.location)).executeTakeFirst();
      if (!location) throw new LoadError(`sample ${sample.name}: ${container.name} has no location "${sample.location}"`);
      const groupId = sample.group === undefined ? null : groupIds.get(sample.group);
      if (groupId === undefined) throw new LoadError(`sample ${sample.name}: no group "${sample.group}" in shipment ${spec.name}`);
      const wanted = { name: sample.name, group_id: groupId, barcode: sample.barcode ?? null, comments: sample.comments ?? null, priority: sample.priority ?? null };
      const existing = await db.selectFrom('samples').selectAll().where('container_id', '=', containerId).where('location_id', '=', location.id).executeTakeFirst();
      if (!existing) {
        await db.insertInto('samples').values({
          project_id: projectId, container_id: containerId, location_id: location.id, ...wanted, collect_status: false, created_at: now, updated_at: now,
        }).execute();
        report.add('sample', sample.name, 'created');
      } else {
        const changes = differences(existing, wanted);
        if (changes.length) await db.updateTable('samples').set({ ...wanted, updated_at: now }).where('id', '=', existing.id).execute();
        report.add('sample', sample.name, changes.length ? 'updated' : 'unchanged', changes);
      }
    }
  }
}

async function automounterOf(db: LoadContext['db'], acronym: string): Promise<number | undefined> {
  const row = await db.selectFrom('automounters').innerJoin('beamlines', 'beamlines.id', 'automounters.beamline_id')
    .select('automounters.container_id').where('beamlines.acronym', '=', acronym).where('automounters.active', '=', true).executeTakeFirst();
  return row?.container_id;
}
