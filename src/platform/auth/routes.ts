// Lightpath's own account API: login/logout (cookie sessions), the current principal, password
// change, personal API tokens, and user administration for staff.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { TProperties } from '@sinclair/typebox';
import type { Platform } from '../context.ts';
import { clientAddress } from '../http/client-address.ts';
import { badRequest, forbidden, notFound, tooManyRequests, unauthorized } from '../http/errors.ts';
import { ListQuery, Page } from '../http/rest-schemas.ts';
import { sorting } from '../http/list-ordering.ts';
import { Search, containsText } from '../http/text-search.ts';
import { verifyPassword } from './passwords.ts';
import { actingUser } from './policy.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { checkLogin } from './ldap/password-login.ts';
import type { User } from './users.ts';
import { setSessionCookie } from './session-cookie.ts';
import { OidcSignIns } from './external/oidc-sign-ins.ts';
import { OIDC_SIGN_OUT_PATH } from './external/oidc-routes.ts';
import type { RateRule, RateTake } from '../rate-limit.ts';
import {
  ErrorOut, IdParams, LoginIn, PageQuery, PasswordChangeIn, PasswordChangeOut, TokenIn, TokenOut, UserIn, UserOut, UserPatch, tokenOut, userOut,
} from './schemas.ts';

const tags = ['accounts'];
const user = { access: { allow: 'user' as const } };
const staff = { access: { allow: 'staff' as const } };

const userOrder = sorting({ username: 'users.username', full_name: 'users.full_name', created_at: 'users.created_at', id: 'users.id' }, 'users.id');
const tokenOrder = sorting({
  created_at: 'api_tokens.created_at', name: 'api_tokens.name',
  expires_at: { column: 'api_tokens.expires_at', nullable: true }, last_used_at: { column: 'api_tokens.last_used_at', nullable: true },
}, 'api_tokens.id');
const UserListQuery = Type.Object({ ...PageQuery.properties, ordering: userOrder.param, search: Search('the username, full name or email') });

/**
 * What a domain adds to GET /auth/me about the signed-in person (the beamline side: the projects
 * they own), so a client learns in one call what to show them. Platform code knows no domain.
 */
export interface AboutMe {
  properties: TProperties;
  load(platform: Platform, userId: number): Promise<Record<string, unknown>>;
}

