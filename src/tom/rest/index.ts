// Lightpath's own REST API for the telescope side, mounted under /rest/v1 in its own plugin
// context: there, an application/octet-stream body is handed to the route as the raw request
// stream (never buffered), so data product uploads go straight to the file store.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { dataProductRoutes } from './data-products.ts';
import { groupRoutes } from './groups.ts';
import { pipelineRoutes } from './pipelines.ts';
import { processRoutes } from './processes.ts';
import { productImageRoutes } from './product-image.ts';
import { reducedDatumRoutes } from './reduced-datums.ts';
import { targetRoutes } from './targets.ts';
import { thumbnailRoutes } from './thumbnails.ts';
import { targetFormRoutes } from './target-form.ts';
import { UPLOAD_LIMIT_BYTES } from '../uploads/checked-stream.ts';


export async function tomRestRoutes(instance: FastifyInstance, platform: Platform, options: { uploadLimitBytes?: number } = {}): Promise<void> {
  await instance.register(async (tom) => {
    tom.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    await targetRoutes(tom, platform);
    await dataProductRoutes(tom, platform, { uploadLimitBytes: options.uploadLimitBytes ?? UPLOAD_LIMIT_BYTES });
    await groupRoutes(tom, platform);
    await reducedDatumRoutes(tom, platform);
    await pipelineRoutes(tom, platform);
    await processRoutes(tom, platform);
    await thumbnailRoutes(tom, platform);
    await targetFormRoutes(tom, platform);
    await productImageRoutes(tom, platform);
  });
}
