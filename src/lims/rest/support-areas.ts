// /support-areas: what users rate on the post-session survey. Staff only.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { createSupportArea, deleteSupportArea, findSupportArea, supportAreaOut, updateSupportArea } from '../survey/areas.ts';
import { SupportAreaEntry, SupportAreaRules } from '../survey/rules.ts';
import { ErrorOut, IdParams, ListQuery, Page, Timestamp, actorOf, errors, fetchPage, staff } from './common.ts';

const SupportAreaOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Type.String(),
  active: Type.Boolean({ description: 'Only active areas are on the survey.' }),
  sort_order: Type.Integer({ description: 'The survey lists areas by this, then by name.' }),
  created_at: Timestamp,
  updated_at: Timestamp,
}, { $id: 'SupportArea' });

const SupportAreaPatch = Type.Partial(Type.Object(SupportAreaRules), { additionalProperties: false, minProperties: 1 });

export async function supportAreaRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['survey'];

  app.get('/support-areas', {
    config: staff,
    schema: { tags, summary: 'Support areas of the survey, in survey order (staff)', querystring: ListQuery({ active: Type.Optional(Type.Boolean()) }), response: { 200: Page(SupportAreaOut), 400: ErrorOut, 401: ErrorOut, 403: ErrorOut } },
  }, async (request) => {
    let query = db.selectFrom('support_areas').selectAll().orderBy('sort_order').orderBy('name');
    if (request.query.active !== undefined) query = query.where('active', '=', request.query.active);
    const page = await fetchPage(query, request.query);
    return { count: page.count, results: page.rows.map(supportAreaOut) };
  });

  app.post('/support-areas', {
    config: staff,
    schema: { tags, summary: 'Add a support area to the survey (staff)', body: SupportAreaEntry, response: { 201: SupportAreaOut, ...errors } },
  }, async (request, reply) => reply.code(201).send(supportAreaOut(await createSupportArea(db, actorOf(request), request.body))));

  app.get('/support-areas/:id', {
    config: staff,
    schema: { tags, summary: 'One support area (staff)', params: IdParams, response: { 200: SupportAreaOut, ...errors } },
  }, async (request) => supportAreaOut(await findSupportArea(db, request.params.id)));

  app.patch('/support-areas/:id', {
    config: staff,
    schema: { tags, summary: 'Change a support area (staff)', params: IdParams, body: SupportAreaPatch, response: { 200: SupportAreaOut, ...errors } },
  }, async (request) => supportAreaOut(await updateSupportArea(db, actorOf(request), request.params.id, request.body)));

  app.delete('/support-areas/:id', {
    config: staff,
    schema: {
      tags, summary: 'Delete a support area nobody has rated yet (staff; a rated one is deactivated instead)',
      params: IdParams, response: { 204: Type.Null(), ...errors },
    },
  }, async (request, reply) => {
    await deleteSupportArea(db, actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });
}