export async function accountRoutes(instance: FastifyInstance, platform: Platform, aboutMe: AboutMe[] = []): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { config, users, sessions, tokens, rateLimiter } = platform;
  const accountRule = { limit: config.login.maxFailures, windowSeconds: config.login.windowSeconds };
  // One address may be a whole lab behind NAT: it gets more failures than a single account does.
  const addressRule = { limit: config.login.maxFailures * 10, windowSeconds: config.login.windowSeconds };

  /** Counts one attempt in every bucket, or none when any bucket is full (429). */
  const reserveLoginAttempt = async (buckets: [string, RateRule][]): Promise<RateTake[]> => {
    const taken: RateTake[] = [];
    for (const [bucket, rule] of buckets) {
      const take = await rateLimiter.take(bucket, rule);
      if (!take.allowed) {
        for (const earlier of taken) await rateLimiter.release(earlier);
        throw tooManyRequests(`Too many failed login attempts. Try again in ${take.retryAfterSeconds} seconds.`, take.retryAfterSeconds);
      }
      taken.push(take);
    }
    return taken;
  };

  app.post('/auth/login', {
    config: { access: { allow: 'public' } },
    schema: {
      tags, summary: 'Log in with a username and password (a local account, else the LDAP directory when set up); sets the session cookie',
      body: LoginIn,
      response: { 200: Type.Object({ user: UserOut, csrf_token: Type.String(), expires_at: Type.String() }), 401: ErrorOut, 403: ErrorOut, 429: ErrorOut, 503: ErrorOut },
    },
  }, async (request, reply) => {
    const { username, password } = request.body;
    const address = clientAddress(request);
    // Every attempt is counted as a failure before the password is checked, and given back when
    // it was right: parallel guesses cannot all get past the limit while the first are hashed.
    const attempts = await reserveLoginAttempt([
      [`login:user:${username.toLowerCase()}`, accountRule],
      [`login:address:${address}`, addressRule],
    ]);
    let user: User | null;
    try {
      user = await checkLogin(platform, username, password, request.log);
    } catch (error) {
      // The password was right but access is refused, or the directory could not say: no failure.
      for (const attempt of attempts) await rateLimiter.release(attempt);
      throw error;
    }
    if (!user) {
      request.log.info({ username }, 'login failed');
      throw unauthorized('Invalid username or password.');
    }
    for (const attempt of attempts) await rateLimiter.release(attempt);
    const session = await sessions.create(user.id, address);
    setSessionCookie(request, reply, config, session);
    return { user: userOut(user), csrf_token: session.csrfToken, expires_at: session.expiresAt };
  });

  app.post('/auth/logout', {
    config: user,
    schema: {
      tags, summary: 'End the current session',
      response: {
        200: Type.Object({
          detail: Type.String(),
          sign_out_url: Type.Union([Type.String(), Type.Null()], { description: 'When the session came from the identity provider: open this next to sign out there too' }),
        }),
      },
    },
  }, async (request, reply) => {
    const principal = request.principal;
    const atProvider = principal.kind === 'user' && principal.via === 'session' && (await new OidcSignIns(platform.db).madeSession(principal.sessionId));
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) await sessions.destroy(cookie);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { detail: 'Logged out.', sign_out_url: atProvider ? OIDC_SIGN_OUT_PATH : null };
  });

  app.get('/auth/me', {
    config: user,
    schema: {
      tags, summary: 'Who the request is authenticated as',
      response: {
        200: Type.Object({
          user: UserOut, via: Type.String(), scope: Type.Union([Type.String(), Type.Null()]), csrf_token: Type.Union([Type.String(), Type.Null()]),
          ...Object.assign({}, ...aboutMe.map((extra) => extra.properties)) as TProperties,
        }),
      },
    },
  }, async (request) => {
    const principal = request.principal;
    if (principal.kind !== 'user') throw unauthorized();
    const extras = await Promise.all(aboutMe.map((extra) => extra.load(platform, principal.user.id)));
    return {
      ...Object.assign({}, ...extras) as Record<string, unknown>,
      user: userOut(principal.user), via: principal.via,
      scope: principal.via === 'token' ? principal.scope : null,
      csrf_token: principal.via === 'session' ? principal.csrfToken : null,
    };
  });

  app.post('/auth/password', {
    config: user,
    schema: {
      tags, summary: 'Change your own password: ends your other sessions, keeps this one; revokes your API tokens on request',
      body: PasswordChangeIn, response: { 200: PasswordChangeOut, 400: ErrorOut },
    },
  }, async (request) => {
    const me = actingUser(request);
    const found = await users.passwordHash(me.username);
    if (!(await verifyPassword(request.body.current_password, found?.hash ?? null))) throw badRequest('Current password is wrong.', { current_password: ['is wrong'] });
    await users.update(me.id, { password: request.body.new_password });
    const principal = request.principal;
    await sessions.destroyAllFor(me.id, principal.kind === 'user' && principal.via === 'session' ? principal.sessionId : undefined);
    const revoked = request.body.revoke_tokens ? await tokens.revokeAllFor(me.id) : 0;
    const tokensNote = request.body.revoke_tokens ? ` ${revoked} API token(s) revoked.` : ' Your API tokens still work.';
    return { detail: `Password changed; your other sessions have ended.${tokensNote}`, revoked_tokens: revoked };
  });

  // Tokens are managed from a login session (or the command line), never by another token,
  // so a leaked token cannot mint more.
  const requireSession = (request: FastifyRequest) => {
    if (request.principal.kind === 'user' && request.principal.via === 'token') throw forbidden('Manage tokens from a login session or the command line, not with a token.');
    return actingUser(request);
  };

  app.get('/tokens', {
    config: user,
    schema: { tags, summary: 'Your API tokens, oldest first', querystring: ListQuery({ ordering: tokenOrder.param }), response: { 200: Page(TokenOut), 400: ErrorOut } },
  }, async (request) => {
    // A person holds a handful of tokens: page the list in memory.
    const { limit, offset, ordering } = request.query;
    const all = await tokens.list(actingUser(request).id, (q) => tokenOrder.apply(q, ordering, (byDefault) => byDefault.orderBy('id')));
    return { count: all.length, results: all.slice(offset, offset + limit).map(tokenOut) };
  });

  app.post('/tokens', {
    config: user,
    schema: {
      tags, summary: 'Create an API token (the token is shown only in this answer)', body: TokenIn,
      response: { 201: Type.Composite([TokenOut, Type.Object({ token: Type.String() })]) },
    },
  }, async (request, reply) => {
    const me = requireSession(request);
    const issued = await tokens.issue(me.id, { name: request.body.name, scope: request.body.scope, expiresAt: request.body.expires_at ?? null });
    return reply.code(201).send({ ...tokenOut(issued.record), token: issued.token });
  });

  app.delete('/tokens/:id', {
    config: user,
    schema: { tags, summary: 'Revoke one of your API tokens', params: IdParams, response: { 200: TokenOut } },
  }, async (request) => tokenOut(await tokens.revoke(requireSession(request).id, request.params.id)));

  app.get('/users', {
    config: staff,
    schema: { tags, summary: 'List users (staff)', querystring: UserListQuery, response: { 200: Type.Object({ count: Type.Integer(), results: Type.Array(UserOut) }), 400: ErrorOut } },
  }, async (request) => {
    const { search, ordering } = request.query;
    const page = await users.list(request.query, (q) => {
      const ordered = userOrder.apply(q, ordering, (byDefault) => byDefault.orderBy('username'));
      return search === undefined ? ordered : ordered.where(containsText(['users.username', 'users.full_name', 'users.email'], search));
    });
    return { count: page.total, results: page.users.map(userOut) };
  });

  app.post('/users', {
    config: staff,
    schema: { tags, summary: 'Create a user (staff)', body: UserIn, response: { 201: UserOut, 409: ErrorOut } },
  }, async (request, reply) => {
    const body = request.body;
    const created = await users.create({
      username: body.username, fullName: body.full_name, email: body.email, isStaff: body.is_staff, isActive: body.is_active, password: body.password,
    });
    return reply.code(201).send(userOut(created));
  });

  app.get('/users/:id', {
    config: staff,
    schema: { tags, summary: 'One user (staff)', params: IdParams, response: { 200: UserOut, 404: ErrorOut } },
  }, async (request) => {
    const found = await users.findById(request.params.id);
    if (!found) throw notFound('No such user.');
    return userOut(found);
  });

  app.patch('/users/:id', {
    config: staff,
    schema: {
      tags, summary: 'Change a user (staff); deactivating ends their sessions, a new password also revokes their API tokens',
      params: IdParams, body: UserPatch, response: { 200: UserOut, 404: ErrorOut },
    },
  }, async (request: FastifyRequest<{ Params: { id: number }; Body: Record<string, any> }>, _reply: FastifyReply) => {
    const body = request.body;
    const updated = await users.update(request.params.id, {
      fullName: body.full_name, email: body.email, isStaff: body.is_staff, isActive: body.is_active, password: body.password,
    });
    if (!updated.isActive || body.password !== undefined) await sessions.destroyAllFor(updated.id);
    // A reset by staff means the old password may be known to someone else: so may the tokens.
    if (body.password !== undefined) await tokens.revokeAllFor(updated.id);
    return userOut(updated);
  });
}
