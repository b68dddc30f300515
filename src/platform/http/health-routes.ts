// Liveness and readiness for load balancers and orchestrators.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';

export function healthRoutes(app: FastifyInstance, db: Db): void {
  const access = { allow: 'public' as const };

  app.get('/healthz', { config: { access }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { access }, schema: { hide: true } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'database not reachable');
      return reply.code(503).send({ detail: 'Database unreachable.' });
    }
  });
}
