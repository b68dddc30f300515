// /access-lists (staff): which projects may use the remote-access server at an address, and the
// connections that server has reported.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import type { AccessList } from '../access-list-admin.ts';
import { createAccessList, deleteAccessList, findAccessList, updateAccessList, withMembers } from '../access-list-admin.ts';
import { ErrorOut, IdParams, ListQuery, Nullable, Page, Timestamp, actorOf, errors, fetchPage, sorting, staff } from './common.ts';

const AccessListOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Type.String(),
  address: Type.String({ description: 'The server\'s IP address; the server reads its list from /api/v2/accesslist/.' }),
  active: Type.Boolean(),
  project_ids: Type.Array(Type.Integer()),
  beamline_ids: Type.Array(Type.Integer()),
  created_at: Timestamp,
  updated_at: Timestamp,
}, { $id: 'AccessList' });

const Fields = {
  name: Type.String({ minLength: 1, maxLength: 60 }),
  description: Type.String({ maxLength: 10000 }),
  address: Type.String({ minLength: 2, maxLength: 64, description: 'An IPv4 or IPv6 address.' }),
  active: Type.Boolean(),
  project_ids: Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { maxItems: 10000, description: 'Replaces the projects allowed on the server.' }),
  beamline_ids: Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { maxItems: 1000, description: 'Replaces the beamlines the server serves.' }),
};
const AccessListIn = Type.Object({
  name: Fields.name,
  address: Fields.address,
  description: Type.Optional(Fields.description),
  active: Type.Optional(Fields.active),
  project_ids: Type.Optional(Fields.project_ids),
  beamline_ids: Type.Optional(Fields.beamline_ids),
}, { additionalProperties: false });
const AccessListPatch = Type.Partial(Type.Object(Fields), { additionalProperties: false, minProperties: 1 });

const ConnectionOut = Type.Object({
  id: Type.Integer(),
  project_id: Type.Integer(),
  username: Type.String(),
  name: Type.String(),
  status: Type.String({ description: 'Connected, Disconnected, Failed or Finished, as the server reported.' }),
  created_at: Timestamp,
  ended_at: Nullable(Timestamp),
}, { $id: 'RemoteConnection' });

const order = sorting({ name: 'access_lists.name', address: 'access_lists.address', created_at: 'access_lists.created_at', id: 'access_lists.id' }, 'access_lists.id');
const connectionOrder = sorting({ created_at: 'rc.created_at', username: 'u.username', status: 'rc.status' }, 'rc.id');

const accessListOut = (list: AccessList) => ({ ...list, active: Boolean(list.active) });

export async function accessListRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['access-lists'];

  app.get('/access-lists', {
    config: staff,
    schema: { tags, summary: 'Remote-access lists (staff)', querystring: ListQuery({ ordering: order.param }), response: { 200: Page(AccessListOut), 400: ErrorOut } },
  }, async (request) => {
    const page = await fetchPage(order.apply(db.selectFrom('access_lists').selectAll(), request.query.ordering, (q) => q.orderBy('name')), request.query);
    return { count: page.count, results: (await withMembers(db, page.rows)).map(accessListOut) };
  });

  app.post('/access-lists', {
    config: staff,
    schema: { tags, summary: 'Create a remote-access list (staff)', body: AccessListIn, response: { 201: AccessListOut, ...errors } },
  }, async (request, reply) => reply.code(201).send(accessListOut(await createAccessList(db, actorOf(request), request.body))));

  app.get('/access-lists/:id', {
    config: staff,
    schema: { tags, summary: 'One remote-access list (staff)', params: IdParams, response: { 200: AccessListOut, ...errors } },
  }, async (request) => accessListOut(await findAccessList(db, request.params.id)));

  app.patch('/access-lists/:id', {
    config: staff,
    schema: { tags, summary: 'Change a remote-access list; project_ids and beamline_ids replace the old members (staff)', params: IdParams, body: AccessListPatch, response: { 200: AccessListOut, ...errors } },
  }, async (request) => accessListOut(await updateAccessList(db, actorOf(request), request.params.id, request.body)));

  app.delete('/access-lists/:id', {
    config: staff,
    schema: { tags, summary: 'Delete a remote-access list and its connection history (staff)', params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await deleteAccessList(db, actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/access-lists/:id/connections', {
    config: staff,
    schema: { tags, summary: 'Connections the server reported, newest first (staff)', params: IdParams, querystring: ListQuery({ ordering: connectionOrder.param }), response: { 200: Page(ConnectionOut), ...errors } },
  }, async (request) => {
    const list = await findAccessList(db, request.params.id);
    const connections = db.selectFrom('remote_connections as rc').innerJoin('projects as p', 'p.id', 'rc.project_id').innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['rc.id', 'rc.project_id', 'u.username', 'rc.name', 'rc.status', 'rc.created_at', 'rc.ended_at'])
      .where('rc.access_list_id', '=', list.id);
    const query = connectionOrder.apply(connections, request.query.ordering, (q) => q.orderBy('rc.created_at', 'desc').orderBy('rc.id', 'desc'));
    const page = await fetchPage(query, request.query);
    return { count: page.count, results: page.rows };
  });
}
