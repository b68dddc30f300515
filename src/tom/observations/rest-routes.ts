// Lightpath's own API for observation templates (staff create them, validated by the facility's
// form first) and for reading a target's observations with their state.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { badRequest, HttpError, notFound } from '../../platform/http/errors.ts';
import { MAX_ID } from '../../platform/db/column-types.ts';
import { ErrorOut, fetchPage, ListQuery, Page } from '../../platform/http/rest-schemas.ts';
import { visibleTarget } from '../targets.ts';
import { FacilityRequestError, FacilityUnavailable } from './facility.ts';
import type { Facility } from './facility.ts';
import { saveTemplate } from './templates.ts';
import type { TemplateRow } from './templates.ts';

const Id = Type.Integer({ minimum: 1, maximum: MAX_ID });
const TemplateOut = Type.Object({
  id: Type.Integer(), name: Type.String(), target_id: Type.Integer(), facility: Type.String(),
  fields: Type.Record(Type.String(), Type.Unknown()), created_at: Type.String(),
}, { $id: 'ObservationTemplate' });

const templateOut = (row: TemplateRow) => ({
  id: row.id, name: row.name, target_id: row.target_id, facility: row.facility, fields: JSON.parse(row.fields), created_at: row.created_at,
});

export async function observationRestRoutes(instance: FastifyInstance, platform: Platform, facilities: Map<string, Facility>): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['observations'];

  const target = async (request: FastifyRequest, id: number) => {
    const found = await visibleTarget(db, request.principal, { id });
    if (!found) throw notFound('No such target.');
    return found;
  };

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
    return { count: page.count, results: page.rows.map(templateOut) };
  });

  app.post('/targets/:id/observation-templates', {
    config: { access: { allow: 'staff' } },
    schema: {
      tags, summary: 'Create an observation template (staff); the facility validates the fields first',
      params: Type.Object({ id: Id }),
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 255 }),
        facility: Type.String({ minLength: 1, maxLength: 100 }),
        fields: Type.Record(Type.String(), Type.Unknown()),
      }, { additionalProperties: false }),
      response: { 201: TemplateOut },
    },
  }, async (request, reply) => {
    const found = await target(request, request.params.id);
    const facility = facilities.get(request.body.facility);
    if (!facility) throw badRequest(`Unknown facility "${request.body.facility}" (known: ${[...facilities.keys()].join(', ') || 'none'}).`, { facility: ['unknown facility'] });
    const form = { ...request.body.fields, target_id: found.id, facility: facility.name, [facility.identifierField]: request.body.name };
    let result;
    try {
      result = await facility.validate(form, found);
    } catch (error) {
      if (error instanceof FacilityRequestError) throw new HttpError(400, error.message);
      if (error instanceof FacilityUnavailable) throw new HttpError(502, error.message);
      throw error;
    }
    if (!result.ok) throw badRequest('The facility form rejected these fields.', result.errors);
    const { groups: _groups, ...fields } = result.cleaned;
    const saved = await saveTemplate(db, { name: request.body.name, targetId: found.id, facility: facility.name, fields });
    return reply.code(201).send(templateOut(saved));
  });

  app.delete('/observation-templates/:id', {
    config: { access: { allow: 'staff' } },
    schema: { tags, summary: 'Delete an observation template (staff)', params: Type.Object({ id: Id }), response: { 200: Type.Object({ detail: Type.String() }) } },
  }, async (request) => {
    const deleted = await db.deleteFrom('observation_templates').where('id', '=', request.params.id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw notFound('No such template.');
    return { detail: 'Deleted.' };
  });

  app.get('/targets/:id/observations', {
    config: { access: { allow: 'public' } },
    schema: {
      tags, summary: "A target's observations with their facility state, newest first", params: Type.Object({ id: Id }),
      querystring: ListQuery({}),
      response: {
        200: Page(Type.Object({
          id: Type.Integer(), facility: Type.String(), observation_id: Type.String(), status: Type.String(),
          scheduled_start: Type.Union([Type.String(), Type.Null()]), scheduled_end: Type.Union([Type.String(), Type.Null()]),
          parameters: Type.Record(Type.String(), Type.Unknown()), created_at: Type.String(), alerts: Type.Integer(),
        }, { $id: 'Observation' })),
        400: ErrorOut, 404: ErrorOut,
      },
    },
  }, async (request) => {
    const found = await target(request, request.params.id);
    const page = await fetchPage(db.selectFrom('observation_records').selectAll()
      .select((eb) => eb.selectFrom('observation_alerts').select((e) => e.fn.countAll<number>().as('n')).whereRef('observation_alerts.observation_record_id', '=', 'observation_records.id').as('alerts'))
      .where('target_id', '=', found.id).orderBy('created_at', 'desc').orderBy('id', 'desc'), request.query);
    return { count: page.count, results: page.rows.map((r) => ({
      id: r.id, facility: r.facility, observation_id: r.observation_id, status: r.status, scheduled_start: r.scheduled_start,
      scheduled_end: r.scheduled_end, parameters: JSON.parse(r.parameters), created_at: r.created_at, alerts: Number(r.alerts ?? 0),
    })) };
  });
}
