// /containers: a shipment's containers (owners while the shipment is a draft), putting one into
// a slot of another (a puck in an adaptor; staff: into an automounter) and taking it out, and each
// container's load history (staff).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import {
  createContainer, deleteContainer, placeContainer, removeContainer, updateContainer, visibleContainer,
} from '../containers.ts';
import { ownedBy } from '../visibility.ts';
import type { Actor } from '../visibility.ts';
import {
  ErrorOut, Id, IdParams, ListQuery, Nullable, Page, Search, Timestamp, actorOf, containsText, errors, fetchPage, sorting, staff, user,
} from './common.ts';
import { wholeTableCount } from './whole-table-count.ts';
import { ContainerRules, TransitState } from '../field-rules.ts';
import { Ref, refIds } from './filters.ts';

const ContainerOut = Type.Object({
  id: Type.Integer(),
  project_id: Nullable(Type.Integer({ description: 'Null for facility equipment (automounters).' })),
  shipment_id: Nullable(Type.Integer()),
  name: Type.String(),
  container_type_id: Type.Integer(),
  container_type: Type.String(),
  parent_id: Nullable(Type.Integer({ description: 'The container this one sits in.' })),
  location: Nullable(Type.String({ description: 'Its slot in the parent.' })),
  state: Type.String(),
  priority: Type.Integer(),
  comments: Type.String(),
  created_at: Timestamp,
  updated_at: Timestamp,
}, { $id: 'Container' });

const Name = ContainerRules.name;
const TypeRef = Type.Union([ContainerRules.typeName, Type.Integer({ minimum: 1, maximum: 2147483647 })], { description: 'A container type, by name (e.g. "Uni-Puck") or id.' });
const Editable = { priority: ContainerRules.priority, comments: ContainerRules.comments };

const ContainerIn = Type.Object({
  shipment_id: Id, name: Name, type: TypeRef, priority: Type.Optional(Editable.priority), comments: Type.Optional(Editable.comments),
}, { additionalProperties: false });
const ContainerPatch = Type.Partial(Type.Object({ name: Name, ...Editable }), { additionalProperties: false, minProperties: 1 });

const Slot = ContainerRules.location;
const LoadIn = Type.Union([
  Type.Object({ parent_id: Id, location: Slot }, { additionalProperties: false }),
  Type.Object({ beamline: Type.String({ minLength: 1, maxLength: 50, description: 'Staff: the beamline whose active automounter takes it.' }), location: Slot }, { additionalProperties: false }),
]);

const LoadOut = Type.Object({
  id: Type.Integer(),
  child_id: Type.Integer(),
  parent_id: Type.Integer(),
  parent: Type.String(),
  location: Type.String(),
  started_at: Timestamp,
  ended_at: Nullable(Timestamp),
  staff_user_id: Nullable(Type.Integer()),
}, { $id: 'ContainerLoad' });

const order = sorting({
  id: 'containers.id', name: 'containers.name', state: 'containers.state', priority: 'containers.priority',
  created_at: 'containers.created_at', updated_at: 'containers.updated_at',
}, 'containers.id');

const historyOrder = sorting({ started_at: 'h.started_at', ended_at: { column: 'h.ended_at', nullable: true } }, 'h.id');

/** The containers the actor may see; their filters go here, so the list can count them without the joins. */
function visibleContainers(db: Db, actor: Actor) {
  return db.selectFrom('containers').where(ownedBy(actor, 'containers.project_id'));
}

/** The names a container shows; the joins only add columns (every container has its type). */
function withNames(containers: ReturnType<typeof visibleContainers>) {
  return containers
    .innerJoin('container_types as ct', 'ct.id', 'containers.container_type_id')
    .leftJoin('container_locations as slot', 'slot.id', 'containers.location_id')
    .selectAll('containers').select(['ct.name as container_type', 'slot.name as location']);
}

export function containerQuery(db: Db, actor: Actor) {
  return withNames(visibleContainers(db, actor));
}

export async function containerOut(db: Db, actor: Actor, id: number) {
  const row = await containerQuery(db, actor).where('containers.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such container.');
  return row;
}

export function loadHistoryQuery(db: Db) {
  return db.selectFrom('load_history as h')
    .innerJoin('containers as p', 'p.id', 'h.parent_id')
    .innerJoin('container_locations as l', 'l.id', 'h.location_id')
    .select(['h.id', 'h.child_id', 'h.parent_id', 'p.name as parent', 'l.name as location', 'h.started_at', 'h.ended_at', 'h.staff_user_id'])
    .orderBy('h.started_at', 'desc').orderBy('h.id', 'desc');
}

