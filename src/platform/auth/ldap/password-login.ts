// Which password a login form's username and password are checked against. A local account
// (auth_source 'local') answers with its own password and never reaches the directory, so local
// accounts keep working and a directory entry cannot stand in for one. Every other name goes to the
// LDAP directory when one is configured; a person it vouches for is signed in through the mapping.
import type { FastifyBaseLogger } from 'fastify';
import type { Platform } from '../../context.ts';
import { forbidden, HttpError } from '../../http/errors.ts';
import { verifyPassword } from '../passwords.ts';
import type { User } from '../users.ts';
import { signInExternal } from '../external/sign-in.ts';
import { authenticateWithDirectory, DirectoryProblem } from './directory.ts';

/**
 * The user the username and password prove, or null when they prove nobody (the usual 401).
 * Throws 403 when the directory vouched for a person the mapping gives no access (or staff
 * disabled), and 503 when the directory could not be asked.
 */
export async function checkLogin(platform: Platform, username: string, password: string, log: FastifyBaseLogger): Promise<User | null> {
  const found = await platform.users.passwordHash(username);
  const ldap = platform.config.ldap;
  if (ldap === null || (found !== null && (await isLocalAccount(platform, found.user.id)))) {
    // Hashed even for unknown names, so the answer's timing does not tell which names exist.
    const valid = await verifyPassword(password, found?.hash ?? null);
    return found && valid && found.user.isActive ? found.user : null;
  }
  let answer;
  try {
    answer = await authenticateWithDirectory(ldap, username, password);
  } catch (error) {
    if (!(error instanceof DirectoryProblem)) throw error;
    if (error.kind === 'unreachable') {
      log.warn({ url: ldap.url, problem: error.message }, 'LDAP directory unreachable');
      throw new HttpError(503, 'The facility directory cannot be reached right now, so directory accounts cannot sign in. Try again later.');
    }
    log.error({ url: ldap.url, problem: error.message }, `LDAP sign-in is misconfigured: ${error.message}`);
    throw new HttpError(503, 'Sign-in through the facility directory is misconfigured: the directory refused Lightpath\'s settings. Tell the facility\'s Lightpath administrators.');
  }
  if (!answer.ok) {
    log.info({ username, why: answer.why }, 'directory login failed');
    return null;
  }
  const signIn = await signInExternal(platform, answer.identity);
  if (!signIn.ok) {
    log.info({ username: answer.identity.username, reason: signIn.reason }, 'directory login refused by Lightpath');
    throw forbidden(signIn.detail);
  }
  return platform.users.findById(signIn.userId);
}

async function isLocalAccount(platform: Platform, userId: number): Promise<boolean> {
  const row = await platform.db.selectFrom('users').select('auth_source').where('id', '=', userId).executeTakeFirst();
  return row?.auth_source === 'local';
}
