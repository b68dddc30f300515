// Makes one product's thumbnail and keeps it with the product. A product deleted meanwhile leaves
// nothing behind; a file that cannot be rendered is noted on the product and never tried again.
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { renderInWorker, UnrenderableFile } from './in-worker.ts';
import { THUMBNAIL_SIZE } from './render.ts';
import { thumbnailKey } from './request.ts';
import { recordProductChange } from '../events-feed.ts';

export type ThumbnailOutcome = 'made' | 'unrenderable' | 'gone' | 'had one';

export async function makeThumbnail(db: Db, files: FileStore, productId: number, signal?: AbortSignal): Promise<ThumbnailOutcome> {
  const product = await db.selectFrom('data_products').select(['id', 'file_key', 'thumbnail_key', 'target_id']).where('id', '=', productId).executeTakeFirst();
  if (!product) return 'gone';
  if (product.thumbnail_key) return 'had one';
  const local = await files.localPath(product.file_key);
  const name = product.file_key.slice(product.file_key.lastIndexOf('/') + 1);
  let png: Buffer;
  try {
    if (!local) throw new UnrenderableFile('the file store keeps no copy of the file on this machine');
    png = await renderInWorker({ source: { path: local, name }, size: THUMBNAIL_SIZE }, signal);
  } catch (error) {
    if (!(error instanceof UnrenderableFile)) throw error;
    await noteFailure(db, productId, error.message);
    return 'unrenderable';
  }
  const key = thumbnailKey(product.id);
  await files.write(key, png);
  const updated = await db.updateTable('data_products').set({ thumbnail_key: key, thumbnail_error: null }).where('id', '=', product.id).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await files.delete(key);
    return 'gone';
  }
  await recordProductChange(db, product.target_id, [product.id]);
  return 'made';
}

export async function noteFailure(db: Db, productId: number, message: string): Promise<void> {
  await db.updateTable('data_products').set({ thumbnail_error: message.slice(0, 1000) }).where('id', '=', productId).execute();
}
