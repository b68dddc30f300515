// Tables of the telescope side: targets, data products and their groups, reduced datums, and
// asynchronous processes (pipelines and timelapses).
import type { Generated } from 'kysely';
import type { DbBoolean } from '../platform/db/schema.ts';

export type TargetKind = 'sidereal' | 'non_sidereal';
export type OrbitalScheme = 'MPC_MINOR_PLANET' | 'MPC_COMET' | 'JPL_MAJOR_PLANET';

export interface TargetsTable {
  id: Generated<number>;
  /** Short unique name, e.g. "m13": used in file paths and process identifiers. */
  identifier: string;
  name: string;
  name2: string;
  name3: string;
  kind: TargetKind;
  ra: number | null;
  dec: number | null;
  epoch: number | null;
  pm_ra: number | null;
  pm_dec: number | null;
  parallax: number | null;
  scheme: OrbitalScheme | null;
  epoch_of_elements: number | null;
  mean_anomaly: number | null;
  arg_of_perihelion: number | null;
  eccentricity: number | null;
  lng_asc_node: number | null;
  inclination: number | null;
  mean_daily_motion: number | null;
  semimajor_axis: number | null;
  epoch_of_perihelion: number | null;
  perihdist: number | null;
  is_public: DbBoolean;
  owner_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface TargetExtraFieldsTable {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'datetime';
}

export interface TargetExtrasTable {
  target_id: number;
  key: string;
  value: string;
}

export interface DataProductsTable {
  id: Generated<number>;
  target_id: number;
  observation_id: number | null;
  product_id: string;
  /** Where the file is in the file store: "<target identifier>/<facility or none>/<file>". */
  file_key: string;
  data_product_type: string;
  extra_data: string;
  size: number;
  created_at: string;
  /** "<facility>_<frame id>" for a frame ingested from an archive; unique per target. */
  archive_frame_id: Generated<string | null>;
  /** SHA-256 (hex) of an ingested frame's file; unique per target. */
  checksum: Generated<string | null>;
  /** Where a FITS product's PNG preview is kept ("_thumbnails/…"); null until it is made. */
  thumbnail_key: Generated<string | null>;
  /** Why the preview could not be made (the file does not decode as an image). */
  thumbnail_error: Generated<string | null>;
}

export interface DataProductGroupsTable {
  id: Generated<number>;
  name: string;
  created_at: string;
}

export interface DataProductGroupMembersTable {
  group_id: number;
  data_product_id: number;
}

export interface ReducedDatumsTable {
  id: Generated<number>;
  target_id: number;
  data_product_id: number | null;
  data_type: string;
  source_name: string;
  source_location: string;
  timestamp: string;
  value: string;
}

export type ProcessStatus = string; // 'pending' | 'created' | 'failed' | any status text a pipeline sets

export interface ProcessesTable {
  id: Generated<number>;
  identifier: string;
  /** 'timelapse', or the pipeline's name for other pipelines. */
  process_type: string;
  /** Pipelines (timelapses included) have logs, inputs and an output group; plain async processes do not. */
  is_pipeline: DbBoolean;
  pipeline_name: string | null;
  target_id: number | null;
  status: ProcessStatus;
  failure_message: string;
  logs: string;
  flags: string | null;
  group_id: number | null;
  job_id: number | null;
  created_at: string;
  terminal_at: string | null;
}

export interface ProcessInputsTable {
  process_id: number;
  data_product_id: number;
  position: number;
}

export interface TomTables {
  targets: TargetsTable;
  target_extra_fields: TargetExtraFieldsTable;
  target_extras: TargetExtrasTable;
  data_products: DataProductsTable;
  data_product_groups: DataProductGroupsTable;
  data_product_group_members: DataProductGroupMembersTable;
  reduced_datums: ReducedDatumsTable;
  processes: ProcessesTable;
  process_inputs: ProcessInputsTable;
}
