// An uploaded file becomes a data product: its claim (name and type) is checked against its bytes
// while it streams into the file store, and it joins its group. A refused or failed upload leaves
// no row and no file: the store only puts a file in place once the checked stream has ended well,
// and a product whose group cannot be joined is removed again.
import { Writable } from 'node:stream';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { badRequest, HttpError } from '../../platform/http/errors.ts';
import { addToGroup, checkFileName, deleteDataProducts, fileKeyFor, groupByName, saveDataProduct } from '../data-products.ts';
import type { DataProductRow } from '../data-products.ts';
import type { TargetRow } from '../targets.ts';
import type { Enqueue } from '../thumbnails/request.ts';
import { claimLabel, inspectorFor, uploadClaim } from './claims.ts';
import { checkedUpload } from './checked-stream.ts';

export interface UploadRequest {
  target: TargetRow;
  fileName: string;
  dataProductType: string;
  facility: string | null;
  group: string | null;
  limitBytes: number;
  /** Queues the product's thumbnail job (see ../thumbnails/). */
  enqueue: Enqueue;
}

/** The stream that holds a file to what its name and type claim (refused at once when they disagree). */
export function contentCheck(fileName: string, dataProductType: string, limitBytes: number): Transform {
  checkFileName(fileName);
  const claim = uploadClaim(fileName, dataProductType);
  if (typeof claim === 'string') throw badRequest(`${claim}.`, { data_product_type: [claim] });
  return checkedUpload({
    fileName, limitBytes, label: claim ? claimLabel(claim) : null, inspector: claim ? inspectorFor(claim, fileName) : null,
  });
}

/** Reads a file through the same check as an upload, storing nothing: resolves when it passes. */
export async function checkContent(fileName: string, dataProductType: string, limitBytes: number, source: Readable): Promise<void> {
  const checked = contentCheck(fileName, dataProductType, limitBytes);
  await pipeline(source, checked, new Writable({ write: (_chunk, _encoding, done) => done() }));
}

export async function uploadDataProduct(db: Db, files: FileStore, request: UploadRequest, source: Readable): Promise<DataProductRow> {
  const checked = contentCheck(request.fileName, request.dataProductType, request.limitBytes);
  // The check may fail before the store starts reading; keep that error rather than crash on it.
  let refused: Error | null = null;
  checked.on('error', (error) => (refused ??= error));
  // pipe() does not pass on a client that goes away mid-upload; the store's write must fail then.
  // (A client error, not ours: answered 400 if anyone is still listening, and not logged as a failure.)
  const interrupted = () => checked.destroy(badRequest('The upload was interrupted before the end of the file.'));
  source.on('error', interrupted);
  source.on('close', () => {
    if (!source.readableEnded) interrupted();
  });
  source.pipe(checked);

  const fileKey = fileKeyFor(request.target.identifier, request.facility, request.fileName);
  let row: DataProductRow;
  try {
    row = await saveDataProduct(db, files, {
      targetId: request.target.id, targetIdentifier: request.target.identifier, facility: request.facility,
      // The path is the product id: unique by construction, so two targets may each have "frame_001.fits".
      fileName: request.fileName, productId: fileKey, dataProductType: request.dataProductType, enqueue: request.enqueue,
    }, checked);
  } catch (error) {
    source.unpipe(checked);
    throw refused && !(error instanceof HttpError) ? refused : error;
  }
  if (request.group !== null) {
    try {
      await addToGroup(db, (await groupByName(db, request.group, true))!, [row.id]);
    } catch (error) {
      await deleteDataProducts(db, files, [row.id]);
      throw error;
    }
  }
  return row;
}
