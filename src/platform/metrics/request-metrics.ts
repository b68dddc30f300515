// Counts every answered request by its route pattern (never the raw URL, which would make a new
// series per id and let any client grow the scrape without bound), method and status.
import type { FastifyInstance } from 'fastify';
import { httpRequestDuration } from './process-metrics.ts';

const UNMATCHED = '(unmatched)';

export function installRequestMetrics(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    httpRequestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? UNMATCHED, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}
