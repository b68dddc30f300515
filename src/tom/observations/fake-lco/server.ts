// The fake LCO portal and archive on loopback: used by the tests and by `lightpath fake-lco`.
// The portal is at the root URL, the archive under /archive, the control API under /_fake.
import Fastify from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FakeLcoStore, ENDPOINTS } from './store.ts';
import type { Endpoint, FakeGroup, NewFrame } from './store.ts';
import { portalRoutes } from './portal-routes.ts';
import { archiveRoutes, ARCHIVE_PREFIX } from './archive-routes.ts';
import { controlRoutes } from './control-routes.ts';
import { DEFAULT_INSTRUMENTS, DEFAULT_PROPOSALS } from './seed.ts';

export interface FakeLcoOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default) or ::1. */
  host?: '127.0.0.1' | '::1';
  /** When set, the portal wants "Authorization: Token <apiKey>". */
  apiKey?: string;
  archiveToken?: string;
  /** Largest archive page (default 1000). */
  pageSize?: number;
  instruments?: Record<string, unknown>;
  proposals?: { id: string; title: string; current: boolean }[];
  /** Frames for completed requests that have none of their own (e.g. the demo frames). */
  defaultFrames?: () => NewFrame[];
  /** Completes every submitted request this long after submission (off by default). */
  completeAfterMs?: number;
}

export interface FakeLco {
  /** Base URL of the portal, e.g. http://127.0.0.1:8090. */
  portalUrl: string;
  /** Base URL of the archive, e.g. http://127.0.0.1:8090/archive. */
  archiveUrl: string;
  /** The fake's memory, for tests that want to look directly. */
  store: FakeLcoStore;
  close(): Promise<void>;
}

const FAILURE_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found.', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

export async function startFakeLco(options: FakeLcoOptions = {}): Promise<FakeLco> {
  const store = new FakeLcoStore(
    { apiKey: options.apiKey ?? '', archiveToken: options.archiveToken ?? 'fake-archive-token', pageSize: options.pageSize ?? 1000 },
    options.instruments ?? DEFAULT_INSTRUMENTS,
    options.proposals ?? DEFAULT_PROPOSALS,
    options.defaultFrames,
  );
  // Hanging answers must not keep close() waiting: open connections are cut when it closes.
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const timers = new Set<NodeJS.Timeout>();

  app.addHook('onRequest', async (request, reply) => {
    const endpoint = (request.routeOptions.config as { endpoint?: Endpoint }).endpoint;
    if (!endpoint) return; // the control API: never logged, failed or checked
    store.log.push({ endpoint, method: request.method, url: request.url, authorization: request.headers.authorization ?? null });
    const failure = store.takeFailure(endpoint);
    if (failure?.hang) return new Promise<void>(() => {});
    if (failure) {
      const status = failure.status ?? 500;
      return reply.code(status).send(failure.body ?? { detail: `${FAILURE_TEXT[status] ?? 'Error'} (fake)` });
    }
    const refused = authorisation(store, endpoint, request);
    if (refused) return reply.code(401).send({ detail: refused });
  });

  const onSubmitted = (group: FakeGroup) => {
    if (options.completeAfterMs === undefined) return;
    for (const id of group.requests) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        store.setState(id, 'COMPLETED');
      }, options.completeAfterMs);
      timer.unref();
      timers.add(timer);
    }
  };
  portalRoutes(app, store, onSubmitted);
  archiveRoutes(app, store);
  controlRoutes(app, store);
  app.setNotFoundHandler((_request: FastifyRequest, reply: FastifyReply) => reply.code(404).send({ detail: 'Not found.' }));

  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const portalUrl = `http://${host === '::1' ? '[::1]' : host}:${port}`;
  return {
    portalUrl,
    archiveUrl: `${portalUrl}${ARCHIVE_PREFIX}`,
    store,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      await app.close();
    },
  };
}

/** Why a call is refused, or null: the portal checks its Token when it has a key, the archive its Bearer token. */
function authorisation(store: FakeLcoStore, endpoint: Endpoint, request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (endpoint === 'download') return null; // pre-signed; archive-routes refuses an extra header
  if (endpoint === 'frames' || endpoint === 'frame') {
    if (!header) return 'Authentication credentials were not provided.';
    return header === `Bearer ${store.settings.archiveToken}` ? null : 'Invalid token.';
  }
  if (store.settings.apiKey === '') return null;
  // The real portal lists instruments to anyone, but refuses a wrong token everywhere.
  if (!header) return endpoint === 'instruments' ? null : 'Authentication credentials were not provided.';
  return header === `Token ${store.settings.apiKey}` ? null : 'Invalid token.';
}

export { ENDPOINTS };
export type { Endpoint };
