// The MxLIVE-compatible Data Proxy URLs, served from this process's disks:
//   POST /download/data/create/                       path → {"key"} (main server only, D14)
//   GET  /download/files/raw/<key>/<path>             a file (Range; .gz fallback)
//   GET  /download/files/archive/<key>/<name>.tar.gz  the key's whole directory, streamed
//   GET  /download/files/snapshot/<key>/<path>        an image, or a placeholder (200)
//   GET  /download/files/frame/<key>/<path>/<bb>.png  a diffraction frame preview (frames/frame-routes.ts)
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Config } from '../config.ts';
import { forbidden, notFound } from '../platform/http/errors.ts';
import { clientAddress } from '../platform/http/client-address.ts';
import { addressInList } from '../platform/http/networks.ts';
import { sameSecret } from '../platform/auth/secrets.ts';
import { SECRET_HEADER } from './client.ts';
import type { DataProxyService } from './service.ts';
import { existingInside, realRoots } from './paths.ts';
import { dataHeaders, sendFile, sendGunzipped } from '../platform/http/send-file.ts';
import { sendAccelRedirect } from '../platform/http/accel-redirect.ts';
import { holdDirectory, tarGzStream } from './archive.ts';
import { GzipPool } from './gzip-pool.ts';
import { OutsideRootsWarnings } from './outside-roots-warnings.ts';
import { sendPlaceholder, snapshotCandidates } from './snapshot.ts';
import { attachmentDisposition } from './disposition.ts';
import { frameRoutes } from './frames/frame-routes.ts';
import { countBytesSent } from '../platform/metrics/bytes-sent.ts';

type FileParams = { key: string; '*': string };
const ARCHIVE_NAME = /^([^./]+)\.tar\.gz$/;
const publicAccess = { access: { allow: 'public' as const } };
// HEAD is declared with GET so it is answered from headers alone: Fastify's automatic HEAD
// route would read a whole file (or build a whole archive) only to throw the bytes away.
const GET_AND_HEAD: Array<'GET' | 'HEAD'> = ['GET', 'HEAD'];

/** Only the main server may make keys: it sends the shared secret, or calls from a trusted network. */
export function createKeyCheck(config: Pick<Config, 'dataProxy' | 'trustedNetworks'>) {
  return (request: FastifyRequest): void => {
    const sent = request.headers[SECRET_HEADER];
    if (typeof sent === 'string' && sent !== '') {
      if (config.dataProxy.secret !== null && sameSecret(sent, config.dataProxy.secret)) return;
      throw forbidden('Wrong data proxy secret.');
    }
    if (addressInList(clientAddress(request), config.trustedNetworks)) return;
    throw forbidden('Only the Lightpath server may create data proxy keys.');
  };
}

/** The directory a key serves, else 404 — saying why when it lies outside the data roots (D17). */
async function keyDirectory(service: DataProxyService, key: string): Promise<{ stored: string; real: string }> {
  const found = await service.servableDirectory(key);
  if (found.kind === 'outside') throw notFound(found.detail);
  if (found.kind === 'none') throw notFound();
  return found;
}

export async function localDownloadRoutes(instance: FastifyInstance, service: DataProxyService, config: Config): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const outsideRoots = new OutsideRootsWarnings(instance.log);
  const accelPrefix = config.dataProxy.accelRedirectPrefix;
  // Archives are gzipped on every core; the workers start with the first archive.
  const gzipPool = new GzipPool();
  instance.addHook('onClose', () => gzipPool.close());

  app.post('/download/data/create/', {
    config: { access: { allow: 'custom', check: createKeyCheck(config) } },
    schema: {
      hide: true,
      // MxLIVE posts a form; the newer proxy's clients post JSON: both carry "path".
      body: Type.Object({ path: Type.String({ minLength: 1, maxLength: 4096 }) }),
    },
  }, async (request) => {
    // Outside the data roots: {"key": null} (D13), and the operator is told once per directory.
    const key = await service.createKey(request.body.path);
    if (key === null) outsideRoots.note(request.body.path);
    return { key };
  });

  app.route({
    method: GET_AND_HEAD, url: '/download/files/raw/:key/*', config: publicAccess, schema: { hide: true }, onSend: countBytesSent('raw'),
    handler: async (request: FastifyRequest<{ Params: FileParams }>, reply: FastifyReply) => {
      const { key, '*': relative } = request.params;
      const dir = await keyDirectory(service, key);
      const file = await existingInside(dir.real, relative);
      if (file !== null) {
        // Behind nginx (X-Accel-Redirect) nginx sends the bytes; the .gz fallback stays here.
        const sent = accelPrefix === null ? await sendFile(request, reply, file, relative)
          : await sendAccelRedirect(reply, file, relative, accelPrefix, await realRoots(config.dataProxy.roots));
        if (sent) return reply;
      } else {
        // MxDC may have compressed a file after MxLIVE linked to it.
        const gz = await existingInside(dir.real, `${relative}.gz`);
        if (gz !== null && await sendGunzipped(request, reply, gz, relative)) return reply;
      }
      throw notFound();
    },
  });

  app.route({
    method: GET_AND_HEAD, url: '/download/files/archive/:key/:name', config: publicAccess, schema: { hide: true }, onSend: countBytesSent('archive'),
    handler: async (request: FastifyRequest<{ Params: { key: string; name: string } }>, reply: FastifyReply) => {
      const { key, name } = request.params;
      // The URL name is only the download name; it may not contain dots (as in MxLIVE's URL pattern).
      if (!ARCHIVE_NAME.test(name)) throw notFound();
      const dir = await keyDirectory(service, key);
      // Held open from here on, so the walk starts from the very directory that was checked.
      const top = request.method === 'HEAD' ? null : await holdDirectory(dir.real, dir.real, dir.real);
      if (request.method !== 'HEAD' && top === null) throw notFound();
      dataHeaders(reply, 'application/x-gzip').header('content-disposition', attachmentDisposition(name));
      if (top === null) return reply.send();
      return reply.send(tarGzStream(top, path.basename(dir.stored) || 'data', gzipPool, request.log));
    },
  });

  app.route({
    method: GET_AND_HEAD, url: '/download/files/snapshot/:key/*', config: publicAccess, schema: { hide: true }, onSend: countBytesSent('snapshot'),
    handler: async (request: FastifyRequest<{ Params: FileParams }>, reply: FastifyReply) => {
      const { key, '*': relative } = request.params;
      const dir = await service.servableDirectory(key);
      if (dir.kind === 'directory') {
        for (const candidate of snapshotCandidates(relative)) {
          const file = await existingInside(dir.real, candidate);
          if (file !== null && await sendFile(request, reply, file, candidate)) return reply;
        }
      }
      return sendPlaceholder(reply);
    },
  });

  await frameRoutes(instance, service, config);
}
