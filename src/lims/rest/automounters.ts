// /automounters (staff): the sample changers installed on beamlines, what they hold, their load
// history; activating one per beamline; and clearing a project's containers off a beamline.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import {
  createAutomounter, deleteAutomounter, findAutomounter, setAutomounterActive, unloadProject, updateAutomounter,
} from '../automounters.ts';
import { ErrorOut, Id, IdParams, ListQuery, Nullable, Page, Timestamp, actorOf, errors, fetchPage, sorting, staff } from './common.ts';
import { LoadHistoryQuery, loadHistoryQuery, orderedLoadHistory } from './containers.ts';
import { Ref, refIds } from './filters.ts';
import { BeamlineRules, ContainerRules } from '../field-rules.ts';

const LoadedOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  project_id: Nullable(Type.Integer()),
  parent_id: Type.Integer(),
  port: Type.String({ description: 'Where it sits: the slot in the automounter, plus the slot in an adaptor there.' }),
});

const SlotLoadOut = Type.Object({
  id: Type.Integer(),
  container_id: Type.Integer(),
  container: Type.String(),
  project_id: Nullable(Type.Integer()),
  location: Type.String(),
  started_at: Timestamp,
  ended_at: Nullable(Timestamp),
  staff_user_id: Nullable(Type.Integer()),
}, { $id: 'AutomounterLoad' });

const AutomounterOut = Type.Object({
  id: Type.Integer(),
  beamline_id: Type.Integer(),
  beamline: Type.String(),
  container_id: Type.Integer({ description: 'The automounter itself, as a container whose slots take pucks, cassettes or adaptors.' }),
  name: Type.String(),
  container_type: Type.String(),
  active: Type.Boolean(),
  staff_comments: Type.String(),
  updated_at: Timestamp,
}, { $id: 'Automounter' });

const AutomounterDetail = Type.Composite([AutomounterOut, Type.Object({ loaded: Type.Array(LoadedOut) })]);

const AutomounterIn = Type.Object({
  beamline_id: Id,
  name: BeamlineRules.automounterName,
  type: Type.Union([ContainerRules.typeName, Type.Integer({ minimum: 1, maximum: 2147483647 })], { description: 'An automounter container type, by name (e.g. "ISARA Automounter") or id.' }),
  active: Type.Optional(Type.Boolean({ description: 'Make it the beamline\'s active automounter (the others are deactivated).' })),
  staff_comments: Type.Optional(BeamlineRules.staff_comments),
}, { additionalProperties: false });

const AutomounterPatch = Type.Object({ staff_comments: BeamlineRules.staff_comments }, { additionalProperties: false });

const order = sorting({ beamline: 'b.acronym', name: 'c.name', updated_at: 'a.updated_at', id: 'a.id' }, 'a.id');

function automounterQuery(db: Db) {
  return db.selectFrom('automounters as a')
    .innerJoin('beamlines as b', 'b.id', 'a.beamline_id')
    .innerJoin('containers as c', 'c.id', 'a.container_id')
    .innerJoin('container_types as ct', 'ct.id', 'c.container_type_id')
    .select(['a.id', 'a.beamline_id', 'b.acronym as beamline', 'a.container_id', 'c.name', 'ct.name as container_type', 'a.active', 'a.staff_comments', 'a.updated_at']);
}

type AutomounterRow = Awaited<ReturnType<ReturnType<typeof automounterQuery>['executeTakeFirstOrThrow']>>;
const automounterOut = (row: AutomounterRow) => ({ ...row, active: Boolean(row.active) });

/** What sits in the automounter: containers in its slots, and containers in those (pucks in adaptors). */
async function loadedIn(db: Db, rootId: number) {
  const direct = await db.selectFrom('containers as c').innerJoin('container_locations as l', 'l.id', 'c.location_id')
    .select(['c.id', 'c.name', 'c.project_id', 'c.parent_id', 'l.name as slot']).where('c.parent_id', '=', rootId).orderBy('l.position').execute();
  const nested = direct.length === 0 ? [] : await db.selectFrom('containers as c').innerJoin('container_locations as l', 'l.id', 'c.location_id')
    .select(['c.id', 'c.name', 'c.project_id', 'c.parent_id', 'l.name as slot']).where('c.parent_id', 'in', direct.map((d) => d.id)).orderBy('l.position').execute();
  const slotOf = new Map(direct.map((d) => [d.id, d.slot]));
  return [
    ...direct.map((d) => ({ id: d.id, name: d.name, project_id: d.project_id, parent_id: d.parent_id!, port: d.slot })),
    ...nested.map((n) => ({ id: n.id, name: n.name, project_id: n.project_id, parent_id: n.parent_id!, port: `${slotOf.get(n.parent_id!)}${n.slot}` })),
  ];
}

