// The queue job that makes a FITS product's thumbnail when the product arrives (upload, pipeline
// output, archive ingestion, `lightpath load`). A crash or an I/O error is retried; a file that
// does not render is noted on the product at once.
import type { Db } from '../../platform/db/database.ts';
import type { JobDefinition } from '../../platform/jobs/types.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { makeThumbnail, noteFailure } from './make.ts';
import { THUMBNAIL_JOB } from './request.ts';
import type { ThumbnailJobPayload } from './request.ts';

export function thumbnailJob(deps: { db: Db; files: FileStore }): JobDefinition<ThumbnailJobPayload> {
  return {
    type: THUMBNAIL_JOB,
    retryLimit: 2,
    retryDelaySeconds: 5,
    timeLimitSeconds: 120,
    async run(payload, context) {
      return { outcome: await makeThumbnail(deps.db, deps.files, payload.productId, context.signal) };
    },
    async onGiveUp(payload, message) {
      await noteFailure(deps.db, payload.productId, message);
    },
  };
}
