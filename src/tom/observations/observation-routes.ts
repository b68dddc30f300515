// Observations in Lightpath's own REST API: every observation a person may see, one observation,
// submitting one from a template (the same checks and messages as POST /api/observe/, answered as
// {"detail", "fields"}), and the choices a facility's form offers.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { anyone, ErrorOut, errors, fetchPage, Id, IdParams, ListQuery, Page, user } from '../../platform/http/rest-schemas.ts';
import { containsText, Search } from '../../platform/http/text-search.ts';
import { visibleTarget } from '../targets.ts';
import type { Facility, FormErrors } from './facility.ts';
import { facilityHttpError, observeFromTemplate } from './observe.ts';
import { checkObserveInput } from './observe-input.ts';
import type { ObserveErrors } from './observe-input.ts';
import { ObservationOut, observationOut, observationsQuery } from './observation-out.ts';

const FormInfoOut = Type.Object({
  facility: Type.String(),
  identifier_field: Type.String({ description: 'The field that names a request (set from the template name).' }),
  date_fields: Type.Array(Type.String()),
  proposals: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
  instruments: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  filters: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  schedulable: Type.Record(Type.String(), Type.Array(Type.String())),
});

/** The observe endpoint's problems as REST fields: an override's problems under the override's own field. */
function restFields(problems: ObserveErrors): FormErrors {
  const fields: FormErrors = {};
  for (const [key, value] of Object.entries(problems)) {
    if (Array.isArray(value)) fields[key] = value;
    else Object.assign(fields, value);
  }
  return fields;
}

export async function observationRoutes(instance: FastifyInstance, platform: Platform, facilities: Map<string, Facility>): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['observations'];

  app.get('/observations', {
    config: anyone,
    schema: {
      tags, summary: 'Observations of the targets you may see, newest first',
      querystring: ListQuery({ target_id: Type.Optional(Id), status: Type.Optional(Type.String({ maxLength: 60 })), search: Search('the target\'s name and the facility\'s id') }),
      response: { 200: Page(ObservationOut), 400: ErrorOut },
    },
  }, async (request) => {
    const q = request.query;
    let query = observationsQuery(db, request.principal).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc');
    if (q.target_id !== undefined) query = query.where('r.target_id', '=', q.target_id);
    if (q.status !== undefined) query = query.where('r.status', '=', q.status);
    if (q.search !== undefined) query = query.where(containsText(['targets.name', 'targets.identifier', 'r.observation_id'], q.search));
    const page = await fetchPage(query, q);
    return { count: page.count, results: page.rows.map(observationOut) };
  });

  app.get('/observations/:id', {
    config: anyone,
    schema: { tags, summary: 'One observation (404 if you may not see its target)', params: IdParams, response: { 200: ObservationOut, 404: ErrorOut } },
  }, async (request) => {
    const row = await observationsQuery(db, request.principal).where('r.id', '=', request.params.id).executeTakeFirst();
    if (!row) throw notFound('No such observation.');
    return observationOut(row);
  });

  app.post('/targets/:id/observations', {
    config: user,
    schema: {
      tags, summary: 'Submit an observation of the target from one of its templates, with an email alert',
      description: 'As POST /api/observe/: the template is filled in with a fresh request name, then `overrides` (raw form values by field), '
        + 'checked by the facility\'s form and its portal, and submitted. Problems come back as `fields` keyed by form field, '
        + 'problems of the whole form under `__all__`. Nothing is recorded unless the portal took the request.',
      params: IdParams,
      body: Type.Object({
        template_id: Id,
        overrides: Type.Optional(Type.Unknown({ description: 'Form field → value (string, number, boolean or null).' })),
        email: Type.String({ maxLength: 1000, description: 'Who is told when the data arrive.' }),
      }, { additionalProperties: false }),
      response: { 201: Type.Array(ObservationOut), ...errors, 502: ErrorOut },
    },
  }, async (request, reply) => {
    const target = await visibleTarget(db, request.principal, { id: request.params.id });
    if (!target) throw notFound('No such target.');
    const template = await db.selectFrom('observation_templates').selectAll()
      .where('id', '=', request.body.template_id).where('target_id', '=', target.id).executeTakeFirst();
    if (!template) throw badRequest('No such template for this target.', { template_id: ['Choose one of the target\'s templates.'] });
    const facility = facilities.get(template.facility);
    if (!facility) throw badRequest(`The template's facility "${template.facility}" is not configured here.`, { template_id: ['Its facility is not configured.'] });
    const checked = checkObserveInput({ target: target.id, template_name: template.name, facility: template.facility, email: request.body.email, ...('overrides' in request.body ? { overrides: request.body.overrides } : {}) });
    if (!checked.ok) throw badRequest('Please correct the marked fields.', restFields(checked.errors));
    const outcome = await observeFromTemplate(db, { target, facility, template, overrides: checked.input.overrides, email: checked.input.email });
    if (!outcome.ok) throw badRequest(`${facility.name} did not accept the observation: please correct the marked fields.`, outcome.errors);
    const rows = await observationsQuery(db, request.principal).where('r.id', 'in', outcome.observations.map((o) => o.id)).orderBy('r.id').execute();
    return reply.code(201).send(rows.map(observationOut));
  });

  app.get('/facilities/:name/form', {
    config: user,
    schema: {
      tags, summary: 'What a facility\'s observation form offers: proposals, instruments and their filters (from its portal)',
      params: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }),
      response: { 200: FormInfoOut, 404: ErrorOut, 502: ErrorOut },
    },
  }, async (request) => {
    const facility = facilities.get(request.params.name);
    if (!facility) throw notFound(`No facility "${request.params.name}" is configured.`);
    let info;
    try {
      info = facility.formInfo ? await facility.formInfo() : { proposals: [], instruments: [], filters: [], schedulable: {} };
    } catch (error) {
      throw facilityHttpError(error);
    }
    return {
      facility: facility.name, identifier_field: facility.identifierField, date_fields: facility.dateFields,
      proposals: info.proposals.map((p) => ({ id: p.id, title: p.title })), instruments: info.instruments, filters: info.filters, schedulable: info.schedulable,
    };
  });
}
