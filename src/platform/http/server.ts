// The Fastify instance every Lightpath HTTP process starts from (the main server and the
// standalone Data Proxy): logging with our request ids, trusted proxies, JSON errors (also for
// requests refused before routing), body parsers with their limits, strict validation, the access
// policy, and connections closed while shutting down.
import crypto from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import type { Platform } from '../context.ts';
import { installErrorHandling } from './error-handler.ts';
import { installBodyParsers } from './body-parsers.ts';
import { clientErrorHandler } from './client-errors.ts';
import { HttpError } from './errors.ts';
import { installValidation } from './validation.ts';
import { trustProxyFrom } from './client-address.ts';
import { installAccessPolicy } from '../auth/policy.ts';
import { healthRoutes } from './health-routes.ts';
import type { DegradedCheck } from './health-routes.ts';
import { installRequestMetrics } from '../metrics/request-metrics.ts';
import { metricsRoute } from '../metrics/metrics-route.ts';
import { installSendfileConfig } from './sendfile-config.ts';
import { RequestLog } from './request-log.ts';

export interface HttpServerOptions {
  publicPrefixes: string[];
  /** What makes /readyz say "degraded" in this process (the main server's jobs, mail, facilities). */
  degradedChecks?: DegradedCheck[];
}

export async function createHttpServer(platform: Platform, options: HttpServerOptions): Promise<FastifyInstance> {
  const { config } = platform;
  const app: FastifyInstance = Fastify({
    loggerInstance: platform.log as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: trustProxyFrom(config.trustedProxies),
    // Request ids are ours: a client-sent id would let anyone forge log lines.
    genReqId: () => crypto.randomUUID(),
    logController: new RequestLog({ requestIdLogLabel: 'request_id' }),
    // Survey keys (base64 of a username and a session name) can be a few hundred characters; the default is 100.
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 500 },
    // A URL that does not decode (e.g. "%zz") is refused before routing: answer it in our format too.
    frameworkErrors: (error, _request, reply) => {
      (reply as unknown as FastifyReply).code(400).send({ detail: error.code === 'FST_ERR_BAD_URL' ? 'Malformed URL.' : error.message });
    },
    clientErrorHandler,
    // Fastify's own 503 while closing has its own body shape; the onRequest hook below answers instead.
    return503OnClosing: false,
  });

  installErrorHandling(app);
  installValidation(app);
  installBodyParsers(app);
  installRequestMetrics(app);
  installSendfileConfig(app, config.sendfile);
  // While shutting down, answers to requests in flight close their connection, so a keep-alive
  // client does not hold the server open until its idle timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // A request that arrives on an open connection while closing is not started: 503, try elsewhere.
  app.addHook('onRequest', async () => {
    if (closing) throw new HttpError(503, 'The server is shutting down; try again.');
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });

  await app.register(cookie);
  installAccessPolicy(app, { sessions: platform.sessions, tokens: platform.tokens, publicPrefixes: options.publicPrefixes });
  healthRoutes(app, platform.db, options.degradedChecks);
  metricsRoute(app, platform.database, config);
  return app;
}
