// /projects and /activity: a project's details (owners see and change their own, staff all), creating
// projects and resetting MxDC keys (staff), and the activity log.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import type { Db } from '../../platform/db/database.ts';
import { ProjectDetailRules } from '../field-rules.ts';
import { createProject, createProjectAccount, resetProjectKey, updateProject } from '../project-admin.ts';
import { containersOnSite, shipmentCounts } from '../project-summary.ts';
import { ownedBy } from '../visibility.ts';
import { Ref, refIds } from './filters.ts';
import { ActivityFilters, ActivityOut, activityOrder, activityQuery, filterActivity } from './activity.ts';
import type { Actor } from '../visibility.ts';
import {
  ErrorOut, IdParams, ListQuery, Nullable, Page, Search, Timestamp, actorOf, containsText, errors, fetchPage, sorting, staff, user,
} from './common.ts';
import { wholeTableCount } from './whole-table-count.ts';

const Details = Type.Object(ProjectDetailRules);

const ProjectOut = Type.Object({
  id: Type.Integer(),
  user_id: Type.Integer(),
  username: Type.String(),
  full_name: Type.String(),
  email: Type.String(),
  has_mxdc_key: Type.Boolean({ description: 'Whether MxDC has registered its key; staff reset it to let MxDC register a new one.' }),
  ...Details.properties,
  created_at: Timestamp,
  updated_at: Timestamp,
}, { $id: 'LimsProject' });

const DetailsPatch = Type.Partial(Details, { additionalProperties: false, minProperties: 1 });

const ProjectIn = Type.Object({
  user_id: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, description: 'The account the project belongs to (or give username).' })),
  username: Type.Optional(Type.String({ minLength: 1, maxLength: 150 })),
  ...DetailsPatch.properties,
}, { additionalProperties: false });

const ProjectAccountIn = Type.Object({
  username: Type.String({ pattern: '^[\\w.@+-]{1,150}$', description: 'The login name MxDC signs as: 1 to 150 letters, digits or . @ + - _' }),
  full_name: Type.Optional(Type.String({ maxLength: 300 })),
  email: Type.Optional(Type.String({ maxLength: 300 })),
  password: Type.Optional(Type.String({ minLength: 4, maxLength: 1024, description: 'Left out, the account cannot log in to the web app until one is set; MxDC signs with its key.' })),
  ...DetailsPatch.properties,
}, { additionalProperties: false });

const order = sorting({ username: 'users.username', created_at: 'projects.created_at', id: 'projects.id' }, 'projects.id');

const Count = Type.Integer({ minimum: 0 });
const Whereabouts = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  shipment_id: Nullable(Type.Integer()),
  container_type: Type.String(),
  beamline: Nullable(Type.String({ description: 'The beamline whose automounter holds it, directly or in an adaptor.' })),
  automounter: Nullable(Type.String()),
  port: Nullable(Type.String({ description: 'Its port in the automounter: the slot there, plus the slot in the adaptor when it sits in one.' })),
  parent_id: Nullable(Type.Integer({ description: 'The container it sits in (an automounter, an adaptor…); null on a shelf.' })),
  parent: Nullable(Type.String()),
  location: Nullable(Type.String({ description: 'Its slot in the parent.' })),
});
const ProjectSummary = Type.Object({
  project_id: Type.Integer(),
  shipments: Type.Object({ draft: Count, sent: Count, on_site: Count, returned: Count, archived: Count }, { description: 'How many shipments are in each state.' }),
  containers_on_site: Type.Array(Whereabouts, { description: 'Every container of the project on site, by name, with where it sits.' }),
}, { $id: 'ProjectSummary' });

function projectQuery(db: Db, actor: Actor) {
  return db.selectFrom('projects').innerJoin('users', 'users.id', 'projects.user_id')
    .selectAll('projects').select(['users.username', 'users.full_name', 'users.email'])
    .where(ownedBy(actor, 'projects.id'));
}

type ProjectRow = Awaited<ReturnType<ReturnType<typeof projectQuery>['executeTakeFirstOrThrow']>>;

function projectOut(row: ProjectRow): Static<typeof ProjectOut> {
  const { mxdc_key, ...rest } = row;
  return { ...rest, has_mxdc_key: mxdc_key !== '' };
}

