// /datasets: what the beamlines recorded (uploaded by MxDC), filtered by session, sample,
// beamline, type and time of creation.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { ownedBy } from '../visibility.ts';
import { Ref, refIds } from './filters.ts';
import type { Actor } from '../visibility.ts';
import { HasFiles, WithoutFiles, filelessKeys, filesCondition } from './files-filter.ts';
import {
  ErrorOut, IdParams, ListQuery, Nullable, Page, Search, Timestamp, actorOf, containsText, errors, fetchPage, isoBound, sorting, user,
} from './common.ts';
import { wholeTableCount } from './whole-table-count.ts';

const DatasetOut = Type.Object({
  id: Type.Integer(),
  project_id: Type.Integer(),
  beamline_id: Type.Integer(),
  beamline: Type.String(),
  session_id: Nullable(Type.Integer()),
  session: Nullable(Type.String({ description: 'The session\'s name.' })),
  sample_id: Nullable(Type.Integer()),
  sample: Nullable(Type.String({ description: 'The sample\'s name.' })),
  group_id: Nullable(Type.Integer()),
  group: Nullable(Type.String({ description: 'The group\'s name.' })),
  type: Type.String({ description: 'The data type acronym: SCREEN, DATA, XRD, RASTER, XAS, XRF, MAD.' }),
  name: Type.String(),
  file_name: Type.String(),
  frames: Type.String(),
  num_frames: Type.Integer(),
  frames_per_file: Type.Integer(),
  exposure_time: Nullable(Type.Number()),
  attenuation: Type.Number(),
  energy: Type.Number(),
  beam_size: Nullable(Type.Number()),
  proxy_key: Type.String({ description: 'The Data Proxy key of the dataset\'s directory.' }),
  has_files: HasFiles,
  meta_data: Type.Record(Type.String(), Type.Unknown()),
  state: Type.String(),
  start_time: Nullable(Timestamp),
  end_time: Nullable(Timestamp),
  created_at: Timestamp,
  updated_at: Timestamp,
}, { $id: 'Dataset' });

const order = sorting({ created_at: 'd.created_at', name: 'd.name', type: 't.acronym' }, 'd.id');

export function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function visibleDatasets(db: Db, actor: Actor) {
  return db.selectFrom('datasets as d').where(ownedBy(actor, 'd.project_id'));
}

/**
 * The names a dataset shows; they only add columns, so counting leaves them out. The session's,
 * sample's and group's names are looked up by key for the rows of the page only: joined,
 * PostgreSQL expects a search to match many datasets and reads every session and group to add them.
 */
function withNames(datasets: ReturnType<typeof visibleDatasets>) {
  return datasets
    .innerJoin('beamlines as b', 'b.id', 'd.beamline_id')
    .innerJoin('data_types as t', 't.id', 'd.data_type_id')
    .selectAll('d').select((eb) => [
      'b.acronym as beamline', 't.acronym as type',
      eb.selectFrom('beamline_sessions as s').select('s.name').whereRef('s.id', '=', 'd.session_id').$asScalar().$castTo<string | null>().as('session'),
      eb.selectFrom('samples as sa').select('sa.name').whereRef('sa.id', '=', 'd.sample_id').$asScalar().$castTo<string | null>().as('sample'),
      eb.selectFrom('sample_groups as g').select('g.name').whereRef('g.id', '=', 'd.group_id').$asScalar().$castTo<string | null>().as('group'),
    ]);
}

type DatasetRow = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;

function datasetOut(row: DatasetRow, fileless: Set<string>) {
  const { data_type_id: _type, meta_data, ...rest } = row;
  const parsed = parseJson<unknown>(meta_data, {});
  return {
    ...rest,
    has_files: !fileless.has(row.proxy_key),
    meta_data: parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Record<string, unknown> : {},
  };
}

/** The page's datasets as the API shows them, with whether each one's files can be downloaded. */
async function datasetsOut(db: Db, rows: DatasetRow[]) {
  const fileless = await filelessKeys(db, rows.map((row) => row.proxy_key));
  return rows.map((row) => datasetOut(row, fileless));
}

export async function datasetRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['datasets'];

  app.get('/datasets', {
    config: user,
    schema: {
      tags, summary: 'Datasets, newest first: your project\'s, or every project\'s for staff',
      querystring: ListQuery({
        session: Ref('session', 'session'), sample: Ref('sample', 'sample'), group: Ref('group', 'group'),
        beamline: Ref('beamline', 'beamline'), project: Ref('project', 'project'),
        type: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,20}$', description: 'A data type acronym, e.g. DATA.' })),
        created_after: Type.Optional(Type.String({ format: 'date-time', description: 'Created at or after this time.' })),
        created_before: Type.Optional(Type.String({ format: 'date-time', description: 'Created before this time.' })),
        without_files: WithoutFiles, search: Search('the name'), ordering: order.param,
      }),
      response: { 200: Page(DatasetOut), 400: ErrorOut },
    },
  }, async (request) => {
    const q = request.query;
    const actor = actorOf(request);
    let query = visibleDatasets(db, actor);
    if (q.search !== undefined) query = query.where(containsText(['d.name'], q.search));
    if (q.group !== undefined) query = query.where('d.group_id', 'in', refIds(db, 'group', q.group));
    if (q.session !== undefined) query = query.where('d.session_id', 'in', refIds(db, 'session', q.session));
    if (q.sample !== undefined) query = query.where('d.sample_id', 'in', refIds(db, 'sample', q.sample));
    if (q.beamline !== undefined) query = query.where('d.beamline_id', 'in', refIds(db, 'beamline', q.beamline));
    if (q.project !== undefined) query = query.where('d.project_id', 'in', refIds(db, 'project', q.project));
    if (q.type !== undefined) query = query.where('d.data_type_id', '=', (eb) => eb.selectFrom('data_types').select('id').where('acronym', '=', q.type!));
    // Stored times are ISO-8601 UTC text, so the bounds are normalised to the same form to compare.
    if (q.created_after !== undefined) query = query.where('d.created_at', '>=', isoBound(q.created_after, 'created_after'));
    if (q.created_before !== undefined) query = query.where('d.created_at', '<', isoBound(q.created_before, 'created_before'));
    if (q.without_files !== undefined) query = query.where(filesCondition('d.proxy_key', q.without_files));
    const sorted = order.apply(withNames(query), q.ordering, (byDefault) => byDefault.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc'));
    const page = await fetchPage(sorted, q, wholeTableCount(db, actor, q, 'datasets') ?? query);
    return { count: page.count, results: await datasetsOut(db, page.rows) };
  });

  app.get('/datasets/:id', {
    config: user,
    schema: { tags, summary: 'One dataset', params: IdParams, response: { 200: DatasetOut, ...errors } },
  }, async (request) => {
    const row = await withNames(visibleDatasets(db, actorOf(request)).where('d.id', '=', request.params.id)).executeTakeFirst();
    if (!row) throw notFound('No such dataset.');
    return (await datasetsOut(db, [row]))[0];
  });
}