export async function automounterRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['automounters'];
  const detail = async (id: number) => {
    const row = await automounterQuery(db).where('a.id', '=', id).executeTakeFirstOrThrow();
    return { ...automounterOut(row), loaded: await loadedIn(db, row.container_id) };
  };

  app.get('/automounters', {
    config: staff,
    schema: { tags, summary: 'Automounters (staff)', querystring: ListQuery({ beamline: Ref('beamline', 'beamline'), ordering: order.param }), response: { 200: Page(AutomounterOut), 400: ErrorOut } },
  }, async (request) => {
    let query = order.apply(automounterQuery(db), request.query.ordering, (q) => q.orderBy('b.acronym').orderBy('a.id'));
    if (request.query.beamline !== undefined) query = query.where('a.beamline_id', 'in', refIds(db, 'beamline', request.query.beamline));
    const page = await fetchPage(query, request.query);
    return { count: page.count, results: page.rows.map(automounterOut) };
  });

  app.post('/automounters', {
    config: staff,
    schema: { tags, summary: 'Install an automounter on a beamline (staff)', body: AutomounterIn, response: { 201: AutomounterDetail, ...errors } },
  }, async (request, reply) => {
    const created = await createAutomounter(db, actorOf(request), request.body);
    return reply.code(201).send(await detail(created.id));
  });

  app.get('/automounters/:id', {
    config: staff,
    schema: { tags, summary: 'One automounter and what it holds (staff)', params: IdParams, response: { 200: AutomounterDetail, ...errors } },
  }, async (request) => {
    await findAutomounter(db, request.params.id);
    return detail(request.params.id);
  });

  app.patch('/automounters/:id', {
    config: staff,
    schema: { tags, summary: 'Change an automounter\'s staff comments (staff)', params: IdParams, body: AutomounterPatch, response: { 200: AutomounterDetail, ...errors } },
  }, async (request) => {
    await updateAutomounter(db, actorOf(request), request.params.id, request.body);
    return detail(request.params.id);
  });

  for (const [action, active] of [['activate', true], ['deactivate', false]] as const) {
    app.post(`/automounters/:id/${action}`, {
      config: staff,
      schema: {
        tags, params: IdParams, response: { 200: AutomounterDetail, ...errors },
        summary: active ? 'Make this the beamline\'s active automounter; the one active before is deactivated (staff)' : 'Deactivate an automounter (staff)',
      },
    }, async (request) => {
      await setAutomounterActive(db, actorOf(request), request.params.id, active);
      return detail(request.params.id);
    });
  }

  app.delete('/automounters/:id', {
    config: staff,
    schema: { tags, summary: 'Remove an empty automounter (staff)', params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await deleteAutomounter(db, actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/automounters/:id/history', {
    config: staff,
    schema: {
      tags, summary: 'What was loaded into the automounter\'s slots, newest first (staff)', params: IdParams,
      querystring: LoadHistoryQuery, response: { 200: Page(SlotLoadOut), ...errors },
    },
  }, async (request) => {
    const automounter = await findAutomounter(db, request.params.id);
    const query = loadHistoryQuery(db).innerJoin('containers as child', 'child.id', 'h.child_id')
      .select(['child.name as child', 'child.project_id']).where('h.parent_id', '=', automounter.container_id);
    const page = await fetchPage(orderedLoadHistory(query, request.query.ordering), request.query);
    return {
      count: page.count,
      results: page.rows.map((r) => ({
        id: r.id, container_id: r.child_id, container: r.child, project_id: r.project_id, location: r.location,
        started_at: r.started_at, ended_at: r.ended_at, staff_user_id: r.staff_user_id,
      })),
    };
  });

  app.post('/beamlines/:id/unload-project', {
    config: staff,
    schema: {
      tags, summary: 'Take every container of a project out of the beamline\'s automounters (staff)', params: IdParams,
      body: Type.Object({ project_id: Id }, { additionalProperties: false }),
      response: { 200: Type.Object({ unloaded: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })) }), ...errors },
    },
  }, async (request) => ({ unloaded: await unloadProject(db, actorOf(request), request.params.id, request.body.project_id) }));
}
