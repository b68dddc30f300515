// /sessions: beamline sessions (created by MxDC) with their stretches of use and total time.
import type { FastifyInstance } from 'fastify';
import type { ExpressionBuilder } from 'kysely';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { humanizeSeconds } from '../compat/humanize.ts';
import { ownedBy } from '../visibility.ts';
import { Ref, refIds } from './filters.ts';
import type { Actor } from '../visibility.ts';
import { HasFiles, WithoutFiles, filelessKeys, filesCondition } from './files-filter.ts';
import {
  ErrorOut, IdParams, ListQuery, Nullable, Page, Search, Timestamp, actorOf, containsText, errors, fetchPage, sorting, user,
} from './common.ts';
import { wholeTableCount } from './whole-table-count.ts';

const StretchOut = Type.Object({ id: Type.Integer(), started_at: Timestamp, ended_at: Nullable(Timestamp) });

const SessionOut = Type.Object({
  id: Type.Integer(),
  project_id: Type.Integer(),
  project: Type.String({ description: 'The project\'s name (its owner\'s username).' }),
  beamline_id: Type.Integer(),
  beamline: Type.String(),
  name: Type.String(),
  comments: Type.String(),
  proxy_key: Nullable(Type.String({ description: 'The Data Proxy key of the session\'s directory.' })),
  has_files: HasFiles,
  dataset_count: Type.Integer({ description: 'Datasets recorded in the session.' }),
  report_count: Type.Integer({ description: 'Reports on those datasets.' }),
  created_at: Timestamp,
  is_active: Type.Boolean({ description: 'A stretch is open.' }),
  duration_seconds: Type.Number({ description: 'Total time of all stretches, an open one counting up to now.' }),
  duration: Type.String({ description: 'The same, as MxDC shows it ("2 hours 5 mins").' }),
  stretches: Type.Array(StretchOut, { description: 'Newest first.' }),
}, { $id: 'BeamlineSession' });

const order = sorting({ created_at: 's.created_at', name: 's.name', beamline: 'b.acronym', project: 'u.username' }, 's.id');

/** The sessions the actor may see; their filters go here, so the list can count them without the joins. */
function visibleSessions(db: Db, actor: Actor) {
  return db.selectFrom('beamline_sessions as s').where(ownedBy(actor, 's.project_id'));
}

/** The names a session shows; the joins only add columns (every session has its beamline and project). */
function withNames(sessions: ReturnType<typeof visibleSessions>) {
  return sessions.innerJoin('beamlines as b', 'b.id', 's.beamline_id')
    .innerJoin('projects as p', 'p.id', 's.project_id').innerJoin('users as u', 'u.id', 'p.user_id')
    .selectAll('s').select(['b.acronym as beamline', 'u.username as project']);
}

function sessionQuery(db: Db, actor: Actor) {
  return withNames(visibleSessions(db, actor));
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionQuery>['executeTakeFirstOrThrow']>>;

/** How many datasets, and reports on them, each session has (a session's records are its project's). */
async function recordCounts(db: Db, ids: number[]) {
  if (ids.length === 0) return { datasets: new Map<number, number>(), reports: new Map<number, number>() };
  const datasets = await db.selectFrom('datasets').select(['session_id', (eb) => eb.fn.countAll().as('count')])
    .where('session_id', 'in', ids).groupBy('session_id').execute();
  // One count per session: asked for the page's sessions at once, PostgreSQL expects thousands of
  // datasets and reads every report link of the facility (0.2 s with 10⁶ datasets) instead of
  // looking up each dataset's links.
  const reports = await db.selectFrom('beamline_sessions as s').where('s.id', 'in', ids)
    .select(['s.id as session_id', (eb) => eb.selectFrom('report_datasets as rd').innerJoin('datasets as d', 'd.id', 'rd.dataset_id')
      .select((inner) => inner.fn.count('rd.report_id').distinct().as('n')).whereRef('d.session_id', '=', 's.id').as('count')])
    .execute();
  const byId = (rows: { session_id: number | null; count: unknown }[]) => new Map(rows.map((r) => [r.session_id!, Number(r.count)]));
  return { datasets: byId(datasets), reports: byId(reports) };
}

/** Sessions with their stretches and counts, fetched for the whole page at once. */
async function withStretches(db: Db, sessions: SessionRow[]) {
  const ids = sessions.map((s) => s.id);
  const stretches = ids.length === 0 ? [] : await db.selectFrom('stretches').select(['id', 'session_id', 'started_at', 'ended_at'])
    .where('session_id', 'in', ids).orderBy('started_at', 'desc').orderBy('id', 'desc').execute();
  const counts = await recordCounts(db, ids);
  const fileless = await filelessKeys(db, sessions.map((s) => s.proxy_key));
  const now = Date.now();
  return sessions.map((session) => {
    const own = stretches.filter((s) => s.session_id === session.id);
    const seconds = own.reduce((total, s) => total + Math.max(0, (s.ended_at ? Date.parse(s.ended_at) : now) - Date.parse(s.started_at)) / 1000, 0);
    return {
      ...session,
      has_files: session.proxy_key !== null && !fileless.has(session.proxy_key),
      dataset_count: counts.datasets.get(session.id) ?? 0,
      report_count: counts.reports.get(session.id) ?? 0,
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
        active: Type.Optional(Type.Boolean({ description: 'true: only sessions with an open stretch (running now); false: only those without.' })),
        search: Search('the name'), ordering: order.param,
      }),
      response: { 200: Page(SessionOut), 400: ErrorOut },
    },
  }, async (request) => {
    const { beamline, project, search, ordering } = request.query;
    const actor = actorOf(request);
    let query = visibleSessions(db, actor);
    if (search !== undefined) query = query.where(containsText(['s.name'], search));
    if (beamline !== undefined) query = query.where('s.beamline_id', 'in', refIds(db, 'beamline', beamline));
    if (project !== undefined) query = query.where('s.project_id', 'in', refIds(db, 'project', project));
    if (request.query.without_files !== undefined) query = query.where(filesCondition('s.proxy_key', request.query.without_files));
    if (request.query.active !== undefined) {
      const open = (eb: ExpressionBuilder<any, any>) => eb.exists(eb.selectFrom('stretches as st').select('st.id').whereRef('st.session_id', '=', 's.id').where('st.ended_at', 'is', null));
      query = query.where((eb) => (request.query.active ? open(eb) : eb.not(open(eb))));
    }
    const sorted = order.apply(withNames(query), ordering, (q) => q.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc'));
    const page = await fetchPage(sorted, request.query, wholeTableCount(db, actor, request.query, 'beamline_sessions') ?? query);
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
