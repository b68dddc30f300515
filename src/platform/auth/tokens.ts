// Personal API tokens: several per user, read or write scope, optional expiry, revocable.
// The plain token is shown once at creation; only its fingerprint is stored.
import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ApiTokensTable, Database } from '../db/schema.ts';
import { isoNow } from '../time.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { fingerprint, randomSecret } from './secrets.ts';
import { toUser } from './users.ts';
import type { User } from './users.ts';

export type TokenScope = 'read' | 'write';
export const TOKEN_PREFIX = 'lpt_';

export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  scope: TokenScope;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface IssuedToken {
  token: string;
  record: ApiToken;
}

function toApiToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id, name: row.name, prefix: row.token_prefix, scope: row.scope,
    createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at, lastUsedAt: row.last_used_at,
  };
}

/** The tokens query a list may order. */
export type TokenListQuery = SelectQueryBuilder<Database, 'api_tokens', Selectable<ApiTokensTable>>;

export class TokenStore {
  constructor(private readonly db: Db) {}

  async issue(userId: number, input: { name: string; scope: TokenScope; expiresAt?: string | null }): Promise<IssuedToken> {
    if (input.expiresAt != null && !(Date.parse(input.expiresAt) > Date.now())) {
      throw badRequest('expires_at must be a date and time in the future.', { expires_at: ['must be in the future'] });
    }
    const token = TOKEN_PREFIX + randomSecret();
    const row = await this.db.insertInto('api_tokens').values({
      user_id: userId, name: input.name, token_hash: fingerprint(token), token_prefix: token.slice(0, 12),
      scope: input.scope, created_at: isoNow(),
      expires_at: input.expiresAt != null ? new Date(input.expiresAt).toISOString() : null,
      revoked_at: null, last_used_at: null,
    }).returningAll().executeTakeFirstOrThrow();
    return { token, record: toApiToken(row) };
  }

  /** The user and scope behind a presented token, or null when unknown, expired, revoked or the user is inactive. */
  async resolve(token: string): Promise<{ user: User; token: ApiToken } | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const row = await this.db.selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('users')
      .select(['api_tokens.id as token_id', 'api_tokens.name', 'api_tokens.token_prefix', 'api_tokens.scope',
        'api_tokens.expires_at', 'api_tokens.revoked_at', 'api_tokens.last_used_at', 'api_tokens.created_at as token_created_at'])
      .where('api_tokens.token_hash', '=', fingerprint(token))
      .executeTakeFirst();
    const now = isoNow();
    if (!row || row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= now) || !row.is_active || row.disabled_at !== null) return null;
    if (row.last_used_at === null || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
      await this.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute();
    }
    return {
      user: toUser(row),
      token: {
        id: row.token_id, name: row.name, prefix: row.token_prefix, scope: row.scope, createdAt: row.token_created_at,
        expiresAt: row.expires_at, revokedAt: row.revoked_at, lastUsedAt: row.last_used_at,
      },
    };
  }

  /** The user's tokens, oldest first unless `order` says otherwise. */
  async list(userId: number, order: (query: TokenListQuery) => TokenListQuery = (q) => q.orderBy('id')): Promise<ApiToken[]> {
    const rows = await order(this.db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId)).execute();
    return rows.map(toApiToken);
  }

  /** Revokes every live token of the user (after a password reset); returns how many. */
  async revokeAllFor(userId: number): Promise<number> {
    const result = await this.db.updateTable('api_tokens').set({ revoked_at: isoNow() })
      .where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async revoke(userId: number, tokenId: number): Promise<ApiToken> {
    const row = await this.db.updateTable('api_tokens').set({ revoked_at: isoNow() })
      .where('id', '=', tokenId).where('user_id', '=', userId).where('revoked_at', 'is', null)
      .returningAll().executeTakeFirst();
    if (row) return toApiToken(row);
    const existing = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', tokenId).where('user_id', '=', userId).executeTakeFirst();
    if (!existing) throw notFound('No such token.');
    return toApiToken(existing);
  }
}
