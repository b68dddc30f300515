// The browser's trip through the facility's OpenID Connect provider: authorization code flow with
// PKCE, state and nonce. The code is exchanged and the ID token checked here on the server; the
// browser gets only Lightpath's own session cookie, made exactly as the local login makes it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import * as client from 'openid-client';
import type { Platform } from '../../context.ts';
import { clientAddress } from '../../http/client-address.ts';
import { notFound } from '../../http/errors.ts';
import { fingerprint } from '../secrets.ts';
import { setSessionCookie, secureCookie } from '../session-cookie.ts';
import type { OidcConfig } from './oidc-config.ts';
import { OidcProviderError, describe, providerConfiguration } from './oidc-client.ts';
import { identityFromClaims } from './oidc-identity.ts';
import { OIDC_COOKIE, OidcSignIns, SIGN_IN_SECONDS } from './oidc-sign-ins.ts';
import { signInExternal } from './sign-in.ts';

export const OIDC_LOGIN_PATH = '/auth/oidc/login';
export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';
export const OIDC_SIGN_OUT_PATH = '/auth/oidc/sign-out';
/** Where people land after signing out at the provider (register it there as a post-logout redirect URI). */
const AFTER_SIGN_OUT_PATH = '/login/';
const NO_ACCESS_PATH = '/no-access/';

/**
 * Why a sign-in ended on the login page, named in its ?sign_in_error= (the page words it; the log
 * has the detail): unavailable (the provider cannot be reached, or its discovery document is
 * unusable), refused (by the provider, or the person cancelled), invalid (an answer that failed
 * the checks), expired (no sign-in of this browser waits for an answer), claims (no usable
 * username), disabled (staff disabled the account here).
 */
type Failure = 'unavailable' | 'refused' | 'invalid' | 'expired' | 'claims' | 'disabled';

const publicRoute = { access: { allow: 'public' as const } };
const hidden = { hide: true };

