// The web app on the server's own origin: the files of its built bundle (web/build, made by
// scripts/build-web.js), and its page for every other GET — the app routes in the browser. The
// server's own paths never fall back to the page: an unknown URL there stays a JSON 404.
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from './errors.ts';
import { existingInside, realpathOrNull } from '../storage/confined-paths.ts';
import { sendWebFile } from './web-files.ts';
import { IMMUTABLE_CACHE, PAGE_HEADERS, REVALIDATE_CACHE, webContentType } from './web-headers.ts';

/** First path segments that belong to the server (APIs, files, probes), never to the app. */
export const SERVER_PREFIXES = ['api', 'rest', 'auth', 'download', 'data', 'healthz', 'readyz', 'metrics'];
const PAGE = 'index.html';
const NOT_BUILT = 'The web app is not built: run npm run build:web\n';

/** The decoded segments of the request's path, or null for one no file or page can have ("..", "a//b", NUL). */
function pathSegments(url: string): string[] | null {
  const raw = url.split('?', 1)[0].split('/').slice(1);
  let segments: string[];
  try {
    segments = raw.map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
  const last = segments.length - 1;
  const unusable = (segment: string, index: number) =>
    segment === '.' || segment === '..' || /[/\\\0]/.test(segment) || (segment === '' && index !== last);
  return segments.some(unusable) ? null : segments;
}

/** A file the bundle may hand out by name: not a directory's path, and nothing hidden (.source-hash). */
function fileName(segments: string[]): string | null {
  if (segments[segments.length - 1] === '' || segments.some((segment) => segment.startsWith('.'))) return null;
  return segments.join('/');
}

function headersFor(name: string): Record<string, string> {
  const cache = { 'cache-control': name.startsWith('_app/immutable/') ? IMMUTABLE_CACHE : REVALIDATE_CACHE };
  return webContentType(name).startsWith('text/html') ? { ...PAGE_HEADERS, ...cache } : cache;
}

function sendNotBuilt(reply: FastifyReply): FastifyReply {
  return reply.code(503).headers(PAGE_HEADERS).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff')
    .type('text/plain; charset=utf-8').send(NOT_BUILT);
}

export function webAppRoutes(app: FastifyInstance, webDir: string): void {
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const segments = pathSegments(request.url);
    if (segments === null || SERVER_PREFIXES.includes(segments[0])) throw notFound();
    // Looked up on every request: a rebuild, or a first build, is served without a restart.
    const root = await realpathOrNull(path.resolve(webDir));
    if (root === null) return sendNotBuilt(reply);
    const name = fileName(segments);
    if (name !== null) {
      const file = await existingInside(root, name);
      if (file !== null && (await sendWebFile(request, reply, file, headersFor(name)))) return reply;
    }
    // A missing asset is an error for the page that asked, never the page itself (HTML as a script).
    if (segments[0] === '_app') throw notFound();
    const page = await existingInside(root, PAGE);
    if (page === null || !(await sendWebFile(request, reply, page, headersFor(PAGE)))) return sendNotBuilt(reply);
    return reply;
  };
  // The app's shell is public: the app itself asks the API who is logged in.
  app.route({ method: ['GET', 'HEAD'], url: '/*', exposeHeadRoute: false, config: { access: { allow: 'public' } }, schema: { hide: true }, handler: serve });
}
