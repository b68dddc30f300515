// The proxy_keys table: every read and write of keys goes through here.
import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { Database } from '../platform/db/schema.ts';
import { fetchPage } from '../platform/http/rest-schemas.ts';
import type { ProxyKeysTable } from './tables.ts';

export interface ProxyKey {
  key: string;
  path: string;
  createdAt: string;
  revokedAt: string | null;
  /** The path was outside the data roots when the key was asked for: it serves nothing (D17). */
  outsideRoots: boolean;
}

function toProxyKey(row: ProxyKeysTable): ProxyKey {
  return { key: row.key, path: row.path, createdAt: row.created_at, revokedAt: row.revoked_at, outsideRoots: Boolean(row.outside_roots) };
}

/** The keys query a list may order. */
export type ProxyKeyListQuery = SelectQueryBuilder<Database, 'proxy_keys', ProxyKeysTable>;

export class ProxyKeyStore {
  constructor(private readonly db: Db) {}

  async insert(key: string, directory: string, outsideRoots = false): Promise<ProxyKey> {
    const [stored] = await this.insertAll([{ key, directory, outsideRoots }]);
    return stored;
  }

  /** Several new keys in one statement (the keys of uploads committed together). */
  async insertAll(keys: Array<{ key: string; directory: string; outsideRoots: boolean }>): Promise<ProxyKey[]> {
    if (keys.length === 0) return [];
    const createdAt = new Date().toISOString();
    const rows: ProxyKeysTable[] = keys.map(({ key, directory, outsideRoots }) => ({ key, path: directory, created_at: createdAt, revoked_at: null, outside_roots: outsideRoots }));
    await this.db.insertInto('proxy_keys').values(rows).execute();
    return rows.map(toProxyKey);
  }

  async find(key: string): Promise<ProxyKey | null> {
    const row = await this.db.selectFrom('proxy_keys').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? toProxyKey(row) : null;
  }

  /** Marks a key revoked (once: a second revoke keeps the first time) and returns it; null if unknown. */
  async revoke(key: string): Promise<ProxyKey | null> {
    await this.db.updateTable('proxy_keys').set({ revoked_at: new Date().toISOString() })
      .where('key', '=', key).where('revoked_at', 'is', null).execute();
    return this.find(key);
  }

  /** One page of keys, newest first unless `order` says otherwise. */
  async list(
    page: { limit: number; offset: number }, order: (query: ProxyKeyListQuery) => ProxyKeyListQuery = (q) => q.orderBy('created_at', 'desc').orderBy('key'),
  ): Promise<{ total: number; keys: ProxyKey[] }> {
    const found = await fetchPage(order(this.db.selectFrom('proxy_keys').selectAll()), page);
    return { total: found.count, keys: found.rows.map(toProxyKey) };
  }
}
