// POST /api/observe/ (spec §1.4, decisions T9–T11): create an observation and its alert by
// instantiating an observation template for a target. Every request that reaches the endpoint
// is counted by the throttle first, whatever its method or body (as DRF did).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import type { Access } from '../../platform/auth/policy.ts';
import { HttpError, notFound, unauthorized } from '../../platform/http/errors.ts';
import { sendError } from '../../platform/http/error-handler.ts';
import { visibleTarget } from '../targets.ts';
import { checkObserveInput } from '../observations/observe-input.ts';
import { throttleObserve } from '../observations/throttle.ts';
import { findTemplate } from '../observations/templates.ts';
import { observeFromTemplate } from '../observations/observe.ts';
import type { Facility } from '../observations/facility.ts';

export async function observeRoute(app: FastifyInstance, platform: Platform, facilities: Map<string, Facility>): Promise<void> {
  const { db, config } = platform;
  const access: Access = {
    allow: 'custom',
    async check(request) {
      if (config.tom.apiAccess === 'login' && request.principal.kind !== 'user') throw unauthorized();
      await throttleObserve(request, platform.rateLimiter, config.tom.observeRate);
    },
  };

  // Django REST framework's wording for the errors a client library may look for.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.code(400).send({ detail: `JSON parse error - ${error.message}` });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({ detail: `Unsupported media type "${request.headers['content-type'] ?? ''}" in request.` });
    }
    return sendError(error, request, reply);
  });

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'POST') throw new HttpError(405, `Method "${request.method}" not allowed.`, {}, { allow: 'POST, OPTIONS' });
    const checked = checkObserveInput(request.body ?? {});
    if (!checked.ok) return reply.code(400).send(checked.errors);
    const input = checked.input;
    // The answer is made before anything happens, so a request that reaches the portal always gets its 201.
    const echo = JSON.stringify(input);
    const target = await visibleTarget(db, request.principal, { id: input.target });
    if (!target) throw notFound('Target not found.');
    const facility = facilities.get(input.facility);
    if (!facility) throw notFound('Facility not found.');
    const template = await findTemplate(db, target.id, input.facility, input.template_name);
    if (!template) throw notFound(`Template '${input.template_name}' not found for target '${target.name}' and facility '${input.facility}'`);
    const outcome = await observeFromTemplate(db, { target, facility, template, overrides: input.overrides, email: input.email });
    if (!outcome.ok) return reply.code(400).send(outcome.errors);
    return reply.code(201).type('application/json; charset=utf-8').send(echo);
  };
  app.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/api/observe/', config: { access }, schema: { hide: true }, handler });
}
