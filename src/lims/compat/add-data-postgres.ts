// AddData's group write on PostgreSQL in one statement: the same rows as writeUploads (keys,
// datasets with their samples, events, activity entries), but one round trip for the whole group
// instead of one per table. Each statement on PostgreSQL costs the server more than its SQL does
// (the protocol, the socket, the wait for the answer), and a group holds up to eight uploads.
// One statement is atomic and durable on its own, so it needs no BEGIN and COMMIT either. Its
// text never changes (the group's values go as one array per column), so each connection plans
// it once.
import { CompiledQuery } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { keepPlanned } from '../../platform/db/planned-statements.ts';
import { isoNow } from '../../platform/time.ts';
import { EVENT_RETENTION_MS, PRUNE_EVERY } from '../events/record.ts';
import { eventWritten } from '../events/bus.ts';
import type { Upload } from './add-data.ts';

/** Column of the upload list, its PostgreSQL array type, and how an upload fills it. */
const COLUMNS: Array<[string, string, (upload: Upload) => unknown]> = [
  ['project_id', 'int', (u) => u.fields.project_id],
  ['beamline_id', 'int', (u) => u.fields.beamline_id],
  ['session_id', 'int', (u) => u.fields.session_id ?? null],
  ['claimed_sample_id', 'int', (u) => u.sampleId],
  ['data_type_id', 'int', (u) => u.fields.data_type_id],
  ['name', 'text', (u) => u.fields.name],
  ['file_name', 'text', (u) => u.fields.file_name ?? ''],
  ['frames', 'text', (u) => u.fields.frames ?? ''],
  ['num_frames', 'int', (u) => u.fields.num_frames ?? 1],
  ['frames_per_file', 'int', (u) => u.fields.frames_per_file ?? 1],
  ['exposure_time', 'float8', (u) => u.fields.exposure_time ?? null],
  ['attenuation', 'float8', (u) => u.fields.attenuation ?? 0],
  ['energy', 'float8', (u) => u.fields.energy],
  ['beam_size', 'float8', (u) => u.fields.beam_size ?? null],
  ['proxy_key', 'text', (u) => u.fields.proxy_key],
  ['meta_data', 'text', (u) => u.fields.meta_data ?? '{}'],
  ['start_time', 'text', (u) => u.fields.start_time ?? null],
  ['end_time', 'text', (u) => u.fields.end_time ?? null],
  ['user_id', 'int', (u) => u.options.userId],
  ['address', 'text', (u) => u.options.address],
  ['description', 'text', (u) => u.options.description],
  // The key's row, when this server stores it (null: a standalone proxy has).
  ['key_path', 'text', (u) => u.key.row?.directory ?? null],
  ['key_outside_roots', 'bool', (u) => u.key.row?.outsideRoots ?? false],
];

const DATASET_COLUMNS = 'project_id, beamline_id, session_id, data_type_id, name, file_name, frames, num_frames, frames_per_file, '
  + 'exposure_time, attenuation, energy, beam_size, proxy_key, meta_data, start_time, end_time';

// The event's subject is written as recordEvent writes it: JSON.stringify({dataset_id, session_id}).
const STATEMENT = `with upload as (
  select * from unnest(${COLUMNS.map(([, type], index) => `$${index + 2}::${type}[]`).join(', ')})
    with ordinality as u(${COLUMNS.map(([column]) => column).join(', ')}, n)
), new_keys as (
  insert into proxy_keys (key, path, created_at, revoked_at, outside_roots)
  select proxy_key, key_path, $1, null, key_outside_roots from upload where key_path is not null
), new_datasets as (
  insert into datasets (${DATASET_COLUMNS}, sample_id, group_id, state, created_at, updated_at)
  select ${DATASET_COLUMNS.split(', ').map((column) => `u.${column}`).join(', ')}, s.id, s.group_id, 'active', $1, $1
  from upload u left join samples s on s.id = u.claimed_sample_id and s.project_id = u.project_id
  order by u.n
  returning id, proxy_key
), written as (
  select d.id, u.* from new_datasets d join upload u on u.proxy_key = d.proxy_key
), new_events as (
  insert into events (created_at, kind, project_id, beamline_id, subject)
  select $1, 'dataset.created', project_id, beamline_id,
    '{"dataset_id":' || id || ',"session_id":' || coalesce(session_id::text, 'null') || '}'
  from written order by n
  returning id
), new_activity as (
  insert into activity_log (created_at, project_id, user_id, address, action, object_type, object_id, description)
  select $1, project_id, user_id, address, 'create', 'dataset', id, description from written order by n
)
select (select json_agg(id order by n) from written)::text as ids,
  (select coalesce(bool_or(id % ${PRUNE_EVERY} = 0), false) from new_events) as prune`;

keepPlanned(STATEMENT);

/** Writes uploads that create datasets (none naming one to update) with their keys, events and activity entries; their ids in order. */
export async function writeUploadsOnPostgres(db: Db, uploads: Upload[]): Promise<number[]> {
  const parameters = [isoNow(), ...COLUMNS.map(([, , value]) => uploads.map(value))];
  const { rows } = await db.executeQuery(CompiledQuery.raw(STATEMENT, parameters)) as { rows: Array<{ ids: string | null; prune: boolean }> };
  const ids: number[] = JSON.parse(rows[0].ids ?? '[]');
  // Old events go after the write, which has committed and must not fail now: a prune that fails
  // is done by a later one.
  if (rows[0].prune) {
    await db.deleteFrom('events').where('created_at', '<', new Date(Date.now() - EVENT_RETENTION_MS).toISOString()).execute().catch(() => {});
  }
  eventWritten();
  return ids;
}
