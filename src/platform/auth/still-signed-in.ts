// Whether the login behind a long-lived response (an event stream) still holds: its session was
// not ended (logout, password change) and has not expired, or its token was not revoked and has
// not expired; the account is still active (and not disabled by staff), and still staff or not as it was when it connected.
import type { Db } from '../db/database.ts';
import { isoNow } from '../time.ts';
import type { Principal } from './principal.ts';

export async function stillSignedIn(db: Db, principal: Principal): Promise<boolean> {
  if (principal.kind !== 'user' || principal.via === 'mxdc') return false;
  const now = isoNow();
  const row = principal.via === 'session'
    ? await db.selectFrom('login_sessions as l').innerJoin('users as u', 'u.id', 'l.user_id').select(['u.is_active', 'u.is_staff', 'u.disabled_at'])
      .where('l.id', '=', principal.sessionId).where('l.expires_at', '>', now).executeTakeFirst()
    : await db.selectFrom('api_tokens as t').innerJoin('users as u', 'u.id', 't.user_id').select(['u.is_active', 'u.is_staff', 'u.disabled_at'])
      .where('t.id', '=', principal.tokenId).where('t.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)])).executeTakeFirst();
  return row !== undefined && Boolean(row.is_active) && row.disabled_at === null && Boolean(row.is_staff) === principal.user.isStaff;
}
