// Liveness and readiness for load balancers and orchestrators. /readyz answers 503 only when the
// server cannot work (its database is unreachable). Trouble around it that a person should look
// at — jobs piling up, a mail server or facility that keeps failing — makes it "degraded": still
// 200, so the server stays in rotation, with the reasons listed.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';

/** One reason the server is degraded, or null when that part is well. Reasons are public: no addresses or error texts. */
export type DegradedCheck = () => Promise<string | null>;

export function healthRoutes(app: FastifyInstance, db: Db, degradedChecks: DegradedCheck[] = []): void {
  const access = { allow: 'public' as const };
  // Load balancers poll these every few seconds: log them only when something is wrong.
  const logLevel = 'warn';

  app.get('/healthz', { config: { access }, logLevel, schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { access }, logLevel, schema: { hide: true } }, async (request, reply) => {
    let reasons: string[];
    try {
      await sql`select 1`.execute(db);
      reasons = (await Promise.all(degradedChecks.map((check) => check()))).filter((reason) => reason !== null);
    } catch (error) {
      request.log.warn({ err: error }, 'database not reachable');
      return reply.code(503).send({ detail: 'Database unreachable.' });
    }
    // Not logged: probes come every few seconds, and each trouble is logged where it happens.
    return reasons.length === 0 ? { status: 'ready' } : { status: 'degraded', reasons };
  });
}
