// Sessions last days, but the directory may take someone out of a group at any time. Every few
// minutes the server asks the directory (as the service account, without anyone's password) about
// each active directory account and applies the mapping again, as a sign-in would: a person
// removed from their groups, or from the directory, loses access then, not at their next sign-in.
// A directory that cannot be reached changes nothing.
import type { Platform } from '../../context.ts';
import { signInExternal } from '../external/sign-in.ts';
import { DirectoryProblem, lookUpPeople } from './directory.ts';

export interface RefreshOutcome {
  checked: number;
  /** Accounts that no longer have access (now inactive). */
  lostAccess: string[];
}

export async function refreshDirectoryAccounts(platform: Platform): Promise<RefreshOutcome> {
  const ldap = platform.config.ldap;
  if (ldap === null) return { checked: 0, lostAccess: [] };
  const accounts = await platform.db.selectFrom('users').select('username')
    .where('auth_source', '=', 'ldap').where('is_active', '=', true).where('disabled_at', 'is', null).orderBy('id').execute();
  const people = await lookUpPeople(ldap, accounts.map((a) => a.username));
  const lostAccess: string[] = [];
  for (const [username, identity] of people) {
    const result = await signInExternal(platform, identity ?? { source: 'ldap', username, groups: [] });
    if (!result.ok) lostAccess.push(username);
  }
  return { checked: accounts.length, lostAccess };
}

/** Refreshes every LIGHTPATH_LDAP_REFRESH_MINUTES (when LDAP is set up); returns the function that stops it. */
export function startDirectoryRefresh(platform: Platform): () => void {
  const minutes = platform.config.ldap?.refreshMinutes ?? 0;
  if (minutes === 0) return () => {};
  const log = platform.log;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    refreshDirectoryAccounts(platform)
      .then((outcome) => {
        if (outcome.lostAccess.length > 0) log.info({ lostAccess: outcome.lostAccess }, 'directory accounts lost access');
      })
      .catch((error) => {
        if (error instanceof DirectoryProblem) log.warn({ problem: error.message }, 'directory refresh skipped');
        else log.error({ err: error }, 'directory refresh failed');
      })
      .finally(() => {
        running = false;
      });
  }, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
