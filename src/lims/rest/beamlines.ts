// /beamlines: anyone logged in may list them; staff create, change and delete them.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import type { Beamline } from '../beamlines.ts';
import { BeamlineRules } from '../field-rules.ts';
import { createBeamline, deleteBeamline, findBeamline, updateBeamline } from '../beamline-admin.ts';
import { ErrorOut, IdParams, ListQuery, Page, actorOf, errors, fetchPage, sorting, staff, user } from './common.ts';

const BeamlineOut = Type.Object({
  id: Type.Integer(),
  acronym: Type.String({ description: 'The name MxDC uses in its URLs.' }),
  name: Type.String(),
  energy_lo: Type.Number(),
  energy_hi: Type.Number(),
  contact_phone: Type.String(),
  active: Type.Boolean(),
}, { $id: 'Beamline' });

const { acronym, name, energy_lo, energy_hi, contact_phone } = BeamlineRules;
const Fields = { acronym, name, energy_lo, energy_hi, contact_phone, active: Type.Boolean() };
const BeamlineIn = Type.Object({
  acronym: Fields.acronym,
  name: Type.Optional(Fields.name),
  energy_lo: Type.Optional(Fields.energy_lo),
  energy_hi: Type.Optional(Fields.energy_hi),
  contact_phone: Type.Optional(Fields.contact_phone),
  active: Type.Optional(Fields.active),
}, { additionalProperties: false });
const BeamlinePatch = Type.Partial(Type.Object(Fields), { additionalProperties: false, minProperties: 1 });

const order = sorting({ acronym: 'beamlines.acronym', name: 'beamlines.name', id: 'beamlines.id' }, 'beamlines.id');

const beamlineOut = (row: Beamline) => ({ ...row, active: Boolean(row.active) });

export async function beamlineRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['beamlines'];

  app.get('/beamlines', {
    config: user,
    schema: { tags, summary: 'Beamlines', querystring: ListQuery({ active: Type.Optional(Type.Boolean()), ordering: order.param }), response: { 200: Page(BeamlineOut), 400: ErrorOut } },
  }, async (request) => {
    let query = order.apply(db.selectFrom('beamlines').selectAll(), request.query.ordering, (q) => q.orderBy('acronym'));
    if (request.query.active !== undefined) query = query.where('active', '=', request.query.active);
    const page = await fetchPage(query, request.query);
    return { count: page.count, results: page.rows.map(beamlineOut) };
  });

  app.post('/beamlines', {
    config: staff,
    schema: { tags, summary: 'Add a beamline (staff)', body: BeamlineIn, response: { 201: BeamlineOut, ...errors } },
  }, async (request, reply) => reply.code(201).send(beamlineOut(await createBeamline(db, actorOf(request), request.body))));

  app.get('/beamlines/:id', {
    config: user,
    schema: { tags, summary: 'One beamline', params: IdParams, response: { 200: BeamlineOut, ...errors } },
  }, async (request) => beamlineOut(await findBeamline(db, request.params.id)));

  app.patch('/beamlines/:id', {
    config: staff,
    schema: { tags, summary: 'Change a beamline (staff)', params: IdParams, body: BeamlinePatch, response: { 200: BeamlineOut, ...errors } },
  }, async (request) => beamlineOut(await updateBeamline(db, actorOf(request), request.params.id, request.body)));

  app.delete('/beamlines/:id', {
    config: staff,
    schema: {
      tags, summary: 'Delete a beamline that has no sessions or datasets, with its empty automounters (staff)',
      params: IdParams, response: { 204: Type.Null(), ...errors },
    },
  }, async (request, reply) => {
    await deleteBeamline(db, actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });
}
