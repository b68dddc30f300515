// Which data products get a thumbnail, where it is kept, and queueing the job that makes it.
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/types.ts';
import { uploadClaim } from '../uploads/claims.ts';

export const THUMBNAIL_JOB = 'product-thumbnail';

export type Enqueue = JobQueue['enqueue'];

export interface ThumbnailJobPayload {
  productId: number;
}

/** FITS images (by name, or by type when the name says nothing) get a preview. */
export function wantsThumbnail(fileName: string, dataProductType: string): boolean {
  const claim = uploadClaim(fileName, dataProductType);
  return typeof claim === 'object' && claim?.kind === 'fits';
}

/**
 * The preview's place in the file store, fixed by the product's id so a deletion can always remove
 * it. Target identifiers start with a letter or digit, so "_thumbnails/" is never a target's folder.
 */
export function thumbnailKey(productId: number): string {
  return `_thumbnails/${productId}.png`;
}

/** Queues the preview of a newly stored product, inside the caller's transaction when it has one. */
export async function requestThumbnail(db: Db, enqueue: Enqueue, product: { id: number; file_key: string; data_product_type: string }): Promise<void> {
  const fileName = product.file_key.slice(product.file_key.lastIndexOf('/') + 1);
  if (!wantsThumbnail(fileName, product.data_product_type)) return;
  await enqueue(THUMBNAIL_JOB, { productId: product.id } satisfies ThumbnailJobPayload, { db });
}
