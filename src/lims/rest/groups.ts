// /groups: a shipment's sample groups (experiment plans), changed while the shipment is a draft.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { GroupRules } from '../field-rules.ts';
import { createGroup, deleteGroup, updateGroup, visibleGroup } from '../groups.ts';
import { ownedBy } from '../visibility.ts';
import { Ref, refIds } from './filters.ts';
import {
  ErrorOut, Id, IdParams, ListQuery, Nullable, Page, Search, Timestamp, actorOf, containsText, errors, fetchPage, sorting, user,
} from './common.ts';

const GroupOut = Type.Object({
  id: Type.Integer(),
  project_id: Type.Integer(),
  shipment_id: Nullable(Type.Integer()),
  name: Type.String(),
  state: Type.String(),
  kind: Type.String(),
  plan: Type.String(),
  energy: Nullable(Type.Number()),
  absorption_edge: Type.String(),
  resolution: Nullable(Type.Number()),
  comments: Type.String(),
  priority: Nullable(Type.Integer()),
  created_at: Timestamp,
  updated_at: Timestamp,
}, { $id: 'SampleGroup' });

const Fields = {
  ...GroupRules,
  energy: Nullable(GroupRules.energy),
  resolution: Nullable(GroupRules.resolution),
  priority: Nullable(GroupRules.priority),
};

const GroupIn = Type.Object({
  shipment_id: Id,
  name: Fields.name,
  kind: Type.Optional(Fields.kind),
  plan: Type.Optional(Fields.plan),
  energy: Type.Optional(Fields.energy),
  absorption_edge: Type.Optional(Fields.absorption_edge),
  resolution: Type.Optional(Fields.resolution),
  comments: Type.Optional(Fields.comments),
  priority: Type.Optional(Fields.priority),
}, { additionalProperties: false });
const order = sorting({
  name: 'sample_groups.name', priority: { column: 'sample_groups.priority', nullable: true }, kind: 'sample_groups.kind',
  state: 'sample_groups.state', created_at: 'sample_groups.created_at',
}, 'sample_groups.id');

const GroupPatch = Type.Partial(Type.Object(Fields), { additionalProperties: false, minProperties: 1 });

export async function groupRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['groups'];

  app.get('/groups', {
    config: user,
    schema: {
      tags, summary: 'Sample groups of your project (staff: every project), by priority',
      querystring: ListQuery({ shipment: Ref('shipment', 'shipment'), project: Ref('project', 'project'), search: Search('the name'), ordering: order.param }),
      response: { 200: Page(GroupOut), 400: ErrorOut },
    },
  }, async (request) => {
    const { shipment, project, search, ordering } = request.query;
    const visible = db.selectFrom('sample_groups').selectAll().where(ownedBy(actorOf(request), 'sample_groups.project_id'));
    let query = order.apply(visible, ordering, (q) => q.orderBy('shipment_id').orderBy('priority').orderBy('id'));
    if (search !== undefined) query = query.where(containsText(['sample_groups.name'], search));
    if (shipment !== undefined) query = query.where('shipment_id', 'in', refIds(db, 'shipment', shipment));
    if (project !== undefined) query = query.where('project_id', 'in', refIds(db, 'project', project));
    const page = await fetchPage(query, request.query);
    return { count: page.count, results: page.rows };
  });

  app.post('/groups', {
    config: user,
    schema: { tags, summary: 'Add a group to a draft shipment', body: GroupIn, response: { 201: GroupOut, ...errors } },
  }, async (request, reply) => reply.code(201).send(await createGroup(db, actorOf(request), request.body)));

  app.get('/groups/:id', {
    config: user,
    schema: { tags, summary: 'One group', params: IdParams, response: { 200: GroupOut, ...errors } },
  }, async (request) => visibleGroup(db, actorOf(request), request.params.id));

  app.patch('/groups/:id', {
    config: user,
    schema: { tags, summary: 'Change a group of a draft shipment', params: IdParams, body: GroupPatch, response: { 200: GroupOut, ...errors } },
  }, async (request) => updateGroup(db, actorOf(request), request.params.id, request.body));

  app.delete('/groups/:id', {
    config: user,
    schema: { tags, summary: 'Delete a group of a draft shipment (its samples stay, without a group)', params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await deleteGroup(db, actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });
}
