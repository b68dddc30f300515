// /reports: analysis reports (uploaded by MxDC's pipelines) with the datasets they cover.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { ownedBy } from '../visibility.ts';
import { Ref, refIds } from './filters.ts';
import type { Actor } from '../visibility.ts';
import { WithoutFiles, filesCondition } from './files-filter.ts';
import {
  ErrorOut, IdParams, ListQuery, Page, Search, Timestamp, actorOf, containsText, errors, fetchPage, sorting, user,
} from './common.ts';
import { wholeTableCount } from './whole-table-count.ts';
import { parseJson } from './datasets.ts';

const ReportOut = Type.Object({
  id: Type.Integer(),
  project_id: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  score: Type.Number(),
  proxy_key: Type.String({ description: 'The Data Proxy key of the report\'s directory.' }),
  state: Type.String(),
  data_ids: Type.Array(Type.Integer(), { description: 'The datasets the report covers.' }),
  created_at: Timestamp,
  updated_at: Timestamp,
}, { $id: 'Report' });

const ReportDetail = Type.Composite([ReportOut, Type.Object({
  details: Type.Array(Type.Unknown(), { description: 'Sections of tables and plots in the MxLIVE report format (docs/compat.md#report-details).' }),
})]);

const order = sorting({ created_at: 'r.created_at', name: 'r.name', score: 'r.score', kind: 'r.kind' }, 'r.id');

/** Filters on the datasets a report covers: a report is listed when any of its datasets matches. */
const BY_DATASET = { dataset: 'd.id', session: 'd.session_id', sample: 'd.sample_id', group: 'd.group_id' } as const;

function reportQuery(db: Db, actor: Actor) {
  return db.selectFrom('reports as r').selectAll('r').where(ownedBy(actor, 'r.project_id'));
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirstOrThrow']>>;

/** Reports with the ids of their datasets (only datasets the actor may see), for a whole page at once. */
async function withDataIds(db: Db, actor: Actor, reports: ReportRow[]) {
  const ids = reports.map((r) => r.id);
  const links = ids.length === 0 ? [] : await db.selectFrom('report_datasets as rd').innerJoin('datasets as d', 'd.id', 'rd.dataset_id')
    .select(['rd.report_id', 'rd.dataset_id']).where('rd.report_id', 'in', ids).where(ownedBy(actor, 'd.project_id')).orderBy('rd.dataset_id').execute();
  return reports.map(({ details, ...report }) => ({
    report: { ...report, data_ids: links.filter((l) => l.report_id === report.id).map((l) => l.dataset_id) },
    details,
  }));
}

export async function reportRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['reports'];

  app.get('/reports', {
    config: user,
    schema: {
      tags, summary: 'Analysis reports, newest first: your project\'s, or every project\'s for staff',
      querystring: ListQuery({
        dataset: Ref('dataset', 'dataset'), session: Ref('session of a dataset it covers', 'session'),
        sample: Ref('sample of a dataset it covers', 'sample'), group: Ref('group of a dataset it covers', 'group'),
        project: Ref('project', 'project'), without_files: WithoutFiles, search: Search('the name'), ordering: order.param,
        kind: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The kind, exactly (e.g. "MX Native Analysis").' })),
        min_score: Type.Optional(Type.Number({ description: 'Only reports scoring at least this (scores run 0–1).' })),
        max_score: Type.Optional(Type.Number({ description: 'Only reports scoring at most this.' })),
      }),
      response: { 200: Page(ReportOut), 400: ErrorOut },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const { project, search, ordering } = request.query;
    let query = order.apply(reportQuery(db, actor), ordering, (q) => q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc'));
    for (const [filter, column] of Object.entries(BY_DATASET) as [keyof typeof BY_DATASET, (typeof BY_DATASET)[keyof typeof BY_DATASET]][]) {
      const value = request.query[filter];
      if (value === undefined) continue;
      query = query.where('r.id', 'in', (eb) => eb.selectFrom('report_datasets as rd').innerJoin('datasets as d', 'd.id', 'rd.dataset_id')
        .select('rd.report_id').where(column, 'in', refIds(db, filter, value)));
    }
    if (search !== undefined) query = query.where(containsText(['r.name'], search));
    const { kind, min_score: minScore, max_score: maxScore } = request.query;
    if (kind !== undefined) query = query.where('r.kind', '=', kind);
    if (minScore !== undefined) query = query.where('r.score', '>=', minScore);
    if (maxScore !== undefined) query = query.where('r.score', '<=', maxScore);
    if (project !== undefined) query = query.where('r.project_id', 'in', refIds(db, 'project', project));
    if (request.query.without_files !== undefined) query = query.where(filesCondition('r.proxy_key', request.query.without_files));
    const page = await fetchPage(query, request.query, wholeTableCount(db, actor, request.query, 'reports') ?? query);
    return { count: page.count, results: (await withDataIds(db, actor, page.rows)).map((r) => r.report) };
  });

  app.get('/reports/:id', {
    config: user,
    schema: { tags, summary: 'One report with its details', params: IdParams, response: { 200: ReportDetail, ...errors } },
  }, async (request) => {
    const actor = actorOf(request);
    const row = await reportQuery(db, actor).where('r.id', '=', request.params.id).executeTakeFirst();
    if (!row) throw notFound('No such report.');
    const [{ report, details }] = await withDataIds(db, actor, [row]);
    const parsed = parseJson<unknown>(details, []);
    return { ...report, details: Array.isArray(parsed) ? parsed : [] };
  });
}
