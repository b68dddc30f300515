// /targets/{id}/processes and /processes/{id}: pipeline runs and other async processes of a
// target, visible to whoever may see the target.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { visibleTargets } from '../targets.ts';
import { seeTarget } from './access.ts';
import { anyone, ErrorOut, fetchPage, IdParams, ListQuery, Page } from './common.ts';
import { processDetailOut, ProcessDetailOut, processOut, ProcessOut } from './process-out.ts';

export async function processRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['processes'];

  app.get('/targets/:id/processes', {
    config: anyone,
    schema: {
      tags, summary: 'A target\'s processes, newest first',
      params: IdParams,
      querystring: ListQuery({ status: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })) }),
      response: { 200: Page(ProcessOut), 400: ErrorOut, 404: ErrorOut },
    },
  }, async (request) => {
    const target = await seeTarget(db, request, request.params.id);
    let query = db.selectFrom('processes').selectAll().where('target_id', '=', target.id).orderBy('created_at', 'desc').orderBy('id', 'desc');
    if (request.query.status !== undefined) query = query.where('status', '=', request.query.status);
    const page = await fetchPage(query, request.query);
    return { count: page.count, results: page.rows.map(processOut) };
  });

  app.get('/processes/:id', {
    config: anyone,
    schema: {
      tags, summary: 'One process with its log, input files and output group',
      params: IdParams, response: { 200: ProcessDetailOut, 404: ErrorOut },
    },
  }, async (request) => {
    const row = await db.selectFrom('processes').innerJoin('targets', 'targets.id', 'processes.target_id')
      .selectAll('processes').where('processes.id', '=', request.params.id).where(visibleTargets(request.principal)).executeTakeFirst();
    if (!row) throw notFound('No such process.');
    return processDetailOut(db, row);
  });
}
