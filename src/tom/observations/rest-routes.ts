// Lightpath's own API for observation templates (staff and the target's owner create and edit
// them, validated by the facility's form first) and for reading a target's observations with their
// state; observation-routes.ts has the rest of the observations' API.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import { MAX_ID } from '../../platform/db/column-types.ts';
import { ErrorOut, errors, fetchPage, ListQuery, Page, user } from '../../platform/http/rest-schemas.ts';
import { mayChangeTarget, visibleTarget, visibleTargets } from '../targets.ts';
import type { TargetRow } from '../targets.ts';
import type { Facility } from './facility.ts';
import { facilityHttpError } from './observe.ts';
import { saveTemplate, updateTemplate } from './templates.ts';
import type { TemplateRow } from './templates.ts';
import { ObservationOut, observationOut, observationsQuery } from './observation-out.ts';
import { observationRoutes } from './observation-routes.ts';

const Id = Type.Integer({ minimum: 1, maximum: MAX_ID });
const TemplateOut = Type.Object({
  id: Type.Integer(), name: Type.String(), target_id: Type.Integer(), target_name: Type.String(), facility: Type.String(),
  fields: Type.Record(Type.String(), Type.Unknown()), created_at: Type.String(),
}, { $id: 'ObservationTemplate' });

const templateOut = (row: TemplateRow & { target_name: string }) => ({
  id: row.id, name: row.name, target_id: row.target_id, target_name: row.target_name, facility: row.facility, fields: JSON.parse(row.fields), created_at: row.created_at,
});

const TemplateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  facility: Type.String({ minLength: 1, maxLength: 100 }),
  fields: Type.Record(Type.String(), Type.Unknown()),
}, { additionalProperties: false });

