// /data-products/{id}/image…: a FITS data product as the web app's viewer shows it — its size,
// display range and sky coordinates, the whole picture (at most 1024 pixels a side), any part of
// it at full resolution, and the values and RA/Dec of a small window. Coordinates count from the
// picture's top-left corner (north up: FITS pixel (x + 1, height - y)). Anyone who may see the
// target may look. Decoding and rendering happen on a worker thread (product-image-worker-thread.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { badRequest, HttpError, notFound } from '../../platform/http/errors.ts';
import { dataHeaders } from '../../platform/http/send-file.ts';
import type { DataProductRow } from '../data-products.ts';
import { anyone, ErrorOut, IdParams, Nullable } from './common.ts';
import { findProduct } from './data-products.ts';
import type { ImageJob, ImageOutcome, Region } from './product-image-frame.ts';
import { ProductImageWorker } from './product-image-worker-thread.ts';

/** Largest part one request may draw, and largest window of values (a cursor's neighbourhood). */
export const MAX_REGION_SIDE = 2048;
export const MAX_VALUES_SIDE = 64;

const FITS_NAME = /\.(fits?|fts)(\.fz)?$/i;

const ImageInfoOut = Type.Object({
  width: Type.Integer({ description: 'Pixels.' }),
  height: Type.Integer({ description: 'Pixels.' }),
  z1: Type.Number({ description: 'The value drawn black (zscale).' }),
  z2: Type.Number({ description: 'The value drawn white (zscale).' }),
  wcs_problem: Nullable(Type.String({ description: 'Why RA and Dec cannot be given; null when they can.' })),
  header: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]), { description: 'A few header keywords worth showing (OBJECT, DATE-OBS, FILTER, EXPTIME…).' }),
  picture_url: Type.String({ description: 'The whole picture as PNG.' }),
  region_url: Type.String({ description: 'A part at full resolution: add ?x=&y=&w=&h=.' }),
});

const ValuesOut = Type.Object({
  x: Type.Integer(), y: Type.Integer(), w: Type.Integer(), h: Type.Integer(),
  values: Type.Array(Nullable(Type.Number()), { description: 'Row by row from the top-left; null for blank pixels.' }),
  ra: Nullable(Type.Array(Type.Number(), { description: 'Degrees at each pixel\'s centre.' })),
  dec: Nullable(Type.Array(Type.Number())),
});

function RegionQuery(maxSide: number) {
  return Type.Object({
    x: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    y: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    w: Type.Integer({ minimum: 1, maximum: maxSide }),
    h: Type.Integer({ minimum: 1, maximum: maxSide }),
  }, { additionalProperties: false });
}

export async function productImageRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, files } = platform;
  const tags = ['data-products'];
  const worker = new ProductImageWorker();
  instance.addHook('onClose', () => worker.close());

  /** The job's answer for a product the principal may see, or the 4xx that explains why not. */
  async function run(request: FastifyRequest, id: number, job: (file: { path: string; stamp: string }) => ImageJob): Promise<ImageOutcome & { product: DataProductRow }> {
    const product = await findProduct(db, request, id, false);
    if (product.data_product_type !== 'fits_file' && !FITS_NAME.test(product.file_key)) throw notFound('This data product is not a FITS image.');
    const [path, stat] = await Promise.all([files.localPath(product.file_key), files.stat(product.file_key)]);
    if (path === null || stat === null) throw notFound('The data product\'s file is missing.');
    const outcome = await worker.run(job({ path, stamp: `${stat.size}:${stat.modifiedAt.getTime()}` }));
    if (outcome.kind === 'unreadable') throw new HttpError(422, `The file cannot be shown as a FITS image: ${outcome.detail}`);
    if (outcome.kind === 'outside') {
      throw badRequest(`The region must lie within the image, which is ${outcome.width} × ${outcome.height} pixels.`, {
        x: [`x + w may be at most ${outcome.width}.`], y: [`y + h may be at most ${outcome.height}.`],
      });
    }
    return { ...outcome, product };
  }

  function sendPng(reply: FastifyReply, outcome: ImageOutcome): FastifyReply {
    if (outcome.kind !== 'png') throw new Error(`expected a PNG, got ${outcome.kind}`);
    // Revalidated on each use: a product's file may be replaced under the same id.
    return dataHeaders(reply, 'image/png').code(200).header('cache-control', 'private, no-cache').send(Buffer.from(outcome.png));
  }

  app.get('/data-products/:id/image', {
    config: anyone,
    schema: {
      tags, summary: 'A FITS data product\'s image: size, display range, header and where its pictures are',
      params: IdParams, response: { 200: ImageInfoOut, 404: ErrorOut, 422: ErrorOut },
    },
  }, async (request) => {
    const outcome = await run(request, request.params.id, (file) => ({ kind: 'info', ...file }));
    if (outcome.kind !== 'info') throw new Error(`expected info, got ${outcome.kind}`);
    const base = `/rest/v1/data-products/${outcome.product.id}/image`;
    return { ...outcome.info, picture_url: `${base}.png`, region_url: `${base}/region.png` };
  });

  app.get('/data-products/:id/image.png', {
    config: anyone,
    schema: { tags, summary: 'The whole picture (PNG, zscale, north up, at most 1024 pixels a side)', params: IdParams },
  }, async (request, reply) => sendPng(reply, await run(request, request.params.id, (file) => ({ kind: 'overview', ...file }))));

  app.get('/data-products/:id/image/region.png', {
    config: anyone,
    schema: {
      tags, summary: `A part of the picture at full resolution (PNG; at most ${MAX_REGION_SIDE} pixels a side)`,
      description: 'x and y count from the picture\'s top-left corner; the stretch is the whole image\'s, so parts match the whole picture.',
      params: IdParams, querystring: RegionQuery(MAX_REGION_SIDE),
    },
  }, async (request, reply) => {
    const region: Region = request.query;
    return sendPng(reply, await run(request, request.params.id, (file) => ({ kind: 'region', region, ...file })));
  });

  app.get('/data-products/:id/image/values', {
    config: anyone,
    schema: {
      tags, summary: `Pixel values and their RA/Dec (from the image's TAN WCS) in a window of at most ${MAX_VALUES_SIDE} × ${MAX_VALUES_SIDE}`,
      description: 'x and y count from the picture\'s top-left corner. ra and dec are null when the image has no usable WCS (see wcs_problem of /image).',
      params: IdParams, querystring: RegionQuery(MAX_VALUES_SIDE), response: { 200: ValuesOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut },
    },
  }, async (request) => {
    const region: Region = request.query;
    const outcome = await run(request, request.params.id, (file) => ({ kind: 'values', region, ...file }));
    if (outcome.kind !== 'values') throw new Error(`expected values, got ${outcome.kind}`);
    const { values, ra, dec } = outcome.values;
    return { ...region, values, ra, dec };
  });
}
