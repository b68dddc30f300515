// /targets/{id}/data-products and /data-products/{id}: list, upload, read and delete a target's
// files. Uploads stream from the request body into the file store, checked on the way (see
// ../uploads/); they are answered only once the file and its row exist, or neither does.
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { forbidden, HttpError, notFound } from '../../platform/http/errors.ts';
import { DATA_PRODUCT_TYPES, deleteDataProducts } from '../data-products.ts';
import type { DataProductRow } from '../data-products.ts';
import { visibleTargets } from '../targets.ts';
import { uploadDataProduct } from '../uploads/upload.ts';
import { formatBytes, tooLarge } from '../uploads/checked-stream.ts';
import { guessedType } from '../uploads/claims.ts';
import { changeableTargets, changeTarget, seeTarget } from './access.ts';
import { anyone, ErrorOut, errors, fetchPage, IdParams, ListQuery, Page, user } from './common.ts';
import { DataProductOut, productsOut } from './product-out.ts';
import { requireJoinableGroup } from './groups.ts';

export const NO_PRODUCT = 'No such data product.';
/** A data product type: a built-in one, or "" for none. */
export const ProductType = Type.Union([...DATA_PRODUCT_TYPES, ''].map((t) => Type.Literal(t)), { description: `one of ${DATA_PRODUCT_TYPES.join(', ')}, or "" for none` });

/** A data product, if the principal may see its target (and change it, when asked: else 403). */
export async function findProduct(db: Db, request: FastifyRequest, id: number, change: boolean): Promise<DataProductRow> {
  const found = await db.selectFrom('data_products').innerJoin('targets', 'targets.id', 'data_products.target_id')
    .selectAll('data_products').select((eb) => changeableTargets(request.principal)(eb).as('may_change'))
    .where('data_products.id', '=', id).where(visibleTargets(request.principal)).executeTakeFirst();
  if (!found) throw notFound(NO_PRODUCT);
  const { may_change, ...product } = found as typeof found & { may_change: unknown };
  if (change && !may_change) throw forbidden('Only the target\'s owner or staff may change its data products.');
  return product;
}

export async function dataProductRoutes(instance: FastifyInstance, platform: Platform, options: { uploadLimitBytes: number }): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, files } = platform;
  const tags = ['data-products'];
  const limit = options.uploadLimitBytes;

  app.get('/targets/:id/data-products', {
    config: anyone,
    schema: {
      tags, summary: 'A target\'s data products, newest first',
      params: IdParams,
      querystring: ListQuery({ data_product_type: Type.Optional(ProductType) }),
      response: { 200: Page(DataProductOut), 400: ErrorOut, 404: ErrorOut },
    },
  }, async (request) => {
    const target = await seeTarget(db, request, request.params.id);
    let query = db.selectFrom('data_products').selectAll().where('target_id', '=', target.id).orderBy('created_at', 'desc').orderBy('id', 'desc');
    if (request.query.data_product_type !== undefined) query = query.where('data_product_type', '=', request.query.data_product_type);
    const page = await fetchPage(query, request.query);
    return { count: page.count, results: await productsOut(db, page.rows) };
  });

  app.post('/targets/:id/data-products', {
    config: user,
    schema: {
      tags, summary: 'Upload a file as a data product of the target (owner or staff)',
      description: `Send the file itself as the body with \`Content-Type: application/octet-stream\` (at most ${formatBytes(limit)}). `
        + 'It is stored at `<target identifier>/<facility or none>/<file_name>` and served under `/data/`. A file that claims, by its name or '
        + 'type, to be FITS (.fits, .fit, .fts, .fz; fits_file) must parse as FITS to its end (a .fz file must hold a tile-compressed image); '
        + 'an image (.png, .jpg, .gif, .webp; image_file) must carry that format\'s signature; a .csv file must be UTF-8 text. '
        + 'Without `data_product_type`, FITS and image names get fits_file and image_file, others "". `group` names a data product group, '
        + 'created if needed; an existing group must be one you may see (else 404). A refused upload stores nothing.',
      params: IdParams,
      querystring: Type.Object({
        file_name: Type.String({ minLength: 1, maxLength: 255, description: 'The stored file name (no "/", not starting with ".").' }),
        data_product_type: Type.Optional(ProductType),
        facility: Type.Optional(Type.String({ pattern: '^[\\w-]{1,60}$', description: 'The facility that took the data (a path segment); none if absent.' })),
        group: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
      }, { additionalProperties: false }),
      body: { content: { 'application/octet-stream': { schema: Type.Unsafe<unknown>({ format: 'binary', description: 'The file.' }) } } },
      response: { 201: DataProductOut, ...errors, 413: ErrorOut, 415: ErrorOut },
    },
  }, async (request, reply) => {
    const source = request.body as unknown;
    try {
      if (!(source instanceof Readable)) throw new HttpError(415, 'Send the file as the request body with Content-Type: application/octet-stream.');
      const target = await changeTarget(db, request, request.params.id);
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > limit) throw tooLarge(limit);
      const q = request.query;
      // Joining a group someone else keeps to themselves would add to it and reveal it (audit A9).
      if (q.group !== undefined) await requireJoinableGroup(db, request.principal, q.group);
      const row = await uploadDataProduct(db, files, {
        target, fileName: q.file_name, dataProductType: q.data_product_type ?? guessedType(q.file_name),
        facility: q.facility === undefined || q.facility === 'none' ? null : q.facility, group: q.group ?? null, limitBytes: limit,
        enqueue: platform.jobs.enqueue.bind(platform.jobs),
      }, source);
      return reply.code(201).send((await productsOut(db, [row]))[0]);
    } catch (error) {
      // Refused before the whole body was read: drop the rest and close the connection afterwards.
      if (source instanceof Readable && !source.readableEnded) {
        reply.header('connection', 'close');
        source.resume();
      }
      throw error;
    }
  });

  app.get('/data-products/:id', {
    config: anyone,
    schema: { tags, summary: 'One data product (404 if you may not see its target)', params: IdParams, response: { 200: DataProductOut, 404: ErrorOut } },
  }, async (request) => (await productsOut(db, [await findProduct(db, request, request.params.id, false)]))[0]);

  app.delete('/data-products/:id', {
    config: user,
    schema: {
      tags, summary: 'Delete a data product, its file and its reduced datums (owner or staff)',
      params: IdParams, response: { 204: Type.Null(), ...errors },
    },
  }, async (request, reply) => {
    const product = await findProduct(db, request, request.params.id, true);
    await deleteDataProducts(db, files, [product.id]);
    return reply.code(204).send(null);
  });
}
