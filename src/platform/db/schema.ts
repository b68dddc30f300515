// The Kysely view of every table. Each area declares its own tables; this file joins them.
import type { Generated } from 'kysely';
import type { DataProxyTables } from '../../dataproxy/tables.ts';
import type { LimsTables } from '../../lims/tables.ts';
import type { TomTables } from '../../tom/tables.ts';
import type { ObservationTables } from '../../tom/observations/tables.ts';
import type { SurveyTables } from '../../lims/survey/tables.ts';
import type { ExternalIdentityTables } from '../auth/external/tables.ts';
import type { OidcTables } from '../auth/external/oidc-tables.ts';

/** Booleans read back as 0/1 from SQLite and true/false from PostgreSQL. */
export type DbBoolean = boolean | number;

export interface UsersTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  email: string;
  is_staff: DbBoolean;
  is_active: DbBoolean;
  password_hash: string | null;
  created_at: string;
  updated_at: string;
  /** Where the password lives: Lightpath ('local'), the directory ('ldap') or the identity provider ('oidc'). */
  auth_source: Generated<'local' | 'ldap' | 'oidc'>;
  /** Set when staff disabled the account locally; sign-in through the directory does not undo it. */
  disabled_at: Generated<string | null>;
}

export interface LoginSessionsTable {
  id: string; // SHA-256 of the cookie value; the cookie itself is never stored
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  client_address: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  token_prefix: string;
  scope: 'read' | 'write';
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobsTable {
  id: Generated<number>;
  type: string;
  payload: string;
  state: JobState;
  attempts: number;
  max_attempts: number;
  run_after: string;
  lease_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  result: string | null;
  external_id: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface RateLimitHitsTable {
  id: Generated<number>;
  bucket: string;
  hit_at: string;
}

export interface PlatformTables {
  users: UsersTable;
  login_sessions: LoginSessionsTable;
  api_tokens: ApiTokensTable;
  jobs: JobsTable;
  rate_limit_hits: RateLimitHitsTable;
}

export interface Database extends PlatformTables, DataProxyTables, LimsTables, TomTables, ObservationTables, SurveyTables, ExternalIdentityTables, OidcTables {}
