// The one access policy (DESIGN principle 3). Every route declares an access rule in its config;
// a route without one refuses to register. The request hook resolves the principal, applies the
// rule, token scope and CSRF protection.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../http/errors.ts';
import { sameSecret } from './secrets.ts';
import { SESSION_COOKIE } from './sessions.ts';
import type { SessionStore } from './sessions.ts';
import type { TokenStore } from './tokens.ts';
import { ANONYMOUS } from './principal.ts';
import type { Principal } from './principal.ts';

/**
 * - public: anyone; the principal is still resolved (pages may show more to a user).
 * - user: any active user, by session or token.
 * - staff: users with the staff flag.
 * - custom: the route's own check (MxDC signatures, trusted networks, shared secrets), still run here.
 *   With `ownCredentials`, no user is resolved: the Authorization header carries the route's own
 *   secret (the metrics token), which is no API token and must not be refused as one.
 */
export type Access =
  | { allow: 'public' }
  | { allow: 'user' }
  | { allow: 'staff' }
  | { allow: 'custom'; check: (request: FastifyRequest) => Promise<void> | void; ownCredentials?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface PolicyDependencies {
  sessions: SessionStore;
  tokens: TokenStore;
  /** Routes under these prefixes (the OpenAPI pages) are public without declaring it. */
  publicPrefixes: string[];
}

export function installAccessPolicy(app: FastifyInstance, deps: PolicyDependencies): void {
  app.decorateRequest('principal', null as any);

  app.addHook('onRoute', (route) => {
    if (route.config?.access) return;
    if (deps.publicPrefixes.some((prefix) => route.url.startsWith(prefix))) {
      route.config = { ...(route.config ?? {}), access: { allow: 'public' } };
      return;
    }
    throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    // Unmatched requests (404) reach here without a rule; they get nothing either way.
    if (!access) {
      request.principal = ANONYMOUS;
      return;
    }
    request.principal = access.allow === 'custom' && access.ownCredentials ? ANONYMOUS : await resolvePrincipal(request, deps);
    enforce(request, access);
    if (access.allow === 'custom') await access.check(request);
  });
}

async function resolvePrincipal(request: FastifyRequest, deps: PolicyDependencies): Promise<Principal> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw unauthorized('Authorization header must be "Bearer <token>".');
    const found = await deps.tokens.resolve(match[1]);
    // A presented token that does not work is an error, never a silent fall-back to anonymous.
    if (!found) throw unauthorized('Invalid, expired or revoked token.');
    return { kind: 'user', user: found.user, via: 'token', scope: found.token.scope, tokenId: found.token.id };
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie) {
    const session = await deps.sessions.resolve(cookie);
    if (session) return { kind: 'user', user: session.user, via: 'session', sessionId: session.id, csrfToken: session.csrfToken };
  }
  return ANONYMOUS;
}

function enforce(request: FastifyRequest, access: Access): void {
  const writing = !SAFE_METHODS.has(request.method);
  const principal = request.principal;
  if (writing && principal.kind === 'user' && principal.via === 'session') {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, principal.csrfToken)) {
      // A cross-site form could carry the cookie; without the token the request speaks for nobody.
      if (access.allow === 'user' || access.allow === 'staff') throw forbidden('CSRF token missing or incorrect.');
      request.principal = ANONYMOUS;
    }
  }
  if (writing && principal.kind === 'user' && principal.via === 'token' && principal.scope !== 'write') {
    throw forbidden('This token is read-only.');
  }
  if (access.allow === 'user' || access.allow === 'staff') {
    if (request.principal.kind !== 'user') throw unauthorized();
    if (access.allow === 'staff' && !request.principal.user.isStaff) throw forbidden();
  }
}

/** The user a write acts for, or an error when there is none (for handlers behind `user` rules). */
export function actingUser(request: FastifyRequest) {
  if (request.principal.kind !== 'user') throw unauthorized();
  return request.principal.user;
}
