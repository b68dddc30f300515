// Fetching an observation's reduced frames ("e91") into data products with their extra data
// (date, instrument, site, telescope, exposure time, filter). A frame is stored once per target:
// it is known by its archive frame id when the facility gives one, else by the SHA-256 of its
// file (and, as before, by its stored path). Ingesting again, or two workers ingesting at once,
// adds nothing; a run that stored new frames records a new-data event.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { makeScratchDir, removeScratchDir } from '../../platform/storage/scratch.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { isoNow } from '../../platform/time.ts';
import { fileKeyFor, saveDataProduct } from '../data-products.ts';
import type { Enqueue } from '../thumbnails/request.ts';
import type { Facility, Frame } from './facility.ts';
import type { ObservationRow } from './records.ts';

export function isReduced(frame: Frame): boolean {
  return frame.reductionLevel === 91 || /e91/.test(frame.filename);
}

function productType(fileName: string): string {
  if (/\.(fits|fz)$/i.test(fileName)) return 'fits_file';
  if (/\.(jpe?g|png)$/i.test(fileName)) return 'image_file';
  return '';
}

interface Target {
  id: number;
  identifier: string;
}

/** Stores the new reduced frames; returns how many were new. */
export async function ingestFrames(db: Db, files: FileStore, enqueue: Enqueue, facility: Facility, record: ObservationRow): Promise<number> {
  const target = await db.selectFrom('targets').select(['id', 'identifier']).where('id', '=', record.target_id).executeTakeFirstOrThrow();
  let added = 0;
  const scratch = await makeScratchDir('ingest');
  try {
    for (const frame of (await facility.frames(record.observation_id)).filter(isReduced)) {
      if (await ingestFrame(db, files, enqueue, facility, record, target, frame, scratch)) added++;
    }
  } finally {
    await removeScratchDir(scratch);
  }
  const now = isoNow();
  await db.updateTable('observation_records').set({ ingested_at: now, updated_at: now }).where('id', '=', record.id).execute();
  if (added > 0) await db.insertInto('observation_data_events').values({ observation_record_id: record.id, frames: added, created_at: now, alerts_done_at: null }).execute();
  return added;
}

/** Stores one frame unless the target holds it already; true if it was stored. */
async function ingestFrame(db: Db, files: FileStore, enqueue: Enqueue, facility: Facility, record: ObservationRow, target: Target, frame: Frame, scratch: string): Promise<boolean> {
  const archiveFrameId = frame.id ? `${facility.name}_${frame.id}` : null;
  const fileKey = fileKeyFor(target.identifier, facility.name, frame.filename);
  const known = await db.selectFrom('data_products').select('id').where('target_id', '=', target.id)
    .where((eb) => eb.or([eb('file_key', '=', fileKey), ...(archiveFrameId ? [eb('archive_frame_id', '=', archiveFrameId)] : [])]))
    .executeTakeFirst();
  if (known) return false;
  const local = path.join(scratch, 'frame');
  const checksum = await downloadWithChecksum(await facility.download(frame), local);
  const same = await db.selectFrom('data_products').select('id').where('target_id', '=', target.id).where('checksum', '=', checksum).executeTakeFirst();
  if (same) return false;
  try {
    await saveDataProduct(db, files, {
      targetId: target.id, targetIdentifier: target.identifier, facility: facility.name, fileName: frame.filename,
      productId: archiveFrameId ?? frame.filename, dataProductType: productType(frame.filename), observationId: record.id,
      archiveFrameId, checksum, enqueue,
      extraData: { date_obs: frame.dateObs, instrument: frame.instrument, siteid: frame.site, telid: frame.telescope, exp_time: frame.exposureTime, filter: frame.filter },
    }, createReadStream(local));
    return true;
  } catch (error) {
    // Stored by someone else since the checks above (another worker ingesting the same frame).
    if (error instanceof HttpError && error.statusCode === 409) return false;
    throw error;
  }
}

/** Writes the download to `file` and returns its SHA-256 (hex). */
async function downloadWithChecksum(source: NodeJS.ReadableStream, file: string): Promise<string> {
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(source, tap, createWriteStream(file));
  return hash.digest('hex');
}