export async function projectRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['projects'];
  const one = async (actor: Actor, id: number) => {
    const row = await projectQuery(db, actor).where('projects.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('No such project.');
    return projectOut(row);
  };

  app.get('/projects', {
    config: user,
    schema: {
      tags, summary: 'Projects: your own, or every project for staff',
      querystring: ListQuery({
        username: Type.Optional(Type.String({ maxLength: 150 })), search: Search('the username or the owner\'s full name'), ordering: order.param,
      }),
      response: { 200: Page(ProjectOut), 400: ErrorOut },
    },
  }, async (request) => {
    const { search, ordering } = request.query;
    let query = order.apply(projectQuery(db, actorOf(request)), ordering, (q) => q.orderBy('users.username'));
    if (search !== undefined) query = query.where(containsText(['users.username', 'users.full_name'], search));
    if (request.query.username !== undefined) query = query.where('users.username', '=', request.query.username);
    const page = await fetchPage(query, request.query);
    return { count: page.count, results: page.rows.map(projectOut) };
  });

  app.post('/projects', {
    config: staff,
    schema: { tags, summary: 'Create the project of an existing user account (staff)', body: ProjectIn, response: { 201: ProjectOut, ...errors } },
  }, async (request, reply) => {
    const { user_id, username, ...details } = request.body;
    if ((user_id === undefined) === (username === undefined)) {
      throw badRequest('Give either user_id or username.', { user_id: ['give user_id or username'] });
    }
    const actor = actorOf(request);
    const id = await createProject(db, actor, { user_id, username }, details);
    return reply.code(201).send(await one(actor, id));
  });

  app.post('/project-accounts', {
    config: staff,
    schema: { tags, summary: 'Create a login account and its project together (staff)', body: ProjectAccountIn, response: { 201: ProjectOut, ...errors } },
  }, async (request, reply) => {
    const { username, full_name, email, password, ...details } = request.body;
    const actor = actorOf(request);
    const id = await createProjectAccount(db, actor, { username, fullName: full_name, email, password }, details);
    return reply.code(201).send(await one(actor, id));
  });

  app.get('/projects/:id', {
    config: user,
    schema: { tags, summary: 'One project', params: IdParams, response: { 200: ProjectOut, ...errors } },
  }, async (request) => one(actorOf(request), request.params.id));

  app.patch('/projects/:id', {
    config: user,
    schema: { tags, summary: 'Change contact and shipping details (your own project, or any for staff)', params: IdParams, body: DetailsPatch, response: { 200: ProjectOut, ...errors } },
  }, async (request) => {
    const actor = actorOf(request);
    await updateProject(db, actor, request.params.id, request.body);
    return one(actor, request.params.id);
  });

  app.get('/projects/:id/summary', {
    config: user,
    schema: {
      tags, summary: 'A project at a glance: shipments by state and where its containers on site sit (its owner, or staff)',
      params: IdParams, response: { 200: ProjectSummary, ...errors },
    },
  }, async (request) => {
    const { id } = await one(actorOf(request), request.params.id);
    return { project_id: id, shipments: await shipmentCounts(db, id), containers_on_site: await containersOnSite(db, id) };
  });

  app.post('/projects/:id/reset-mxdc-key', {
    config: staff,
    schema: { tags, summary: 'Forget the project\'s MxDC key so MxDC can register a new one (staff)', params: IdParams, response: { 200: ProjectOut, ...errors } },
  }, async (request) => {
    const actor = actorOf(request);
    await resetProjectKey(db, actor, request.params.id);
    return one(actor, request.params.id);
  });

  app.get('/activity', {
    config: user,
    schema: {
      tags, summary: 'The activity log, newest first: your project\'s, or everything for staff',
      querystring: ListQuery({ project: Ref('project', 'project'), ...ActivityFilters, ordering: activityOrder.param }),
      response: { 200: Page(ActivityOut), 400: ErrorOut },
    },
  }, async (request) => {
    const actor = actorOf(request);
    let query = filterActivity(activityQuery(db, actor, request.query.ordering), request.query);
    if (request.query.project !== undefined) query = query.where('activity_log.project_id', 'in', refIds(db, 'project', request.query.project));
    const page = await fetchPage(query, request.query, wholeTableCount(db, actor, request.query, 'activity_log') ?? query);
    return { count: page.count, results: page.rows };
  });
}
