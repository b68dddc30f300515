// Accounts and logins for tests, through the real API.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../src/platform/context.ts';
import type { User } from '../../src/platform/auth/users.ts';

export async function makeUser(platform: Platform, username: string, options: { staff?: boolean; password?: string } = {}): Promise<User> {
  return platform.users.create({ username, password: options.password ?? `${username}-password`, isStaff: options.staff ?? false, email: `${username}@example.org` });
}

export interface Login {
  cookie: string;
  csrf: string;
  /** Headers for a write through the session: cookie plus CSRF token. */
  headers: Record<string, string>;
}

export async function login(app: FastifyInstance, username: string, password = `${username}-password`): Promise<Login> {
  const response = await app.inject({ method: 'POST', url: '/rest/v1/auth/login', payload: { username, password } });
  assert.equal(response.statusCode, 200, response.body);
  const cookie = response.cookies.find((c) => c.name === 'lightpath_session');
  assert.ok(cookie, 'login sets the session cookie');
  const csrf = response.json().csrf_token as string;
  const cookieHeader = `lightpath_session=${cookie.value}`;
  return { cookie: cookieHeader, csrf, headers: { cookie: cookieHeader, 'x-csrf-token': csrf } };
}

export async function bearer(platform: Platform, user: User, scope: 'read' | 'write' = 'write'): Promise<Record<string, string>> {
  const issued = await platform.tokens.issue(user.id, { name: 'test', scope });
  return { authorization: `Bearer ${issued.token}` };
}