/** A load history page in the order asked (newest first by default). */
export function orderedLoadHistory<Q extends ReturnType<typeof loadHistoryQuery>>(query: Q, ordering: string | undefined): Q {
  return historyOrder.apply(query.clearOrderBy() as Q, ordering, () => query);
}

export const LoadHistoryQuery = ListQuery({ ordering: historyOrder.param });

export async function containerRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['containers'];

  app.get('/containers', {
    config: user,
    schema: {
      tags, summary: 'Containers of your project (staff: of every project; automounters are under /automounters)',
      querystring: ListQuery({
        shipment: Ref('shipment', 'shipment'), state: Type.Optional(TransitState), project: Ref('project', 'project'),
        parent: Ref('container it sits in', 'container'), type: Ref('container type', 'containerType'),
        search: Search('the name (containers are named by their code)'), ordering: order.param,
      }),
      response: { 200: Page(ContainerOut), 400: ErrorOut },
    },
  }, async (request) => {
    const { shipment, state, project, parent, type, search, ordering } = request.query;
    const actor = actorOf(request);
    let query = visibleContainers(db, actor).where('containers.project_id', 'is not', null);
    if (search !== undefined) query = query.where(containsText(['containers.name'], search));
    if (shipment !== undefined) query = query.where('containers.shipment_id', 'in', refIds(db, 'shipment', shipment));
    if (state !== undefined) query = query.where('containers.state', '=', state as never);
    if (project !== undefined) query = query.where('containers.project_id', 'in', refIds(db, 'project', project));
    if (parent !== undefined) query = query.where('containers.parent_id', 'in', refIds(db, 'container', parent));
    if (type !== undefined) query = query.where('containers.container_type_id', 'in', refIds(db, 'containerType', type));
    const sorted = order.apply(withNames(query), ordering, (q) => q.orderBy('containers.id'));
    return fetchPage(sorted, request.query, wholeTableCount(db, actor, request.query, 'project_containers') ?? query).then((page) => ({ count: page.count, results: page.rows }));
  });

  app.post('/containers', {
    config: user,
    schema: { tags, summary: 'Add a container to a draft shipment', body: ContainerIn, response: { 201: ContainerOut, ...errors } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const created = await createContainer(db, actor, request.body);
    return reply.code(201).send(await containerOut(db, actor, created.id));
  });

  app.get('/containers/:id', {
    config: user,
    schema: { tags, summary: 'One container', params: IdParams, response: { 200: ContainerOut, ...errors } },
  }, async (request) => containerOut(db, actorOf(request), request.params.id));

  app.patch('/containers/:id', {
    config: user,
    schema: { tags, summary: 'Change a container of a draft shipment', params: IdParams, body: ContainerPatch, response: { 200: ContainerOut, ...errors } },
  }, async (request) => {
    const actor = actorOf(request);
    await updateContainer(db, actor, request.params.id, request.body);
    return containerOut(db, actor, request.params.id);
  });

  app.delete('/containers/:id', {
    config: user,
    schema: { tags, summary: 'Delete a container of a draft shipment, with its samples', params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await deleteContainer(db, actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/containers/:id/load', {
    config: user,
    schema: {
      tags, params: IdParams, body: LoadIn, response: { 200: ContainerOut, ...errors },
      summary: 'Put the container into a slot of another: owners, a container of the same draft shipment (a puck into an adaptor); '
        + 'staff, an automounter ("beamline") or any container on site',
    },
  }, async (request) => {
    const actor = actorOf(request);
    await placeContainer(db, actor, request.params.id, request.body);
    return containerOut(db, actor, request.params.id);
  });

  app.post('/containers/:id/unload', {
    config: user,
    schema: { tags, summary: 'Take the container out of whatever holds it (same rules as load)', params: IdParams, response: { 200: ContainerOut, ...errors } },
  }, async (request) => {
    const actor = actorOf(request);
    await removeContainer(db, actor, request.params.id);
    return containerOut(db, actor, request.params.id);
  });

  app.get('/containers/:id/history', {
    config: staff,
    schema: {
      tags, summary: 'Where the container has been loaded, newest first (staff)', params: IdParams,
      querystring: LoadHistoryQuery, response: { 200: Page(LoadOut), ...errors },
    },
  }, async (request) => {
    const container = await visibleContainer(db, actorOf(request), request.params.id);
    const page = await fetchPage(orderedLoadHistory(loadHistoryQuery(db).where('h.child_id', '=', container.id), request.query.ordering), request.query);
    return { count: page.count, results: page.rows };
  });
}
