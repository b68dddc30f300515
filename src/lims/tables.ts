// Tables of the beamline side (the sample database behind the MxLIVE v2 API).
import type { Generated } from 'kysely';
import type { DbBoolean } from '../platform/db/schema.ts';

/** Shipments and containers move draft → sent → on_site → returned → archived. */
export type TransitState = 'draft' | 'sent' | 'on_site' | 'returned' | 'archived';
/** Datasets and reports. */
export type RecordState = 'active' | 'archived' | 'trashed';
export type GroupState = 'draft' | 'active' | 'processing' | 'complete' | 'archived';

export interface ProjectsTable {
  id: Generated<number>;
  user_id: number;
  /** The MxDC public key (OpenSSH ssh-dss text); '' when none is registered. */
  mxdc_key: string;
  contact_person: string;
  contact_email: string;
  contact_phone: string;
  carrier: string;
  account_number: string;
  organisation: string;
  department: string;
  address: string;
  city: string;
  province: string;
  postal_code: string;
  country: string;
  created_at: string;
  updated_at: string;
}

export interface BeamlinesTable {
  id: Generated<number>;
  acronym: string;
  name: string;
  energy_lo: number;
  energy_hi: number;
  contact_phone: string;
  active: DbBoolean;
}

export interface ContainerTypesTable {
  id: Generated<number>;
  name: string;
  envelope: 'rect' | 'circle' | '';
  height: number;
  radius: number;
}

export interface ContainerLocationsTable {
  id: Generated<number>;
  container_type_id: number;
  name: string;
  x: number;
  y: number;
  position: number;
}

export interface ContainerLocationAcceptsTable {
  location_id: number;
  accepts_type_id: number;
}

export interface ShipmentsTable {
  id: Generated<number>;
  project_id: number;
  name: string;
  state: TransitState;
  comments: string;
  carrier: string;
  tracking_code: string;
  return_code: string;
  storage_location: string;
  date_shipped: string | null;
  date_received: string | null;
  date_returned: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContainersTable {
  id: Generated<number>;
  /** Null for facility equipment (automounters). */
  project_id: number | null;
  shipment_id: number | null;
  name: string;
  container_type_id: number;
  parent_id: number | null;
  /** Its slot in the parent (a location of the parent's type). */
  location_id: number | null;
  state: TransitState;
  priority: number;
  comments: string;
  created_at: string;
  updated_at: string;
}

export interface AutomountersTable {
  id: Generated<number>;
  beamline_id: number;
  container_id: number;
  active: DbBoolean;
  staff_comments: string;
  updated_at: string;
}

export interface LoadHistoryTable {
  id: Generated<number>;
  child_id: number;
  parent_id: number;
  location_id: number;
  started_at: string;
  ended_at: string | null;
  staff_user_id: number | null;
}

export interface GroupsTable {
  id: Generated<number>;
  project_id: number;
  shipment_id: number | null;
  name: string;
  state: GroupState;
  kind: string;
  plan: string;
  energy: number | null;
  absorption_edge: string;
  resolution: number | null;
  comments: string;
  priority: number | null;
  created_at: string;
  updated_at: string;
}

export interface SamplesTable {
  id: Generated<number>;
  project_id: number;
  container_id: number;
  location_id: number;
  group_id: number | null;
  name: string;
  barcode: string | null;
  comments: string | null;
  priority: number | null;
  collect_status: DbBoolean;
  created_at: string;
  updated_at: string;
}

export interface BeamlineSessionsTable {
  id: Generated<number>;
  project_id: number;
  beamline_id: number;
  name: string;
  comments: string;
  proxy_key: string | null;
  created_at: string;
}

export interface StretchesTable {
  id: Generated<number>;
  session_id: number;
  started_at: string;
  ended_at: string | null;
}

export interface DataTypesTable {
  id: Generated<number>;
  acronym: string;
  name: string;
  template: string;
  metadata_keys: string;
}

export interface DatasetsTable {
  id: Generated<number>;
  project_id: number;
  beamline_id: number;
  session_id: number | null;
  sample_id: number | null;
  group_id: number | null;
  data_type_id: number;
  name: string;
  file_name: string;
  frames: string;
  num_frames: number;
  frames_per_file: number;
  exposure_time: number | null;
  attenuation: number;
  energy: number;
  beam_size: number | null;
  proxy_key: string;
  meta_data: string;
  state: RecordState;
  start_time: string | null;
  end_time: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReportsTable {
  id: Generated<number>;
  project_id: number;
  name: string;
  kind: string;
  score: number;
  proxy_key: string;
  details: string;
  state: RecordState;
  created_at: string;
  updated_at: string;
}

export interface ReportDatasetsTable {
  report_id: number;
  dataset_id: number;
}

export interface ActivityLogTable {
  id: Generated<number>;
  created_at: string;
  project_id: number | null;
  user_id: number | null;
  address: string | null;
  action: 'create' | 'modify' | 'delete' | 'archive' | 'task';
  object_type: string;
  object_id: number | null;
  description: string;
}

export interface AccessListsTable {
  id: Generated<number>;
  name: string;
  description: string;
  address: string;
  active: DbBoolean;
  created_at: string;
  updated_at: string;
}

export interface AccessListProjectsTable {
  access_list_id: number;
  project_id: number;
}

export interface AccessListBeamlinesTable {
  access_list_id: number;
  beamline_id: number;
}

export interface RemoteConnectionsTable {
  id: Generated<number>;
  access_list_id: number;
  project_id: number;
  name: string;
  status: string;
  created_at: string;
  ended_at: string | null;
}

export interface SshKeysTable {
  id: Generated<number>;
  project_id: number;
  name: string;
  key: string;
  created_at: string;
  updated_at: string;
}

/** The live-event log (GET /rest/v1/events): what changed, by id; see src/lims/events/. */
export interface EventsTable {
  id: Generated<number>;
  created_at: string;
  kind: string;
  /** Whose record changed; null for facility equipment (staff only). */
  project_id: number | null;
  beamline_id: number | null;
  /** JSON of the ids (and state) the event names. */
  subject: string;
}

export interface LimsTables {
  projects: ProjectsTable;
  beamlines: BeamlinesTable;
  container_types: ContainerTypesTable;
  container_locations: ContainerLocationsTable;
  container_location_accepts: ContainerLocationAcceptsTable;
  shipments: ShipmentsTable;
  containers: ContainersTable;
  automounters: AutomountersTable;
  load_history: LoadHistoryTable;
  sample_groups: GroupsTable;
  samples: SamplesTable;
  beamline_sessions: BeamlineSessionsTable;
  stretches: StretchesTable;
  data_types: DataTypesTable;
  datasets: DatasetsTable;
  reports: ReportsTable;
  report_datasets: ReportDatasetsTable;
  activity_log: ActivityLogTable;
  access_lists: AccessListsTable;
  access_list_projects: AccessListProjectsTable;
  access_list_beamlines: AccessListBeamlinesTable;
  remote_connections: RemoteConnectionsTable;
  ssh_keys: SshKeysTable;
  events: EventsTable;
}
