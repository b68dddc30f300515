// /data-products/{id}/thumbnail: the PNG preview the thumbnail job made of a FITS product, with the
// visibility of the product's target. Pages show it instead of decoding the FITS file per view.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { sendFile } from '../../platform/http/send-file.ts';
import { anyone, ErrorOut, IdParams } from './common.ts';
import { findProduct } from './data-products.ts';

export const NO_THUMBNAIL = 'This data product has no thumbnail (yet): only FITS images get one, shortly after they arrive.';

export async function thumbnailRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, files } = platform;

  app.get('/data-products/:id/thumbnail', {
    config: anyone,
    schema: {
      tags: ['data-products'], summary: 'The PNG preview of a FITS data product (404 until it is made)',
      description: 'A grayscale PNG at most 256 pixels on its longer side, with the zscale stretch of the timelapses. '
        + 'The product\'s `thumbnail_url` says whether it exists yet.',
      params: IdParams,
      response: { 200: Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: 'image/png' }), 404: ErrorOut },
    },
  }, async (request, reply) => {
    const product = await findProduct(db, request, request.params.id, false);
    const local = product.thumbnail_key ? await files.localPath(product.thumbnail_key) : null;
    if (!local || !(await sendFile(request, reply, local))) throw notFound(NO_THUMBNAIL);
    // Made once and never changed: a browser may keep it (private: the target may be private).
    return reply.header('cache-control', 'private, max-age=86400');
  });
}
