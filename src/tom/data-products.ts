// Data products: files about a target (FITS frames, images, CSV, timelapses, plots), kept in the
// file store at "<target identifier>/<facility or none>/<file name>" and served under /data/.
import type { Readable } from 'node:stream';
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { FileStore } from '../platform/storage/file-store.ts';
import { badRequest, conflict } from '../platform/http/errors.ts';
import { isoNow } from '../platform/time.ts';
import { uniqueOr } from '../platform/db/unique-violation.ts';
import type { DataProductsTable } from './tables.ts';
import { requestThumbnail, thumbnailKey } from './thumbnails/request.ts';
import type { Enqueue } from './thumbnails/request.ts';
import { recordProductChange } from './events-feed.ts';

export type DataProductRow = Selectable<DataProductsTable>;

/** Built-in data product types (decision T15). */
export const DATA_PRODUCT_TYPES = ['fits_file', 'image_file', 'photometry', 'spectroscopy', 'timelapse', 'plot'] as const;

const FILE_NAME = /^[^/\\\0]{1,255}$/;

export function checkFileName(name: string): string {
  if (!FILE_NAME.test(name) || name === '.' || name === '..' || name.startsWith('.')) {
    throw badRequest(`"${name}" is not a usable file name.`, { file_name: ['must be a plain file name'] });
  }
  return name;
}

export function fileKeyFor(targetIdentifier: string, facility: string | null, fileName: string): string {
  return `${targetIdentifier}/${facility ?? 'none'}/${checkFileName(fileName)}`;
}

/** The public URL path of a stored file: /data/ + each path segment URL-quoted. */
export function dataUrl(fileKey: string): string {
  return `/data/${fileKey.split('/').map(encodeURIComponent).join('/')}`;
}

export interface NewDataProduct {
  targetId: number;
  targetIdentifier: string;
  facility: string | null;
  fileName: string;
  /** Unique within the target; the file name when not given. */
  productId?: string;
  dataProductType: string;
  extraData?: Record<string, unknown>;
  observationId?: number | null;
  /** An ingested frame's identity (see observations/ingest.ts); each is unique within the target. */
  archiveFrameId?: string | null;
  checksum?: string | null;
  /** Queues follow-up jobs (a FITS frame's thumbnail). */
  enqueue: Enqueue;
}

/**
 * Records the product, then streams its file into the store. The row is written first so that
 * of two uploads to the same path only one goes on (the other gets 409 before touching the
 * file); if the file cannot be written, the row is removed again. A file without a row (left by
 * a load whose transaction rolled back) is simply replaced.
 */
export async function saveDataProduct(db: Db, files: FileStore, input: NewDataProduct, content: Readable | Buffer): Promise<DataProductRow> {
  const fileKey = fileKeyFor(input.targetIdentifier, input.facility, input.fileName);
  const productId = input.productId ?? input.fileName;
  const duplicate = () => conflict(`A data product "${input.fileName}" already exists for this target.`);
  const clash = await db.selectFrom('data_products').select('id')
    .where((eb) => eb.or([eb('file_key', '=', fileKey), eb.and([eb('target_id', '=', input.targetId), eb('product_id', '=', productId)])])).executeTakeFirst();
  if (clash) throw duplicate();
  const row = await uniqueOr(() => db.insertInto('data_products').values({
    target_id: input.targetId, observation_id: input.observationId ?? null, product_id: productId, file_key: fileKey,
    data_product_type: input.dataProductType, extra_data: JSON.stringify(input.extraData ?? {}), size: 0, created_at: isoNow(),
    archive_frame_id: input.archiveFrameId ?? null, checksum: input.checksum ?? null,
  }).returningAll().executeTakeFirstOrThrow(), duplicate);
  try {
    const stored = await files.write(fileKey, content);
    await db.updateTable('data_products').set({ size: stored.size }).where('id', '=', row.id).execute();
    await recordProductChange(db, row.target_id, [row.id]);
    await requestThumbnail(db, input.enqueue, row);
    return { ...row, size: stored.size };
  } catch (error) {
    await db.deleteFrom('data_products').where('id', '=', row.id).execute();
    throw error;
  }
}

/** Deletes products, their reduced datums and files (thumbnails too). */
export async function deleteDataProducts(db: Db, files: FileStore, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db.selectFrom('data_products').select(['id', 'file_key', 'target_id']).where('id', 'in', ids).execute();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('reduced_datums').where('data_product_id', 'in', ids).execute();
    await trx.deleteFrom('data_products').where('id', 'in', ids).execute();
    for (const target of new Set(rows.map((r) => r.target_id))) {
      await recordProductChange(trx, target, rows.filter((r) => r.target_id === target).map((r) => r.id));
    }
  });
  for (const row of rows) await deleteProductFiles(files, row);
  return rows.length;
}

/** A deleted product's file and its thumbnail (looked for even if the row had none yet: it may be on its way). */
export async function deleteProductFiles(files: FileStore, product: { id: number; file_key: string }): Promise<void> {
  await files.delete(product.file_key);
  await files.delete(thumbnailKey(product.id));
}

export async function groupByName(db: Db, name: string, create: boolean): Promise<number | null> {
  const existing = await db.selectFrom('data_product_groups').select('id').where('name', '=', name).executeTakeFirst();
  if (existing || !create) return existing?.id ?? null;
  await db.insertInto('data_product_groups').values({ name, created_at: isoNow() })
    .onConflict((oc) => oc.column('name').doNothing()).execute();
  return (await db.selectFrom('data_product_groups').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

export async function addToGroup(db: Db, groupId: number, productIds: number[]): Promise<void> {
  if (productIds.length === 0) return;
  await db.insertInto('data_product_group_members').values(productIds.map((id) => ({ group_id: groupId, data_product_id: id })))
    .onConflict((oc) => oc.columns(['group_id', 'data_product_id']).doNothing()).execute();
}
