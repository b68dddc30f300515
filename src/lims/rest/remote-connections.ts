// /remote-connections: the remote-access history as a project sees it — the connections the
// remote-access servers reported for the caller's own project (every project's for staff), with
// the list (server) each came through. Staff manage the lists themselves under /access-lists.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { ownedBy } from '../visibility.ts';
import { Ref, refIds } from './filters.ts';
import { ErrorOut, Id, ListQuery, Nullable, Page, Timestamp, actorOf, fetchPage, sorting, user } from './common.ts';

const ProjectConnectionOut = Type.Object({
  id: Type.Integer(),
  project_id: Type.Integer(),
  username: Type.String({ description: 'The project\'s (owner\'s) username.' }),
  access_list_id: Type.Integer(),
  access_list: Type.String({ description: 'The name of the remote-access list (server) it came through.' }),
  address: Type.String({ description: 'That server\'s address.' }),
  name: Type.String({ description: 'The connection\'s name, as the server reported it.' }),
  status: Type.String({ description: 'Connected, Disconnected, Failed or Finished, as the server reported.' }),
  created_at: Timestamp,
  ended_at: Nullable(Timestamp),
}, { $id: 'ProjectRemoteConnection' });

const order = sorting({ created_at: 'rc.created_at', status: 'rc.status', access_list: 'al.name' }, 'rc.id');

export async function remoteConnectionRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  app.get('/remote-connections', {
    config: user,
    schema: {
      tags: ['access-lists'], summary: 'Remote-access connections, newest first: your project\'s, or every project\'s for staff',
      querystring: ListQuery({ project: Ref('project', 'project'), access_list: Type.Optional(Id), ordering: order.param }),
      response: { 200: Page(ProjectConnectionOut), 400: ErrorOut },
    },
  }, async (request) => {
    const visible = db.selectFrom('remote_connections as rc')
      .innerJoin('access_lists as al', 'al.id', 'rc.access_list_id')
      .innerJoin('projects as p', 'p.id', 'rc.project_id')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['rc.id', 'rc.project_id', 'u.username', 'rc.access_list_id', 'al.name as access_list', 'al.address', 'rc.name', 'rc.status', 'rc.created_at', 'rc.ended_at'])
      .where(ownedBy(actorOf(request), 'rc.project_id'));
    let query = order.apply(visible, request.query.ordering, (q) => q.orderBy('rc.created_at', 'desc').orderBy('rc.id', 'desc'));
    if (request.query.project !== undefined) query = query.where('rc.project_id', 'in', refIds(db, 'project', request.query.project));
    if (request.query.access_list !== undefined) query = query.where('rc.access_list_id', '=', request.query.access_list);
    const page = await fetchPage(query, request.query);
    return { count: page.count, results: page.rows };
  });
}