export async function observationRestRoutes(instance: FastifyInstance, platform: Platform, facilities: Map<string, Facility>): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['observations'];
  await observationRoutes(instance, platform, facilities);

  const target = async (request: FastifyRequest, id: number) => {
    const found = await visibleTarget(db, request.principal, { id });
    if (!found) throw notFound('No such target.');
    return found;
  };
  // Templates belong to their target: staff and the target's owner (a teacher) keep them.
  const changeableTarget = async (request: FastifyRequest, id: number) => {
    const found = await target(request, id);
    if (!mayChangeTarget(request.principal, found)) throw forbidden('Only staff and the target\'s owner may keep its observation templates.');
    return found;
  };
  const changeableTemplate = async (request: FastifyRequest, id: number) => {
    const row = await db.selectFrom('observation_templates').innerJoin('targets', 'targets.id', 'observation_templates.target_id')
      .selectAll('observation_templates').where('observation_templates.id', '=', id).where(visibleTargets(request.principal)).executeTakeFirst();
    if (!row) throw notFound('No such template.');
    return { template: row, target: await changeableTarget(request, row.target_id) };
  };

  /** The stored fields of a template: the facility's cleaned form (its own rules and its portal's). */
  const validatedFields = async (found: TargetRow, body: { name: string; facility: string; fields: Record<string, unknown> }) => {
    const facility = facilities.get(body.facility);
    if (!facility) throw badRequest(`Unknown facility "${body.facility}" (known: ${[...facilities.keys()].join(', ') || 'none'}).`, { facility: ['unknown facility'] });
    const form = { ...body.fields, target_id: found.id, facility: facility.name, [facility.identifierField]: body.name };
    let result;
    try {
      result = await facility.validate(form, found);
    } catch (error) {
      throw facilityHttpError(error);
    }
    if (!result.ok) throw badRequest('The facility form rejected these fields.', result.errors);
    const { groups: _groups, ...fields } = result.cleaned;
    return { facility: facility.name, fields };
  };

  app.get('/observation-templates', {
    config: { access: { allow: 'public' } },
    schema: {
      tags, summary: 'Observation templates of the targets you may see, by target, facility and name',
      querystring: ListQuery({ target_id: Type.Optional(Id) }), response: { 200: Page(TemplateOut), 400: ErrorOut },
    },
  }, async (request) => {
    let query = db.selectFrom('observation_templates').innerJoin('targets', 'targets.id', 'observation_templates.target_id')
      .selectAll('observation_templates').select('targets.name as target_name').where(visibleTargets(request.principal))
      .orderBy('targets.name').orderBy('observation_templates.facility').orderBy('observation_templates.name').orderBy('observation_templates.id');
    if (request.query.target_id !== undefined) query = query.where('observation_templates.target_id', '=', request.query.target_id);
    const page = await fetchPage(query, request.query);
    return { count: page.count, results: page.rows.map(templateOut) };
  });

  app.get('/targets/:id/observation-templates', {
    config: { access: { allow: 'public' } },
    schema: {
      tags, summary: "A target's observation templates, by facility and name", params: Type.Object({ id: Id }),
      querystring: ListQuery({}), response: { 200: Page(TemplateOut), 400: ErrorOut, 404: ErrorOut },
    },
  }, async (request) => {
    const found = await target(request, request.params.id);
    const page = await fetchPage(db.selectFrom('observation_templates').selectAll().where('target_id', '=', found.id)
      .orderBy('facility').orderBy('name').orderBy('id'), request.query);
    return { count: page.count, results: page.rows.map((row) => templateOut({ ...row, target_name: found.name })) };
  });

  app.get('/observation-templates/:id', {
    config: { access: { allow: 'public' } },
    schema: { tags, summary: 'One observation template (404 if you may not see its target)', params: Type.Object({ id: Id }), response: { 200: TemplateOut, 404: ErrorOut } },
  }, async (request) => {
    const row = await db.selectFrom('observation_templates').innerJoin('targets', 'targets.id', 'observation_templates.target_id')
      .selectAll('observation_templates').select('targets.name as target_name')
      .where('observation_templates.id', '=', request.params.id).where(visibleTargets(request.principal)).executeTakeFirst();
    if (!row) throw notFound('No such template.');
    return templateOut(row);
  });

  app.post('/targets/:id/observation-templates', {
    config: user,
    schema: {
      tags, summary: 'Create an observation template (staff or the target\'s owner); the facility validates the fields first',
      params: Type.Object({ id: Id }), body: TemplateBody,
      response: { 201: TemplateOut, ...errors, 502: ErrorOut },
    },
  }, async (request, reply) => {
    const found = await changeableTarget(request, request.params.id);
    const { facility, fields } = await validatedFields(found, request.body);
    const saved = await saveTemplate(db, { name: request.body.name, targetId: found.id, facility, fields });
    return reply.code(201).send(templateOut({ ...saved, target_name: found.name }));
  });

  app.put('/observation-templates/:id', {
    config: user,
    schema: {
      tags, summary: 'Change an observation template\'s name and fields (staff or the target\'s owner); validated as when created',
      params: Type.Object({ id: Id }), body: TemplateBody,
      response: { 200: TemplateOut, ...errors, 502: ErrorOut },
    },
  }, async (request) => {
    const { template, target: found } = await changeableTemplate(request, request.params.id);
    const { facility, fields } = await validatedFields(found, request.body);
    const saved = await updateTemplate(db, template.id, { name: request.body.name, targetId: found.id, facility, fields });
    return templateOut({ ...saved, target_name: found.name });
  });

  app.delete('/observation-templates/:id', {
    config: user,
    schema: { tags, summary: 'Delete an observation template (staff or the target\'s owner)', params: Type.Object({ id: Id }), response: { 200: Type.Object({ detail: Type.String() }), ...errors } },
  }, async (request) => {
    const { template } = await changeableTemplate(request, request.params.id);
    await db.deleteFrom('observation_templates').where('id', '=', template.id).execute();
    return { detail: 'Deleted.' };
  });

  app.get('/targets/:id/observations', {
    config: { access: { allow: 'public' } },
    schema: {
      tags, summary: "A target's observations with their facility state, newest first", params: Type.Object({ id: Id }),
      querystring: ListQuery({}),
      response: { 200: Page(ObservationOut), 400: ErrorOut, 404: ErrorOut },
    },
  }, async (request) => {
    const found = await target(request, request.params.id);
    const page = await fetchPage(observationsQuery(db, request.principal).where('r.target_id', '=', found.id).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc'), request.query);
    return { count: page.count, results: page.rows.map(observationOut) };
  });
}