export async function oidcRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const { config, log } = platform;
  const oidc = config.oidc;
  const signIns = new OidcSignIns(platform.db);

  /** Our own address as the browser knows it: the configured base URL, else the request's. */
  const origin = (request: FastifyRequest) => config.baseUrl ?? `${request.protocol}://${request.host}`;
  const callbackUrl = (request: FastifyRequest) => `${origin(request)}${OIDC_CALLBACK_PATH}`;
  const oidcCookie = (request: FastifyRequest, reply: FastifyReply, value: string, expires: Date) =>
    reply.setCookie(OIDC_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie(request, config), expires });
  const failed = (reply: FastifyReply, failure: Failure) => reply.redirect(`/login/?sign_in_error=${failure}`, 303);

  const requireOidc = (): OidcConfig => {
    if (!oidc) throw notFound('Sign-in through an identity provider is not configured (LIGHTPATH_OIDC_ISSUER).');
    return oidc;
  };

  app.get(OIDC_LOGIN_PATH, {
    config: publicRoute, schema: { ...hidden, querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })) }) },
  }, async (request: FastifyRequest<{ Querystring: { next?: string } }>, reply) => {
    const settings = requireOidc();
    let provider: client.Configuration;
    try {
      provider = await providerConfiguration(settings);
    } catch (error) {
      log.error({ err: error }, `OpenID Connect sign-in: ${(error as Error).message}`);
      return failed(reply, 'unavailable');
    }
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const cookie = await signIns.start({ state, nonce, codeVerifier, returnTo: localPath(request.query.next) });
    oidcCookie(request, reply, cookie, new Date(Date.now() + SIGN_IN_SECONDS * 1000));
    const authorizationUrl = client.buildAuthorizationUrl(provider, {
      redirect_uri: callbackUrl(request), scope: settings.scopes, state, nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
    });
    return reply.redirect(authorizationUrl.href, 303);
  });

  app.get(OIDC_CALLBACK_PATH, { config: publicRoute, schema: hidden }, async (request, reply) => {
    const settings = requireOidc();
    const cookie = request.cookies[OIDC_COOKIE];
    const started = cookie ? await signIns.claim(cookie) : null;
    if (!started) {
      request.log.info('OpenID Connect callback without a sign-in waiting in this browser (expired, used, or started elsewhere)');
      return failed(reply, 'expired');
    }
    const answer = new URL(callbackUrl(request));
    answer.search = new URL(request.url, 'http://callback').search;

    let claims: Record<string, unknown>;
    let idToken: string | null;
    try {
      const provider = await providerConfiguration(settings);
      const tokens = await client.authorizationCodeGrant(provider, answer, {
        pkceCodeVerifier: started.code_verifier, expectedState: started.state, expectedNonce: started.nonce, idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      // Providers put the profile in the ID token (Keycloak) or only behind the userinfo endpoint.
      const userinfo = provider.serverMetadata().userinfo_endpoint && tokens.access_token
        ? await client.fetchUserInfo(provider, tokens.access_token, idClaims.sub)
        : {};
      claims = { ...userinfo, ...idClaims };
      // Only the ID token is kept, as the hint for logging out at the provider; the access and
      // refresh tokens are dropped here.
      idToken = tokens.id_token ?? null;
    } catch (error) {
      const failure = classify(error);
      log.warn({ err: error }, `OpenID Connect sign-in refused (${failure}): ${describe(error)}`);
      return failed(reply, failure);
    }

    const identity = identityFromClaims(settings, claims);
    if ('problem' in identity) {
      log.error(`OpenID Connect sign-in: ${identity.problem}`);
      return failed(reply, 'claims');
    }
    const outcome = await signInExternal(platform, identity);
    if (!outcome.ok && outcome.reason === 'disabled') {
      request.log.info({ username: identity.username }, 'OpenID Connect sign-in of a disabled account');
      return failed(reply, 'disabled');
    }
    if (!outcome.ok) {
      request.log.info({ username: identity.username }, `OpenID Connect sign-in without access: ${outcome.detail}`);
      await signIns.noAccess(started.id, { username: identity.username, detail: outcome.detail, idToken });
      return reply.redirect(NO_ACCESS_PATH, 303);
    }
    const session = await platform.sessions.create(outcome.userId, clientAddress(request));
    await signIns.signedIn(started.id, { username: identity.username, idToken, loginSessionId: fingerprint(session.cookieValue), expiresAt: session.expiresAt });
    setSessionCookie(request, reply, config, session);
    oidcCookie(request, reply, cookie!, new Date(session.expiresAt));
    request.log.info({ username: identity.username }, 'signed in through OpenID Connect');
    return reply.redirect(started.return_to, 303);
  });

  // After Lightpath's own logout (or from the "no access yet" page): the browser is sent to the
  // provider to end its session there too, when the provider offers that.
  app.get(OIDC_SIGN_OUT_PATH, { config: publicRoute, schema: hidden }, async (request, reply) => {
    const cookie = request.cookies[OIDC_COOKIE];
    const finished = cookie ? await signIns.takeForSignOut(cookie) : null;
    reply.clearCookie(OIDC_COOKIE, { path: '/' });
    if (!finished || !oidc) return reply.redirect(AFTER_SIGN_OUT_PATH, 303);
    let provider: client.Configuration;
    try {
      provider = await providerConfiguration(oidc);
    } catch (error) {
      log.warn({ err: error }, `OpenID Connect sign-out at the provider skipped: ${(error as Error).message}`);
      return reply.redirect(AFTER_SIGN_OUT_PATH, 303);
    }
    if (!provider.serverMetadata().end_session_endpoint) return reply.redirect(AFTER_SIGN_OUT_PATH, 303);
    const endSession = client.buildEndSessionUrl(provider, {
      post_logout_redirect_uri: `${origin(request)}${AFTER_SIGN_OUT_PATH}`,
      ...(finished.idToken ? { id_token_hint: finished.idToken } : {}),
    });
    return reply.redirect(endSession.href, 303);
  });
}

/**
 * Only paths on this site, so a crafted link cannot send people elsewhere after signing in: no
 * "//host", no backslash (read as a slash) and no whitespace or control characters (which
 * browsers drop, turning "/\t/host" into "//host").
 */
function localPath(next: string | undefined): string {
  return next && /^\/(?!\/)[^\\\s\x00-\x1f\x7f]*$/.test(next) ? next : '/';
}

function classify(error: unknown): Failure {
  if (error instanceof OidcProviderError) return 'unavailable';
  if (error instanceof client.AuthorizationResponseError) return 'refused';
  // fetch() fails with a TypeError when the provider cannot be reached; timeouts are coded.
  if (error instanceof TypeError && (error as { cause?: unknown }).cause !== undefined) return 'unavailable';
  const code = (error as { code?: string }).code;
  if (code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT') return 'unavailable';
  return 'invalid';
}
