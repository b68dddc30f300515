// MxDC's AddData (POST /api/v2/<token>/data/<beamline>/, spec §3.5 with decisions D6–D8 and D17):
// a msgpack dataset record becomes a dataset with a Data Proxy key for its directory and an
// activity entry. Every check happens first; then the sample look-up, the key, the dataset, its
// event and its activity entry go in one transaction, shared with other uploads arriving at the
// same moment (group commit: one statement per table for the whole group), and the answer goes
// out only after that transaction commits.
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { GroupCommit } from '../../platform/db/group-commit.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { storePlannedKeys } from '../../dataproxy/record-keys.ts';
import type { PlannedKey, RecordKeys } from '../../dataproxy/record-keys.ts';
import type { Beamline } from '../beamlines.ts';
import type { Project } from '../projects.ts';
import { activeSessionOf } from '../sessions.ts';
import { writeDatasets } from '../datasets.ts';
import type { DatasetWrite } from '../datasets.ts';
import { writeUploadsOnPostgres } from './add-data-postgres.ts';
import { LookupCache } from './lookup-cache.ts';
import { mxdcProxyKey } from './proxy-key-errors.ts';
import {
  frameCount, jsonSafe, msgpackMap, optionalId, optionalNumber, optionalString, optionalTime, requiredNumber, requiredString,
} from './payloads.ts';

/** Keys AddData takes out of the payload; the rest is kept as meta_data (spec §3.5 step 8). */
const POPPED = new Set(['sample_id', 'group', 'port', 'frames', 'energy', 'filename', 'exposure', 'attenuation', 'container', 'name', 'directory', 'type', 'id']);

interface DataType {
  id: number;
  name: string;
}

export type AddData = (project: Project, line: Beamline, body: unknown, address: string | null) => Promise<{ id: number }>;

export function createAddData(platform: Pick<Platform, 'db' | 'log' | 'config'>, recordKeys: RecordKeys): AddData {
  const { db, log } = platform;
  const onPostgres = platform.config.database.kind === 'postgres';
  // A group of new datasets goes in one statement on PostgreSQL; re-posts (rare) and SQLite take the general path.
  const oneStatement = (uploads: Upload[]) => onPostgres && uploads.every((upload) => upload.options.id === null);
  const writes = new GroupCommit<Upload, number>(db, (trx, uploads) => (
    oneStatement(uploads) ? writeUploadsOnPostgres(trx, uploads) : writeUploads(trx, uploads)), { oneStatement });
  const dataType = dataTypesByAcronym(db);
  // Sessions change at launch and close (in this process: seen at once; elsewhere: within the
  // cache's second), while every upload of a beamline asks for its active one.
  const activeSessions = new LookupCache(['beamline_sessions', 'stretches'], (beamlineId) => activeSessionOf(db, Number(beamlineId)));

  return async (project, line, body, address) => {
    const place = writes.reserve();
    try {
      return { id: await place.write(await prepareUpload(project, line, body, address)) };
    } finally {
      place.release();
    }
  };

  /** The start of a dataset that does not say it: its end less its frames' exposure; an exposure past any date is refused. */
  function derivedStart(endTime: string, numFrames: number, exposure: number | null): string {
    const start = new Date(Date.parse(endTime) - numFrames * (exposure ?? 0) * 1000);
    if (Number.isNaN(start.getTime())) throw badRequest('"exposure" puts the start of the dataset before any date.', { exposure: ['too large for the number of frames'] });
    return start.toISOString();
  }

  /** Checks an upload and prepares what its group will write. */
  async function prepareUpload(project: Project, line: Beamline, body: unknown, address: string | null): Promise<Upload> {
    const info = msgpackMap(body);
    const typeName = requiredString(info, 'type', 20);
    const type = await dataType(typeName);
    if (!type) throw badRequest(`Unknown data type "${typeName}".`, { type: ['unknown data type'] });
    const energy = requiredNumber(info, 'energy');
    const directory = requiredString(info, 'directory', 4096);
    const name = requiredString(info, 'name', 200);
    const frames = optionalString(info, 'frames', '', 100000);
    const numFrames = frameCount(frames);
    const exposure = optionalNumber(info, 'exposure');
    const endTime = optionalTime(info, 'end_time') ?? new Date().toISOString();
    const startTime = optionalTime(info, 'start_time') ?? derivedStart(endTime, numFrames, exposure); // D7
    const sampleId = optionalId(info, 'sample_id');
    const attenuation = optionalNumber(info, 'attenuation') ?? 0;
    const beamSize = optionalNumber(info, 'beam_size');
    const fileName = optionalString(info, 'filename', '', 200);
    const id = optionalId(info, 'id');
    const metaData = jsonSafe(Object.fromEntries(Object.entries(info).filter(([k]) => !POPPED.has(k))));

    const [active, key] = await Promise.all([
      activeSessions.get(String(line.id)),
      mxdcProxyKey(log, directory, () => recordKeys.plan(directory)),
    ]);
    const fields = {
      project_id: project.id, beamline_id: line.id, session_id: active && active.project_id === project.id ? active.id : null,
      sample_id: null, group_id: null, data_type_id: type.id,
      name, file_name: fileName, frames, num_frames: numFrames, frames_per_file: 1, exposure_time: exposure,
      attenuation, energy, beam_size: beamSize, proxy_key: key.key,
      meta_data: JSON.stringify(metaData), start_time: startTime, end_time: endTime,
    };
    const options = { id, userId: project.userId, address, description: `${type.name} uploaded from ${line.acronym}` };
    return { fields, options, sampleId, key };
  }
}

/** One upload as the group writer takes it: its sample is looked up with the group's. */
export interface Upload extends DatasetWrite {
  sampleId: number | null;
  key: PlannedKey;
}

/**
 * Writes a group of uploads with a few statements for all of them: their samples are read in one
 * query (a sample counts only when it is the uploading project's, as in MxLIVE), then their keys,
 * datasets, events and activity entries are inserted one table at a time.
 */
async function writeUploads(trx: Db, uploads: Upload[]): Promise<number[]> {
  const sampleIds = [...new Set(uploads.flatMap((upload) => (upload.sampleId === null ? [] : [upload.sampleId])))];
  const samples = sampleIds.length === 0 ? [] : await trx.selectFrom('samples').select(['id', 'group_id', 'project_id'])
    .where('id', 'in', sampleIds).execute();
  const byId = new Map(samples.map((sample) => [sample.id, sample]));
  await storePlannedKeys(trx, uploads.map((upload) => upload.key));
  return writeDatasets(trx, uploads.map(({ fields, options, sampleId }) => {
    const sample = sampleId === null ? undefined : byId.get(sampleId);
    const own = sample !== undefined && sample.project_id === fields.project_id;
    return { fields: { ...fields, sample_id: own ? sample.id : null, group_id: own ? sample.group_id : null }, options };
  }));
}

/** Data types are fixed by the migrations: each is read once. An unknown acronym is asked again. */
function dataTypesByAcronym(db: Db): (acronym: string) => Promise<DataType | undefined> {
  const known = new Map<string, DataType>();
  return async (acronym) => {
    const cached = known.get(acronym);
    if (cached) return cached;
    const found = await db.selectFrom('data_types').select(['id', 'name']).where('acronym', '=', acronym).executeTakeFirst();
    if (found) known.set(acronym, found);
    return found;
  };
}
