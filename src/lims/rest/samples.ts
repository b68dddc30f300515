// /samples: samples seated in containers (changed while the shipment is a draft).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { SqlBool } from 'kysely';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { SampleRules } from '../field-rules.ts';
import { createSample, deleteSample, updateSample } from '../samples.ts';
import { ownedBy } from '../visibility.ts';
import { Ref, refIds } from './filters.ts';
import type { Actor } from '../visibility.ts';
import {
  ErrorOut, Id, IdParams, ListQuery, Nullable, Page, Search, Timestamp, actorOf, containsText, errors, fetchPage, sorting, user,
} from './common.ts';
import { wholeTableCount } from './whole-table-count.ts';

export const SampleOut = Type.Object({
  id: Type.Integer(),
  project_id: Type.Integer(),
  container_id: Type.Integer(),
  container: Type.String(),
  location: Type.String(),
  group_id: Nullable(Type.Integer()),
  group: Nullable(Type.String()),
  name: Type.String(),
  barcode: Nullable(Type.String()),
  comments: Nullable(Type.String()),
  priority: Nullable(Type.Integer()),
  collect_status: Type.Boolean(),
  created_at: Timestamp,
  updated_at: Timestamp,
}, { $id: 'Sample' });

const Fields = {
  name: SampleRules.name,
  location: SampleRules.location,
  group_id: Nullable(Type.Integer({ minimum: 1, maximum: 2147483647, description: 'A group of the same shipment.' })),
  barcode: Nullable(SampleRules.barcode),
  comments: Nullable(SampleRules.comments),
  priority: Nullable(SampleRules.priority),
  collect_status: Type.Boolean(),
};

const SampleIn = Type.Object({
  container_id: Id,
  name: Fields.name,
  location: Fields.location,
  group_id: Type.Optional(Fields.group_id),
  barcode: Type.Optional(Fields.barcode),
  comments: Type.Optional(Fields.comments),
  priority: Type.Optional(Fields.priority),
  collect_status: Type.Optional(Fields.collect_status),
}, { additionalProperties: false });
const order = sorting({
  name: 'samples.name', priority: { column: 'samples.priority', nullable: true }, created_at: 'samples.created_at', updated_at: 'samples.updated_at',
}, 'samples.id');

const SamplePatch = Type.Partial(Type.Object(Fields), { additionalProperties: false, minProperties: 1 });

/** The samples the actor may see; their filters go here, so the list can count them without the joins. */
function visibleSamples(db: Db, actor: Actor) {
  return db.selectFrom('samples').where(ownedBy(actor, 'samples.project_id'));
}

/**
 * The names a sample shows (every sample has its container and location). The container's and
 * group's names are looked up by key for the rows of the page only: joined, PostgreSQL expects a
 * search to match many samples and walks all the facility's containers in order to add them.
 * The location stays joined, as the default order sorts by its position.
 */
function withNames(samples: ReturnType<typeof visibleSamples>) {
  return samples
    .innerJoin('container_locations as slot', 'slot.id', 'samples.location_id')
    .selectAll('samples').select((eb) => [
      eb.selectFrom('containers as c').select('c.name').whereRef('c.id', '=', 'samples.container_id').$asScalar().as('container'),
      'slot.name as location',
      eb.selectFrom('sample_groups as g').select('g.name').whereRef('g.id', '=', 'samples.group_id').$asScalar().$castTo<string | null>().as('group'),
    ]);
}

export function sampleQuery(db: Db, actor: Actor) {
  return withNames(visibleSamples(db, actor));
}

type SampleRow = Awaited<ReturnType<ReturnType<typeof sampleQuery>['executeTakeFirstOrThrow']>>;
export const sampleOut = (row: SampleRow) => ({ ...row, collect_status: Boolean(row.collect_status) });

async function oneSample(db: Db, actor: Actor, id: number) {
  const row = await sampleQuery(db, actor).where('samples.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such sample.');
  return sampleOut(row);
}

/** Escapes LIKE/GLOB wildcards so a prefix matches literally. */
function prefixPattern(kind: 'sqlite' | 'postgres', prefix: string): string {
  // GLOB is case-sensitive and uses the index on SQLite; on PostgreSQL LIKE uses the pattern-ops index.
  return kind === 'sqlite' ? `${prefix.replace(/[*?[\]]/g, (c) => `[${c}]`)}*` : `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function sampleRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const kind = platform.database.kind;
  const tags = ['samples'];

  app.get('/samples', {
    config: user,
    schema: {
      tags, summary: 'Samples of your project (staff: every project), by container and location',
      querystring: ListQuery({
        container: Ref('container', 'container'), group: Ref('group', 'group'), project: Ref('project', 'project'),
        name: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'Names starting with this (case-sensitive).' })),
        search: Search('the name or the barcode'), ordering: order.param,
      }),
      response: { 200: Page(SampleOut), 400: ErrorOut },
    },
  }, async (request) => {
    const { container, group, project, name, search, ordering } = request.query;
    const actor = actorOf(request);
    let query = visibleSamples(db, actor);
    if (search !== undefined) query = query.where(containsText(['samples.name', 'samples.barcode'], search));
    if (container !== undefined) query = query.where('samples.container_id', 'in', refIds(db, 'container', container));
    if (group !== undefined) query = query.where('samples.group_id', 'in', refIds(db, 'group', group));
    if (project !== undefined) query = query.where('samples.project_id', 'in', refIds(db, 'project', project));
    if (name !== undefined) {
      const pattern = prefixPattern(kind, name);
      query = query.where(kind === 'sqlite' ? sql<SqlBool>`samples.name glob ${pattern}` : sql<SqlBool>`samples.name like ${pattern}`);
    }
    const sorted = order.apply(withNames(query), ordering, (q) => q.orderBy('samples.container_id').orderBy('slot.position').orderBy('samples.id'));
    // Counting without the joins: over a facility's million samples, PostgreSQL cannot drop inner joins itself.
    const page = await fetchPage(sorted, request.query, wholeTableCount(db, actor, request.query, 'samples') ?? query);
    return { count: page.count, results: page.rows.map(sampleOut) };
  });

  app.post('/samples', {
    config: user,
    schema: { tags, summary: 'Seat a sample in a free location of a container of a draft shipment', body: SampleIn, response: { 201: SampleOut, ...errors } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const created = await createSample(db, actor, request.body);
    return reply.code(201).send(await oneSample(db, actor, created.id));
  });

  app.get('/samples/:id', {
    config: user,
    schema: { tags, summary: 'One sample', params: IdParams, response: { 200: SampleOut, ...errors } },
  }, async (request) => oneSample(db, actorOf(request), request.params.id));

  app.patch('/samples/:id', {
    config: user,
    schema: { tags, summary: 'Change a sample of a draft shipment (a new location must be free)', params: IdParams, body: SamplePatch, response: { 200: SampleOut, ...errors } },
  }, async (request) => {
    const actor = actorOf(request);
    await updateSample(db, actor, request.params.id, request.body);
    return oneSample(db, actor, request.params.id);
  });

  app.delete('/samples/:id', {
    config: user,
    schema: { tags, summary: 'Delete a sample of a draft shipment', params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await deleteSample(db, actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });
}
