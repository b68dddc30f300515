// /shipments: owners create, change and delete draft shipments and send or recall them; staff
// receive, return and archive them (one route per action of the state machine); each one's history.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import {
  SHIPMENT_ACTIONS, createShipment, deleteShipment, transitionShipment, updateShipment, visibleShipment,
} from '../shipments.ts';
import type { ShipmentAction } from '../shipments.ts';
import { ShipmentRules, TransitState } from '../field-rules.ts';
import { ownedBy, projectForNewRecord } from '../visibility.ts';
import { Ref, refIds } from './filters.ts';
import { ActivityOut, activityOrder, activityQuery } from './activity.ts';
import {
  ErrorOut, Id, IdParams, ListQuery, Nullable, Page, Search, Timestamp, actorOf, containsText, errors, fetchPage, sorting, user,
} from './common.ts';
import { wholeTableCount } from './whole-table-count.ts';

const { name: Name, ...Fields } = ShipmentRules;

const ShipmentOut = Type.Object({
  id: Type.Integer(),
  project_id: Type.Integer(),
  name: Type.String(),
  state: Type.String(),
  comments: Type.String(),
  carrier: Type.String(),
  tracking_code: Type.String(),
  return_code: Type.String(),
  storage_location: Type.String(),
  date_shipped: Nullable(Timestamp),
  date_received: Nullable(Timestamp),
  date_returned: Nullable(Timestamp),
  created_at: Timestamp,
  updated_at: Timestamp,
}, { $id: 'Shipment' });


const ShipmentIn = Type.Object({
  name: Name,
  project_id: Type.Optional(Id),
  comments: Type.Optional(Fields.comments),
  carrier: Type.Optional(Fields.carrier),
  tracking_code: Type.Optional(Fields.tracking_code),
  storage_location: Type.Optional(Fields.storage_location),
  return_code: Type.Optional(Fields.return_code),
}, { additionalProperties: false });

const order = sorting({
  created_at: 'shipments.created_at', updated_at: 'shipments.updated_at', name: 'shipments.name', state: 'shipments.state',
  date_shipped: { column: 'shipments.date_shipped', nullable: true }, date_received: { column: 'shipments.date_received', nullable: true },
  date_returned: { column: 'shipments.date_returned', nullable: true },
}, 'shipments.id');

const ShipmentPatch = Type.Partial(Type.Object({ name: Name, ...Fields }), { additionalProperties: false, minProperties: 1 });

/** What each action may record besides the state change. */
const ACTION_BODIES: Record<ShipmentAction, ReturnType<typeof Type.Object>> = {
  send: Type.Object({ carrier: Type.Optional(Fields.carrier), tracking_code: Type.Optional(Fields.tracking_code), comments: Type.Optional(Fields.comments) }, { additionalProperties: false }),
  recall: Type.Object({}, { additionalProperties: false }),
  receive: Type.Object({ storage_location: Type.Optional(Fields.storage_location) }, { additionalProperties: false }),
  unreceive: Type.Object({}, { additionalProperties: false }),
  return: Type.Object({ return_code: Type.Optional(Fields.return_code) }, { additionalProperties: false }),
  unreturn: Type.Object({}, { additionalProperties: false }),
  archive: Type.Object({}, { additionalProperties: false }),
};

export async function shipmentRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['shipments'];

  app.get('/shipments', {
    config: user,
    schema: {
      tags, summary: 'Shipments, newest first: your project\'s, or every project\'s for staff',
      querystring: ListQuery({
        state: Type.Optional(TransitState), project: Ref('project', 'project'), search: Search('the name or the tracking code'), ordering: order.param,
      }),
      response: { 200: Page(ShipmentOut), 400: ErrorOut },
    },
  }, async (request) => {
    const { state, project, search, ordering } = request.query;
    const actor = actorOf(request);
    const visible = db.selectFrom('shipments').selectAll().where(ownedBy(actor, 'shipments.project_id'));
    let query = order.apply(visible, ordering, (q) => q.orderBy('created_at', 'desc').orderBy('id', 'desc'));
    if (search !== undefined) query = query.where(containsText(['shipments.name', 'shipments.tracking_code'], search));
    if (state !== undefined) query = query.where('state', '=', state as never);
    if (project !== undefined) query = query.where('project_id', 'in', refIds(db, 'project', project));
    const page = await fetchPage(query, request.query, wholeTableCount(db, actor, request.query, 'shipments') ?? query);
    return { count: page.count, results: page.rows };
  });

  app.post('/shipments', {
    config: user,
    schema: { tags, summary: 'Create a draft shipment (staff name the project)', body: ShipmentIn, response: { 201: ShipmentOut, ...errors } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { project_id, ...fields } = request.body;
    const projectId = await projectForNewRecord(db, actor, project_id);
    return reply.code(201).send(await createShipment(db, actor, projectId, fields));
  });

  app.get('/shipments/:id', {
    config: user,
    schema: { tags, summary: 'One shipment', params: IdParams, response: { 200: ShipmentOut, ...errors } },
  }, async (request) => visibleShipment(db, actorOf(request), request.params.id));

  app.get('/shipments/:id/history', {
    config: user,
    schema: {
      tags, summary: 'The shipment\'s history from the activity log (created, changed, sent, received, returned…), newest first',
      params: IdParams, querystring: ListQuery({ ordering: activityOrder.param }), response: { 200: Page(ActivityOut), ...errors },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const shipment = await visibleShipment(db, actor, request.params.id);
    const query = activityQuery(db, actor, request.query.ordering)
      .where('activity_log.object_type', '=', 'shipment').where('activity_log.object_id', '=', shipment.id);
    const page = await fetchPage(query, request.query);
    return { count: page.count, results: page.rows };
  });

  app.patch('/shipments/:id', {
    config: user,
    schema: {
      tags, summary: 'Change a draft shipment; staff may also set storage_location and return_code at any time',
      params: IdParams, body: ShipmentPatch, response: { 200: ShipmentOut, ...errors },
    },
  }, async (request) => updateShipment(db, actorOf(request), request.params.id, request.body));

  app.delete('/shipments/:id', {
    config: user,
    schema: { tags, summary: 'Delete a draft shipment with its containers, groups and samples', params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await deleteShipment(db, actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  for (const [action, rule] of Object.entries(SHIPMENT_ACTIONS) as [ShipmentAction, (typeof SHIPMENT_ACTIONS)[ShipmentAction]][]) {
    app.post(`/shipments/:id/${action}`, {
      config: { access: { allow: rule.staffOnly ? 'staff' as const : 'user' as const } },
      // The body is optional: a bare POST takes the action with nothing else recorded.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags, summary: `${rule.summary}: ${rule.from.join(' | ')} → ${rule.to}`, params: IdParams,
        body: ACTION_BODIES[action], response: { 200: ShipmentOut, ...errors },
      },
    }, async (request) => transitionShipment(db, actorOf(request), request.params.id, action, request.body as Record<string, string>));
  }
}
