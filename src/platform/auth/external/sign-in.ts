// Signing in a person the directory (LDAP) or identity provider (OpenID Connect) has vouched for:
// the mapping decides what they get, and the local account and its links are brought up to date
// in one transaction. Both sign-in routes call signInExternal after checking the credentials.
//
// Decisions:
// - A local account (auth_source 'local') of the same name is never taken over: a directory that
//   happens to hold a "admin" cannot sign in as Lightpath's local admin.
// - A person with no mapped group is still recorded (inactive, with no links), so staff see who
//   is waiting for access; they get no session and no token of theirs works.
// - Everything granted is recomputed at each sign-in: a group taken away is a link removed, staff
//   status dropped, or the whole account made inactive (ending its sessions).
// - Staff's local "disabled" wins over the directory until staff enable the account again.
import type { Platform } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { isoNow } from '../../time.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { ProjectRepository } from '../../../lims/projects.ts';
import { USERNAME_PATTERN } from '../users.ts';
import { grantsFor, readIdentityRules } from './identity-rules.ts';
import type { Grant } from './identity-rules.ts';

export interface ExternalIdentity {
  source: 'oidc' | 'ldap';
  /** Becomes the local username (and the MxDC project username). */
  username: string;
  fullName?: string;
  email?: string;
  /** LDAP group DNs/cns, or the OIDC groups claim. */
  groups: string[];
  /** Other claims/attributes the mapping may look at. */
  attributes?: Record<string, unknown>;
}

export type ExternalSignIn =
  | { ok: true; userId: number; staff: boolean; projects: string[]; telescopeGroups: string[] }
  | { ok: false; reason: 'disabled' | 'no-access'; detail: string };

export async function signInExternal(platform: Platform, identity: ExternalIdentity): Promise<ExternalSignIn> {
  if (!USERNAME_PATTERN.test(identity.username)) {
    return { ok: false, reason: 'no-access', detail: `The account name "${identity.username}" cannot be used in Lightpath (1 to 150 letters, digits or . @ + - _). Ask staff.` };
  }
  try {
    return await platform.db.transaction().execute((trx) => applySignIn(trx, identity));
  } catch (error) {
    // Two first sign-ins of the same person at once: the other one created the account.
    if (!isUniqueViolation(error)) throw error;
    return platform.db.transaction().execute((trx) => applySignIn(trx, identity));
  }
}

async function applySignIn(db: Db, identity: ExternalIdentity): Promise<ExternalSignIn> {
  const now = isoNow();
  const existing = await db.selectFrom('users').select(['id', 'auth_source', 'disabled_at']).where('username', '=', identity.username).executeTakeFirst();
  if (existing?.auth_source === 'local') {
    return { ok: false, reason: 'no-access', detail: `A local Lightpath account named "${identity.username}" already exists; ask staff to rename or remove it.` };
  }
  if (existing?.disabled_at) {
    return { ok: false, reason: 'disabled', detail: 'This account has been disabled in Lightpath. Ask staff to enable it again.' };
  }

  const grants = grantsFor(await readIdentityRules(db), identity);
  const hasAccess = grants.length > 0;
  const isStaff = grants.some((g) => g.kind === 'staff');
  const profile = {
    ...(identity.fullName !== undefined ? { full_name: identity.fullName.slice(0, 300) } : {}),
    ...(identity.email !== undefined ? { email: identity.email.slice(0, 300) } : {}),
  };
  let userId: number;
  if (existing) {
    userId = existing.id;
    await db.updateTable('users').set({ ...profile, auth_source: identity.source, is_staff: isStaff, is_active: hasAccess, updated_at: now })
      .where('id', '=', userId).execute();
  } else {
    userId = (await db.insertInto('users').values({
      username: identity.username, full_name: '', email: '', ...profile, auth_source: identity.source,
      is_staff: isStaff, is_active: hasAccess, password_hash: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow()).id;
  }
  await replaceLinks(db, userId, grants, now);

  if (!hasAccess) {
    await db.deleteFrom('login_sessions').where('user_id', '=', userId).execute();
    return { ok: false, reason: 'no-access', detail: 'Your account is not in any group that has access to Lightpath yet. Ask the facility to add you.' };
  }
  const projects = grants.filter((g) => g.kind === 'project').map((g) => g.name);
  if (projects.length > 0) await new ProjectRepository(db).ensureFor(userId);
  return { ok: true, userId, staff: isStaff, projects, telescopeGroups: grants.filter((g) => g.kind === 'telescope').map((g) => g.name) };
}

/** Makes the person's links exactly the grants: new ones added, ones no longer granted removed. */
async function replaceLinks(db: Db, userId: number, grants: Grant[], now: string): Promise<void> {
  const held = await db.selectFrom('external_links').select(['kind', 'name']).where('user_id', '=', userId).execute();
  const key = (link: Grant) => `${link.kind}\u0000${link.name}`;
  const wanted = new Set(grants.map(key));
  const have = new Set(held.map(key));
  for (const gone of held.filter((link) => !wanted.has(key(link)))) {
    await db.deleteFrom('external_links').where('user_id', '=', userId).where('kind', '=', gone.kind).where('name', '=', gone.name).execute();
  }
  const added = grants.filter((grant) => !have.has(key(grant)));
  if (added.length > 0) await db.insertInto('external_links').values(added.map((g) => ({ user_id: userId, kind: g.kind, name: g.name, created_at: now }))).execute();
}
