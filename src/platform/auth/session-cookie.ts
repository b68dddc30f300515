// The login session's cookie, set the same way whichever sign-in made the session.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { SESSION_COOKIE } from './sessions.ts';
import type { LoginSession } from './sessions.ts';

/** Cookies are marked Secure when the browser reached us over https (directly or behind the proxy). */
export function secureCookie(request: FastifyRequest, config: Config): boolean {
  return request.protocol === 'https' || (config.baseUrl?.startsWith('https://') ?? false);
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, config: Config, session: LoginSession): void {
  reply.setCookie(SESSION_COOKIE, session.cookieValue, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie(request, config), expires: new Date(session.expiresAt),
  });
}
