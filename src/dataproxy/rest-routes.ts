// Staff view of the Data Proxy's keys in Lightpath's own REST API: list them, revoke one.
// Revoking makes every URL built on the key answer 404 (or the snapshot placeholder).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { notFound } from '../platform/http/errors.ts';
import { sorting } from '../platform/http/list-ordering.ts';
import type { ProxyKey } from './key-store.ts';
import type { DataProxyService } from './service.ts';

const ProxyKeyOut = Type.Object({
  key: Type.String({ pattern: '^[0-9a-f]{40}$' }),
  path: Type.String({ description: 'The directory the key hands out.' }),
  created_at: Type.String({ format: 'date-time' }),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  outside_roots: Type.Boolean({ description: 'The path was outside the data roots when the key was asked for: the key serves no files, and its URLs answer 404 saying so.' }),
}, { $id: 'ProxyKey' });

const ErrorOut = Type.Object({ detail: Type.String(), fields: Type.Optional(Type.Record(Type.String(), Type.Array(Type.String()))) });

const order = sorting({ created_at: 'proxy_keys.created_at' }, 'proxy_keys.key');

function proxyKeyOut(key: ProxyKey) {
  return { key: key.key, path: key.path, created_at: key.createdAt, revoked_at: key.revokedAt, outside_roots: key.outsideRoots };
}

export async function proxyKeyRoutes(instance: FastifyInstance, service: DataProxyService): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const staff = { access: { allow: 'staff' as const } };
  const tags = ['data proxy'];

  app.get('/proxy-keys', {
    config: staff,
    schema: {
      tags, summary: 'Data Proxy keys, newest first (staff)',
      querystring: Type.Object({
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
        offset: Type.Integer({ minimum: 0, default: 0 }),
        ordering: order.param,
      }),
      response: { 200: Type.Object({ count: Type.Integer(), results: Type.Array(ProxyKeyOut) }), 400: ErrorOut },
    },
  }, async (request) => {
    const { ordering } = request.query;
    const page = await service.list(request.query, ordering === undefined ? undefined : (q) => order.apply(q, ordering, (byDefault) => byDefault));
    return { count: page.total, results: page.keys.map(proxyKeyOut) };
  });

  app.delete('/proxy-keys/:key', {
    config: staff,
    schema: {
      tags, summary: 'Revoke a Data Proxy key (staff); its URLs stop working at once',
      params: Type.Object({ key: Type.String({ pattern: '^[0-9a-f]{40}$' }) }),
      response: { 200: ProxyKeyOut, 404: ErrorOut },
    },
  }, async (request) => {
    const revoked = await service.revoke(request.params.key);
    if (revoked === null) throw notFound('No such key.');
    return proxyKeyOut(revoked);
  });
}
