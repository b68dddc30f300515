// /sessions: beamline sessions (created by MxDC) with their stretches of use and total time.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { humanizeSeconds } from '../compat/humanize.ts';
import { ownedBy } from '../visibility.ts';
import { Ref, refIds } from './filters.ts';
import type { Actor } from '../visibility.ts';
import { WithoutFiles, filesCondition } from './files-filter.ts';
import {
  ErrorOut, IdParams, ListQuery, Nullable, Page, Search, Timestamp, actorOf, containsText, errors, fetchPage, sorting, user,
} from './common.ts';

const StretchOut = Type.Object({ id: Type.Integer(), started_at: Timestamp, ended_at: Nullable(Timestamp) });

const SessionOut = Type.Object({
  id: Type.Integer(),
  project_id: Type.Integer(),
  beamline_id: Type.Integer(),
  beamline: Type.String(),
  name: Type.String(),
  comments: Type.String(),
  proxy_key: Nullable(Type.String({ description: 'The Data Proxy key of the session\'s directory.' })),
  created_at: Timestamp,
  is_active: Type.Boolean({ description: 'A stretch is open.' }),
  duration_seconds: Type.Number({ description: 'Total time of all stretches, an open one counting up to now.' }),
  duration: Type.String({ description: 'The same, as MxDC shows it ("2 hours 5 mins").' }),
  stretches: Type.Array(StretchOut, { description: 'Newest first.' }),
}, { $id: 'BeamlineSession' });

const order = sorting({ created_at: 's.created_at', name: 's.name' }, 's.id');

function sessionQuery(db: Db, actor: Actor) {
  return db.selectFrom('beamline_sessions as s').innerJoin('beamlines as b', 'b.id', 's.beamline_id')
    .selectAll('s').select('b.acronym as beamline')
    .where(ownedBy(actor, 's.project_id'));
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionQuery>['executeTakeFirstOrThrow']>>;

/** Sessions with their stretches, fetched for the whole page at once. */
async function withStretches(db: Db, sessions: SessionRow[]) {
  const ids = sessions.map((s) => s.id);
  const stretches = ids.length === 0 ? [] : await db.selectFrom('stretches').select(['id', 'session_id', 'started_at', 'ended_at'])
    .where('session_id', 'in', ids).orderBy('started_at', 'desc').orderBy('id', 'desc').execute();
  const now = Date.now();
  return sessions.map((session) => {
    const own = stretches.filter((s) => s.session_id === session.id);
    const seconds = own.reduce((total, s) => total + Math.max(0, (s.ended_at ? Date.parse(s.ended_at) : now) - Date.parse(s.started_at)) / 1000, 0);
    return {
      ...session,
      is_active: own.some((s) => s.ended_at === null),
      duration_seconds: seconds,
      duration: humanizeSeconds(seconds),
      stretches: own.map(({ id, started_at, ended_at }) => ({ id, started_at, ended_at })),
    };
  });
}

export async function sessionRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['sessions'];

  app.get('/sessions', {
    config: user,
    schema: {
      tags, summary: 'Beamline sessions, newest first: your project\'s, or every project\'s for staff',
      querystring: ListQuery({
        beamline: Ref('beamline', 'beamline'), project: Ref('project', 'project'), without_files: WithoutFiles,
        search: Search('the name'), ordering: order.param,
      }),
      response: { 200: Page(SessionOut), 400: ErrorOut },
    },
  }, async (request) => {
    const { beamline, project, search, ordering } = request.query;
    let query = order.apply(sessionQuery(db, actorOf(request)), ordering, (q) => q.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc'));
    if (search !== undefined) query = query.where(containsText(['s.name'], search));
    if (beamline !== undefined) query = query.where('s.beamline_id', 'in', refIds(db, 'beamline', beamline));
    if (project !== undefined) query = query.where('s.project_id', 'in', refIds(db, 'project', project));
    if (request.query.without_files !== undefined) query = query.where(filesCondition('s.proxy_key', request.query.without_files));
    const page = await fetchPage(query, request.query);
    return { count: page.count, results: await withStretches(db, page.rows) };
  });

  app.get('/sessions/:id', {
    config: user,
    schema: { tags, summary: 'One session with its stretches', params: IdParams, response: { 200: SessionOut, ...errors } },
  }, async (request) => {
    const row = await sessionQuery(db, actorOf(request)).where('s.id', '=', request.params.id).executeTakeFirst();
    if (!row) throw notFound('No such session.');
    return (await withStretches(db, [row]))[0];
  });
}
