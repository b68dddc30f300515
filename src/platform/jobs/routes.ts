// Staff view of the job queue: list and inspect jobs, and enqueue a self-test job to check that
// workers are taking work.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { fetchPage, ListQuery, Page } from '../http/rest-schemas.ts';
import { findJob, toJobRecord } from './job-rows.ts';
import { MAX_ID } from '../db/column-types.ts';
import type { JobRecord } from './types.ts';

const JobOut = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  state: Type.Union(['queued', 'running', 'succeeded', 'failed'].map((s) => Type.Literal(s))),
  attempts: Type.Integer(),
  max_attempts: Type.Integer(),
  last_error: Type.Union([Type.String(), Type.Null()]),
  result: Type.Unknown(),
  worker: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(),
  started_at: Type.Union([Type.String(), Type.Null()]),
  finished_at: Type.Union([Type.String(), Type.Null()]),
}, { $id: 'Job' });

function jobOut(job: JobRecord) {
  return {
    id: job.id, type: job.type, state: job.state, attempts: job.attempts, max_attempts: job.maxAttempts,
    last_error: job.lastError, result: job.result, worker: job.lockedBy,
    created_at: job.createdAt, started_at: job.startedAt, finished_at: job.finishedAt,
  };
}

export async function jobRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const staff = { access: { allow: 'staff' as const } };
  const tags = ['jobs'];

  app.get('/jobs', {
    config: staff,
    schema: {
      tags, summary: 'Recent jobs, newest first (staff)',
      querystring: ListQuery({
        state: Type.Optional(Type.Union(['queued', 'running', 'succeeded', 'failed'].map((s) => Type.Literal(s)))),
        type: Type.Optional(Type.String({ maxLength: 100 })),
      }),
      response: { 200: Page(JobOut) },
    },
  }, async (request) => {
    const { state, type } = request.query;
    let query = platform.db.selectFrom('jobs').selectAll().orderBy('id', 'desc');
    if (state) query = query.where('state', '=', state as JobRecord['state']);
    if (type) query = query.where('type', '=', type);
    const page = await fetchPage(query, request.query);
    return { count: page.count, results: page.rows.map((row) => jobOut(toJobRecord(row))) };
  });

  app.get('/jobs/:id', {
    config: staff,
    schema: { tags, summary: 'One job (staff)', params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_ID }) }), response: { 200: JobOut } },
  }, async (request) => {
    const job = await findJob(platform.db, request.params.id);
    if (!job) throw notFound('No such job.');
    return jobOut(job);
  });

  app.post('/jobs/selftest', {
    config: staff,
    schema: {
      tags, summary: 'Enqueue a self-test job that waits and reports which worker ran it (staff)',
      body: Type.Object({
        sleep_ms: Type.Integer({ minimum: 0, maximum: 600000, default: 0 }),
        first_attempt_sleep_ms: Type.Optional(Type.Integer({ minimum: 0, maximum: 600000 })),
      }, { additionalProperties: false }),
      response: { 202: JobOut },
    },
  }, async (request, reply) => {
    const id = await platform.jobs.enqueue('selftest', { sleepMs: request.body.sleep_ms, firstAttemptSleepMs: request.body.first_attempt_sleep_ms });
    return reply.code(202).send(jobOut((await findJob(platform.db, id))!));
  });
}
