// Builds the HTTP application from an open platform. Used by `lightpath serve` and by the tests.
import crypto from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Platform } from './platform/context.ts';
import { installErrorHandling } from './platform/http/error-handler.ts';
import { installValidation } from './platform/http/validation.ts';
import { trustProxyFrom } from './platform/http/client-address.ts';
import { installAccessPolicy } from './platform/auth/policy.ts';
import { healthRoutes } from './platform/http/health-routes.ts';
import { accountRoutes } from './platform/auth/routes.ts';
import { jobRoutes } from './platform/jobs/routes.ts';

/** Lightpath's own REST API. Nothing of the compatibility APIs (/api/…, /download/…, /data/…) lives here. */
export const REST_PREFIX = '/rest/v1';
export const DOCS_PREFIX = '/rest/docs';

export async function buildApp(platform: Platform): Promise<FastifyInstance> {
  const { config } = platform;
  const app: FastifyInstance = Fastify({
    loggerInstance: platform.log as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: trustProxyFrom(config.trustedProxies),
    // Request ids are ours: a client-sent id would let anyone forge log lines.
    genReqId: () => crypto.randomUUID(),
    requestIdLogLabel: 'request_id',
    disableRequestLogging: false,
    routerOptions: { ignoreTrailingSlash: false },
  });

  installErrorHandling(app);
  installValidation(app);
  // While shutting down, answers to requests in flight close their connection, so a keep-alive
  // client does not hold the server open until its idle timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });

  await app.register(cookie);
  await app.register(formbody);
  installAccessPolicy(app, { sessions: platform.sessions, tokens: platform.tokens, publicPrefixes: [DOCS_PREFIX] });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Lightpath', version: '1', description: 'Lightpath\'s own REST API. The MxLIVE v2 and tom_education compatibility APIs are documented in docs/api.md.' },
      servers: config.baseUrl ? [{ url: config.baseUrl }] : [],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (lpt_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'lightpath_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    // Only Lightpath's own API belongs in its OpenAPI document.
    transform: ({ schema, url }) => ({ schema: url.startsWith(REST_PREFIX) ? schema : { ...(schema ?? {}), hide: true }, url }),
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX });
  app.get('/rest/openapi.json', { config: { access: { allow: 'public' } }, schema: { hide: true } }, async () => app.swagger());

  healthRoutes(app, platform.db);
  await app.register(async (rest) => {
    await accountRoutes(rest, platform);
    await jobRoutes(rest, platform);
  }, { prefix: REST_PREFIX });

  return app;
}
