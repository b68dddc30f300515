// The standalone Data Proxy (`lightpath proxy`): only the /download URLs and health checks, with
// the same error format, validation and access policy as the main server. It always serves from
// its own disks, whatever LIGHTPATH_DATAPROXY_URL says (that setting is for the main server).
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform/context.ts';
import { createHttpServer } from '../platform/http/server.ts';
import { DataProxyService } from './service.ts';
import { localDownloadRoutes } from './download-routes.ts';

export async function buildProxyApp(platform: Platform): Promise<FastifyInstance> {
  const { config } = platform;
  const app = await createHttpServer(platform, { publicPrefixes: [] });
  await localDownloadRoutes(app, new DataProxyService(platform.db, config.dataProxy), config);
  return app;
}
