// Where an OpenID Connect sign-in stands, per browser (table oidc_sign_ins). The browser holds only
// a random value in the lightpath_oidc cookie; the row it names holds state, nonce and PKCE
// verifier, and later the ID token for the logout at the provider.
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { isoAfter, isoNow } from '../../time.ts';
import { fingerprint, randomSecret } from '../secrets.ts';
import type { OidcSignInsTable } from './oidc-tables.ts';

export const OIDC_COOKIE = 'lightpath_oidc';

/** How long a person may take at the provider's login page. */
export const SIGN_IN_SECONDS = 10 * 60;
/** How long the "no access yet" page can say who signed in and sign them out at the provider. */
const NO_ACCESS_SECONDS = 60 * 60;

export type OidcSignIn = Selectable<OidcSignInsTable>;

export class OidcSignIns {
  constructor(private readonly db: Db) {}

  /** Records a new sign-in; returns the cookie value that names it. */
  async start(checks: { state: string; nonce: string; codeVerifier: string; returnTo: string }): Promise<string> {
    await this.db.deleteFrom('oidc_sign_ins').where('expires_at', '<=', isoNow()).execute();
    const cookieValue = randomSecret();
    await this.db.insertInto('oidc_sign_ins').values({
      id: fingerprint(cookieValue), status: 'started', state: checks.state, nonce: checks.nonce,
      code_verifier: checks.codeVerifier, return_to: checks.returnTo, created_at: isoNow(), expires_at: isoAfter(SIGN_IN_SECONDS),
    }).execute();
    return cookieValue;
  }

  /**
   * The sign-in this browser started, if it is still waiting for the provider's answer. It is
   * marked used in the same statement, so one answer (or a replay of it) is checked at most once.
   */
  async claim(cookieValue: string): Promise<OidcSignIn | null> {
    const row = await this.db.updateTable('oidc_sign_ins').set({ status: 'used' })
      .where('id', '=', fingerprint(cookieValue)).where('status', '=', 'started').where('expires_at', '>', isoNow())
      .returningAll().executeTakeFirst();
    return row ?? null;
  }

  async signedIn(id: string, outcome: { username: string; idToken: string | null; loginSessionId: string; expiresAt: string }): Promise<void> {
    await this.db.updateTable('oidc_sign_ins').set({
      status: 'signed-in', username: outcome.username, id_token: outcome.idToken, login_session_id: outcome.loginSessionId, expires_at: outcome.expiresAt,
    }).where('id', '=', id).execute();
  }

  async noAccess(id: string, outcome: { username: string; detail: string; idToken: string | null }): Promise<void> {
    await this.db.updateTable('oidc_sign_ins').set({
      status: 'no-access', username: outcome.username, detail: outcome.detail, id_token: outcome.idToken, expires_at: isoAfter(NO_ACCESS_SECONDS),
    }).where('id', '=', id).execute();
  }

  /** Whether a login session was made by signing in at the provider. */
  async madeSession(loginSessionId: string): Promise<boolean> {
    const row = await this.db.selectFrom('oidc_sign_ins').select('id').where('login_session_id', '=', loginSessionId).executeTakeFirst();
    return row !== undefined;
  }

  /** The person this browser signed in as without being given access, while the page may say so. */
  async refused(cookieValue: string): Promise<OidcSignIn | null> {
    const row = await this.db.selectFrom('oidc_sign_ins').selectAll()
      .where('id', '=', fingerprint(cookieValue)).where('status', '=', 'no-access').where('expires_at', '>', isoNow())
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * Removes this browser's finished sign-in and returns its ID token, for the sign-out at the
   * provider. Not while its Lightpath session lives: a link from another site must not end it.
   */
  async takeForSignOut(cookieValue: string): Promise<{ idToken: string | null } | null> {
    const row = await this.db.deleteFrom('oidc_sign_ins')
      .where('id', '=', fingerprint(cookieValue)).where('status', 'in', ['signed-in', 'no-access']).where('login_session_id', 'is', null)
      .returning('id_token').executeTakeFirst();
    return row ? { idToken: row.id_token } : null;
  }
}
