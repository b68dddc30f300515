// Cookie login sessions. The cookie holds a random secret; the table holds only its fingerprint,
// so a leaked database does not hand out live sessions.
import type { Db } from '../db/database.ts';
import { isoAfter, isoNow } from '../time.ts';
import { fingerprint, randomSecret } from './secrets.ts';
import { toUser } from './users.ts';
import type { User } from './users.ts';

export const SESSION_COOKIE = 'lightpath_session';

export interface LoginSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: string;
}

export interface ActiveSession {
  id: string;
  user: User;
  csrfToken: string;
  expiresAt: string;
}

// last_seen_at is refreshed at most this often, so reads do not turn into writes.
const TOUCH_EVERY_MS = 60_000;

export class SessionStore {
  constructor(private readonly db: Db, private readonly lifetimeDays: number) {}

  async create(userId: number, clientAddress: string | null): Promise<LoginSession> {
    const cookieValue = randomSecret();
    const csrfToken = randomSecret(24);
    const now = isoNow();
    const expiresAt = isoAfter(this.lifetimeDays * 86400);
    await this.db.insertInto('login_sessions').values({
      id: fingerprint(cookieValue), user_id: userId, csrf_token: csrfToken,
      created_at: now, expires_at: expiresAt, last_seen_at: now, client_address: clientAddress,
    }).execute();
    return { cookieValue, csrfToken, expiresAt };
  }

  async resolve(cookieValue: string): Promise<ActiveSession | null> {
    const id = fingerprint(cookieValue);
    const row = await this.db.selectFrom('login_sessions')
      .innerJoin('users', 'users.id', 'login_sessions.user_id')
      .selectAll('users')
      .select(['login_sessions.csrf_token', 'login_sessions.expires_at', 'login_sessions.last_seen_at'])
      .where('login_sessions.id', '=', id)
      .executeTakeFirst();
    if (!row || row.expires_at <= isoNow() || !row.is_active || row.disabled_at !== null) return null;
    if (Date.now() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
      await this.db.updateTable('login_sessions').set({ last_seen_at: isoNow() }).where('id', '=', id).execute();
    }
    return { id, user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  async destroy(cookieValue: string): Promise<void> {
    await this.db.deleteFrom('login_sessions').where('id', '=', fingerprint(cookieValue)).execute();
  }

  /** Ends every session of the user, except the one given (the session making the change). */
  async destroyAllFor(userId: number, except?: string): Promise<void> {
    let query = this.db.deleteFrom('login_sessions').where('user_id', '=', userId);
    if (except !== undefined) query = query.where('id', '!=', except);
    await query.execute();
  }

  async purgeExpired(): Promise<number> {
    const result = await this.db.deleteFrom('login_sessions').where('expires_at', '<=', isoNow()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
