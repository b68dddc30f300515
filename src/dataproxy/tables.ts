// Tables of the Data Proxy.
import type { DbBoolean } from '../platform/db/schema.ts';

/** One key per `data/create/` call: the key is a bearer secret for the directory at `path`. */
export interface ProxyKeysTable {
  key: string; // 40 hex characters (160 random bits)
  path: string; // absolute and normalised; confined again to the data roots on every use
  created_at: string;
  revoked_at: string | null;
  /** Decision D17: the path was outside the data roots, so the key only records it and serves nothing. */
  outside_roots: DbBoolean;
}

export interface DataProxyTables {
  proxy_keys: ProxyKeysTable;
}
