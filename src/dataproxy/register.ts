// Plugs the Data Proxy into the main server: the /download URLs (served here, or passed through
// to a standalone `lightpath proxy` when LIGHTPATH_DATAPROXY_URL is set) and the staff REST API.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform/context.ts';
import { DataProxyService } from './service.ts';
import { localDownloadRoutes } from './download-routes.ts';
import { forwardDownloadRoutes } from './forward-routes.ts';
import { proxyKeyRoutes } from './rest-routes.ts';

export async function registerDataProxy(app: FastifyInstance, platform: Platform, restPrefix: string): Promise<void> {
  const { config } = platform;
  const service = new DataProxyService(platform.db, config.dataProxy);
  if (config.dataProxy.url === null) await localDownloadRoutes(app, service, config);
  else await forwardDownloadRoutes(app, config.dataProxy.url, service);
  await app.register(async (rest) => proxyKeyRoutes(rest, service), { prefix: restPrefix });
}
