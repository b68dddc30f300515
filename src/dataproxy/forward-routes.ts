// When the Data Proxy runs elsewhere (`lightpath proxy` on the file server), the main server
// passes /download/files/… through to it and streams the answer back, so browsers and MxLIVE-style
// links keep using the main server's address. Keys are only made by the main server's own calls
// (HttpDataProxyClient), so /download/data/create/ is not served here.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, notFound } from '../platform/http/errors.ts';
import type { DataProxyService } from './service.ts';

/** Headers of the proxy's answer that matter to the client; hop-by-hop ones are left behind. */
const PASSED_BACK = [
  'content-type', 'content-length', 'content-range', 'accept-ranges', 'content-disposition', 'last-modified',
  'cache-control', 'x-content-type-options', 'content-security-policy',
];
const CONNECT_TIMEOUT_MS = 30_000;

export async function forwardDownloadRoutes(app: FastifyInstance, proxyUrl: string, service: DataProxyService): Promise<void> {
  const base = new URL(proxyUrl);
  const filesPrefix = `${base.pathname.replace(/\/+$/, '')}/files/`;

  app.route({
    method: ['GET', 'HEAD'], url: '/download/files/*', config: { access: { allow: 'public' } }, schema: { hide: true },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      // The raw URL, still percent-encoded, so the proxy sees exactly what the client sent.
      const rest = (request.raw.url ?? '').slice('/download'.length);
      const target = new URL(proxyUrl + rest);
      // URL parsing folds "." and ".." segments (also %2e%2e): whatever leaves /files/ is not ours to ask.
      if (target.origin !== base.origin || !target.pathname.startsWith(filesPrefix)) throw notFound();
      // Keys without files (D17) live in this server's database: the proxy has never heard of them.
      const key = target.pathname.slice(filesPrefix.length).split('/')[1] ?? '';
      const withoutFiles = await service.withoutFiles(key);
      if (withoutFiles !== null) throw notFound(withoutFiles);

      const abort = new AbortController();
      reply.raw.on('close', () => abort.abort());
      const timer = setTimeout(() => abort.abort(), CONNECT_TIMEOUT_MS);
      const headers: Record<string, string> = { 'accept-encoding': 'identity' };
      if (typeof request.headers.range === 'string') headers.range = request.headers.range;
      let upstream: Response;
      try {
        upstream = await fetch(target, { method: request.method, headers, signal: abort.signal, redirect: 'manual' });
      } catch (error) {
        request.log.warn({ err: error, target: target.origin }, 'data proxy unreachable');
        throw new HttpError(502, 'The data proxy is unreachable.');
      } finally {
        clearTimeout(timer);
      }
      reply.code(upstream.status);
      for (const name of PASSED_BACK) {
        const value = upstream.headers.get(name);
        if (value !== null) reply.header(name, value);
      }
      if (upstream.body === null || request.method === 'HEAD') {
        await upstream.body?.cancel();
        return reply.send();
      }
      return reply.send(Readable.fromWeb(upstream.body as WebReadableStream<Uint8Array>));
    },
  });
}
