// `projects:` in a load file: a user's project details and their shipments, with groups,
// containers (optionally loaded into an automounter or another container) and samples. Fields
// follow the REST API's rules (field-rules.ts), samples take free locations that hold samples, and
// nothing may be listed twice.
import { Type } from '@sinclair/typebox';
import type { Static, TOptional, TSchema } from '@sinclair/typebox';
import type { LoadContext, LoadSection } from '../loader/section.ts';
import { differences } from '../loader/report.ts';
import { LoadError } from '../loader/load-file.ts';
import { refuseRepeats } from '../loader/repeats.ts';
import { HttpError } from '../platform/http/errors.ts';
import { isoNow } from '../platform/time.ts';
import { BeamlineRules, ContainerRules, GroupRules, ProjectDetailRules, SampleRules, ShipmentRules, TransitState as State } from './field-rules.ts';
import { ProjectRepository, PROJECT_DETAIL_FIELDS } from './projects.ts';
import { loadContainer } from './loading.ts';
import { slotProblem, slotsOf } from './samples.ts';
import type { TransitState } from './tables.ts';

const optional = <T extends Record<string, TSchema>>(rules: T) =>
  Object.fromEntries(Object.entries(rules).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof T]: TOptional<T[K]> };

const SampleEntry = Type.Object({
  name: SampleRules.name,
  /** YAML reads `location: 1` as a number. */
  location: Type.Union([SampleRules.location, Type.Integer({ minimum: 0, maximum: 99999 })]),
  group: Type.Optional(GroupRules.name),
  barcode: Type.Optional(SampleRules.barcode),
  comments: Type.Optional(SampleRules.comments),
  priority: Type.Optional(SampleRules.priority),
}, { additionalProperties: false });

const ContainerEntry = Type.Object({
  name: ContainerRules.name,
  type: ContainerRules.typeName,
  priority: Type.Optional(ContainerRules.priority),
  comments: Type.Optional(ContainerRules.comments),
  /** Where the container sits: an automounter slot of a beamline, or a slot of another container of this project. */
  load: Type.Optional(Type.Union([
    Type.Object({ beamline: BeamlineRules.acronym, location: ContainerRules.location }, { additionalProperties: false }),
    Type.Object({ container: ContainerRules.name, location: ContainerRules.location }, { additionalProperties: false }),
  ])),
  samples: Type.Optional(Type.Array(SampleEntry)),
}, { additionalProperties: false });

const { name: groupName, ...groupFields } = GroupRules;
const GroupEntry = Type.Object({ name: groupName, ...optional(groupFields) }, { additionalProperties: false });

const ShipmentEntry = Type.Object({
  name: ShipmentRules.name,
  state: Type.Optional(State),
  comments: Type.Optional(ShipmentRules.comments),
  groups: Type.Optional(Type.Array(GroupEntry)),
  containers: Type.Optional(Type.Array(ContainerEntry)),
}, { additionalProperties: false });

const ProjectEntry = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 150 }),
  ...optional(ProjectDetailRules),
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
    refuseRepeats(entries, (e) => e.username, (e) => `project ${e.username} is listed twice`);
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
      refuseRepeatsIn(entry.username, entry.shipments);
      for (const shipment of entry.shipments ?? []) await applyShipment(context, project.id, shipment);
    }
  },
};

/** What the REST API would refuse too: the same shipment, group, container or sample location twice. */
function refuseRepeatsIn(projectName: string, shipments: ShipmentSpec[] | undefined): void {
  refuseRepeats(shipments, (s) => s.name, (s) => `shipment ${s.name} of project ${projectName} is listed twice`);
  for (const shipment of shipments ?? []) {
    refuseRepeats(shipment.groups, (g) => g.name, (g) => `group ${g.name} of shipment ${shipment.name} is listed twice`);
    refuseRepeats(shipment.containers, (c) => c.name, (c) => `container ${c.name} of shipment ${shipment.name} is listed twice`);
    for (const container of shipment.containers ?? []) {
      refuseRepeats(container.samples, (s) => String(s.location),
        (first, second) => `sample ${second.name}: location ${second.location} of ${container.name} is already given to sample ${first.name}`);
    }
  }
}

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
    try {
      await loadContainer(db, { childId: containerIds.get(container.name)!.id, parentId, locationName: container.load.location, staffUserId: null });
    } catch (error) {
      // The API's refusal, said of the item in the file.
      if (error instanceof HttpError) throw new LoadError(`container ${container.name}: ${error.detail.replace(/\.$/, '')}`);
      throw error;
    }
  }
  for (const container of spec.containers ?? []) {
    const { id: containerId, typeId } = containerIds.get(container.name)!;
    const slots = container.samples?.length ? await slotsOf(db, typeId) : new Map();
    for (const sample of container.samples ?? []) {
      const problem = slotProblem(container, slots, String(sample.location));
      if (problem) throw new LoadError(`sample ${sample.name}: ${problem}`);
      const location = slots.get(String(sample.location))!;
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
