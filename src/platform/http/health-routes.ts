// Liveness and readiness for load balancers and orchestrators.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';

export function healthRoutes(app: FastifyInstance, db: Db): void {
  const access = { allow: 'public' as const };
  // Load balancers poll these every few seconds: log them only when something is wrong.
  const logLevel = 'warn';

  app.get('/healthz', { config: { access }, logLevel, schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { access }, logLevel, schema: { hide: true } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'database not reachable');
      return reply.code(503).send({ detail: 'Database unreachable.' });
    }
  });
}
