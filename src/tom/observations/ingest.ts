// Fetching an observation's reduced frames ("e91") into data products with their extra data
// (date, instrument, site, telescope, exposure time, filter). Frames already stored are skipped,
// so running it again changes nothing; a run that stored new frames records a new-data event.
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { isoNow } from '../../platform/time.ts';
import { fileKeyFor, saveDataProduct } from '../data-products.ts';
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

/** Stores the new reduced frames; returns how many were new. */
export async function ingestFrames(db: Db, files: FileStore, facility: Facility, record: ObservationRow): Promise<number> {
  const target = await db.selectFrom('targets').select(['id', 'identifier']).where('id', '=', record.target_id).executeTakeFirstOrThrow();
  let added = 0;
  for (const frame of (await facility.frames(record.observation_id)).filter(isReduced)) {
    const key = fileKeyFor(target.identifier, facility.name, frame.filename);
    const known = await db.selectFrom('data_products').select('id').where('file_key', '=', key).executeTakeFirst();
    if (known) continue;
    await saveDataProduct(db, files, {
      targetId: target.id, targetIdentifier: target.identifier, facility: facility.name, fileName: frame.filename,
      productId: `${facility.name}_${frame.id}`, dataProductType: productType(frame.filename), observationId: record.id,
      extraData: { date_obs: frame.dateObs, instrument: frame.instrument, siteid: frame.site, telid: frame.telescope, exp_time: frame.exposureTime, filter: frame.filter },
    }, await facility.download(frame));
    added++;
  }
  const now = isoNow();
  await db.updateTable('observation_records').set({ ingested_at: now, updated_at: now }).where('id', '=', record.id).execute();
  if (added > 0) await db.insertInto('observation_data_events').values({ observation_record_id: record.id, frames: added, created_at: now, alerts_done_at: null }).execute();
  return added;
}
