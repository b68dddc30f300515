// GET /metrics in Prometheus text format, for `lightpath serve` and `lightpath proxy` alike.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { metricsAccess } from './access.ts';
import { databaseMetrics } from './database-metrics.ts';
import { databaseUp, processRegistry } from './process-metrics.ts';

export function metricsRoute(app: FastifyInstance, database: DatabaseHandle, config: Config): void {
  const fromDatabase = databaseMetrics(database.db, config, database.pool);
  // Scraped every few seconds: logged only when something is wrong.
  app.get('/metrics', { config: { access: metricsAccess(config.metrics) }, logLevel: 'warn', schema: { hide: true } }, async (request, reply) => {
    // A database that cannot be read leaves out its metrics but not the process's own, which
    // show what the process is going through meanwhile.
    let stored = '';
    try {
      stored = await fromDatabase.metrics();
      databaseUp.set(1);
    } catch (error) {
      request.log.warn({ err: error }, 'metrics kept in the database could not be read');
      databaseUp.set(0);
    }
    return reply.type(processRegistry.contentType).send(`${await processRegistry.metrics()}\n${stored}`);
  });
}
