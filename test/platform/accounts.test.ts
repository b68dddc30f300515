// Logins, sessions, CSRF, API tokens and user administration, through the HTTP API.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { bearer, login, makeUser } from '../helpers/accounts.ts';

describe('accounts and authentication', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { LIGHTPATH_LOGIN_MAX_FAILURES: '3' } });
    await makeUser(server.platform, 'staffer', { staff: true });
    await makeUser(server.platform, 'alice');
    await makeUser(server.platform, 'bob');
  });
  after(() => server.close());

  const inject = (options: InjectOptions) => server.app.inject(options);

  test('login sets an HttpOnly SameSite cookie and returns the user and a CSRF token', async () => {
    const response = await inject({ method: 'POST', url: '/rest/v1/auth/login', payload: { username: 'alice', password: 'alice-password' } });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.user.username, 'alice');
    assert.equal(body.user.is_staff, false);
    assert.ok(body.csrf_token.length >= 24);
    const setCookie = response.headers['set-cookie'] as string;
    assert.match(setCookie, /lightpath_session=/);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    assert.doesNotMatch(setCookie, /Secure/);
  });

  test('the cookie is Secure behind HTTPS (a trusted proxy says so)', async () => {
    const secure = await startTestServer({ env: { LIGHTPATH_TRUSTED_PROXIES: '127.0.0.1' } });
    try {
      await makeUser(secure.platform, 'carol');
      const response = await secure.app.inject({
        method: 'POST', url: '/rest/v1/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'carol', password: 'carol-password' },
      });
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['set-cookie'] as string, /Secure/);
    } finally {
      await secure.close();
    }
  });

  test('a wrong password or unknown user is 401, and the session cookie works for reads', async () => {
    const wrong = await inject({ method: 'POST', url: '/rest/v1/auth/login', payload: { username: 'bob', password: 'nope' } });
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(wrong.json(), { detail: 'Invalid username or password.' });
    const unknown = await inject({ method: 'POST', url: '/rest/v1/auth/login', payload: { username: 'nobody', password: 'nope' } });
    assert.equal(unknown.statusCode, 401);
    const session = await login(server.app, 'bob');
    const me = await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: { cookie: session.cookie } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.username, 'bob');
    assert.equal(me.json().via, 'session');
  });

  test('repeated failed logins are rate limited with 429 and Retry-After, even with the right password', async () => {
    await makeUser(server.platform, 'dave');
    for (let i = 0; i < 3; i++) {
      const response = await inject({ method: 'POST', url: '/rest/v1/auth/login', payload: { username: 'dave', password: `guess${i}` } });
      assert.equal(response.statusCode, 401);
    }
    const blocked = await inject({ method: 'POST', url: '/rest/v1/auth/login', payload: { username: 'dave', password: 'dave-password' } });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.json().detail, /^Too many failed login attempts\. Try again in \d+ seconds\.$/);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
  });

  test('cookie-authenticated writes need the CSRF token', async () => {
    const session = await login(server.app, 'alice');
    const without = await inject({ method: 'POST', url: '/rest/v1/tokens', headers: { cookie: session.cookie }, payload: { name: 'x' } });
    assert.equal(without.statusCode, 403);
    assert.equal(without.json().detail, 'CSRF token missing or incorrect.');
    const wrong = await inject({ method: 'POST', url: '/rest/v1/tokens', headers: { cookie: session.cookie, 'x-csrf-token': 'forged' }, payload: { name: 'x' } });
    assert.equal(wrong.statusCode, 403);
    const right = await inject({ method: 'POST', url: '/rest/v1/tokens', headers: session.headers, payload: { name: 'x' } });
    assert.equal(right.statusCode, 201);
    assert.equal((await server.platform.tokens.list((await server.platform.users.findByUsername('alice'))!.id)).length >= 1, true);
  });

  test('API tokens: issued once, scoped, listed without the secret, revocable', async () => {
    const session = await login(server.app, 'alice');
    const created = await inject({ method: 'POST', url: '/rest/v1/tokens', headers: session.headers, payload: { name: 'script', scope: 'read' } });
    assert.equal(created.statusCode, 201);
    const { token, id, scope, prefix } = created.json();
    assert.equal(scope, 'read');
    assert.match(token, /^lpt_[A-Za-z0-9_-]{43}$/);
    assert.ok(token.startsWith(prefix));

    const me = await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().via, 'token');
    assert.equal(me.json().scope, 'read');

    const write = await inject({ method: 'POST', url: '/rest/v1/auth/password', headers: { authorization: `Bearer ${token}` }, payload: { current_password: 'a', new_password: 'bbbb' } });
    assert.equal(write.statusCode, 403);
    assert.equal(write.json().detail, 'This token is read-only.');

    const list = await inject({ method: 'GET', url: '/rest/v1/tokens', headers: { authorization: `Bearer ${token}` } });
    assert.equal(list.statusCode, 200);
    assert.ok(list.json().results.some((t: { id: number }) => t.id === id));
    assert.equal(list.json().count, list.json().results.length);
    assert.ok(list.json().results.every((t: Record<string, unknown>) => !('token' in t)));

    const revoked = await inject({ method: 'DELETE', url: `/rest/v1/tokens/${id}`, headers: session.headers });
    assert.equal(revoked.statusCode, 200);
    assert.ok(revoked.json().revoked_at);
    const after = await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().detail, 'Invalid, expired or revoked token.');
  });

  test('stored tokens are hashed: the database never holds the token itself', async () => {
    const alice = (await server.platform.users.findByUsername('alice'))!;
    const issued = await server.platform.tokens.issue(alice.id, { name: 'hash-check', scope: 'read' });
    const rows = await server.platform.db.selectFrom('api_tokens').select(['token_hash']).execute();
    assert.ok(rows.every((r) => r.token_hash !== issued.token && !r.token_hash.includes(issued.token.slice(4))));
  });

  test('unknown, malformed and expired tokens are 401 {"detail"}', async () => {
    const unknown = await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: { authorization: 'Bearer lpt_doesnotexist' } });
    assert.equal(unknown.statusCode, 401);
    const malformed = await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: { authorization: 'Token abc' } });
    assert.equal(malformed.statusCode, 401);
    assert.equal(malformed.json().detail, 'Authorization header must be "Bearer <token>".');
    const alice = (await server.platform.users.findByUsername('alice'))!;
    const issued = await server.platform.tokens.issue(alice.id, { name: 'short', scope: 'read', expiresAt: new Date(Date.now() + 1000).toISOString() });
    await server.platform.db.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', issued.record.id).execute();
    const expired = await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: { authorization: `Bearer ${issued.token}` } });
    assert.equal(expired.statusCode, 401);
  });

  test('an expiry in the past is refused when creating a token', async () => {
    const session = await login(server.app, 'alice');
    const response = await inject({ method: 'POST', url: '/rest/v1/tokens', headers: session.headers, payload: { name: 'old', expires_at: '2001-01-01T00:00:00Z' } });
    assert.equal(response.statusCode, 400);
    assert.ok(response.json().fields.expires_at);
  });

  test('a token cannot mint tokens', async () => {
    const alice = (await server.platform.users.findByUsername('alice'))!;
    const headers = await bearer(server.platform, alice, 'write');
    const response = await inject({ method: 'POST', url: '/rest/v1/tokens', headers, payload: { name: 'more' } });
    assert.equal(response.statusCode, 403);
  });

  test('staff administer users; others get 403; bad input writes nothing', async () => {
    const staff = await login(server.app, 'staffer');
    const alice = await login(server.app, 'alice');
    const denied = await inject({ method: 'GET', url: '/rest/v1/users', headers: alice.headers });
    assert.equal(denied.statusCode, 403);

    const created = await inject({ method: 'POST', url: '/rest/v1/users', headers: staff.headers, payload: { username: 'erin', full_name: 'Erin E', password: 'erin-pass' } });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().full_name, 'Erin E');
    const duplicate = await inject({ method: 'POST', url: '/rest/v1/users', headers: staff.headers, payload: { username: 'erin' } });
    assert.equal(duplicate.statusCode, 409);

    const before = (await inject({ method: 'GET', url: '/rest/v1/users', headers: staff.headers })).json().count;
    const bad = await inject({ method: 'POST', url: '/rest/v1/users', headers: staff.headers, payload: { username: 'has space', password: 'x' } });
    assert.equal(bad.statusCode, 400);
    const afterCount = (await inject({ method: 'GET', url: '/rest/v1/users', headers: staff.headers })).json().count;
    assert.equal(afterCount, before);

    const erinId = created.json().id;
    const erinSession = await login(server.app, 'erin', 'erin-pass');
    const deactivated = await inject({ method: 'PATCH', url: `/rest/v1/users/${erinId}`, headers: staff.headers, payload: { is_active: false } });
    assert.equal(deactivated.statusCode, 200);
    assert.equal(deactivated.json().is_active, false);
    const gone = await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: { cookie: erinSession.cookie } });
    assert.equal(gone.statusCode, 401);
    const noLogin = await inject({ method: 'POST', url: '/rest/v1/auth/login', payload: { username: 'erin', password: 'erin-pass' } });
    assert.equal(noLogin.statusCode, 401);
  });

  const status = async (headers: Record<string, string>) => (await inject({ method: 'GET', url: '/rest/v1/auth/me', headers })).statusCode;

  test('logout ends the session; a password change ends the other sessions, keeps this one and the tokens', async () => {
    const first = await login(server.app, 'bob');
    const out = await inject({ method: 'POST', url: '/rest/v1/auth/logout', headers: first.headers });
    assert.equal(out.statusCode, 200);
    assert.equal(await status({ cookie: first.cookie }), 401);

    const a = await login(server.app, 'bob');
    const b = await login(server.app, 'bob');
    const token = await bearer(server.platform, (await server.platform.users.findByUsername('bob'))!);
    const wrong = await inject({ method: 'POST', url: '/rest/v1/auth/password', headers: a.headers, payload: { current_password: 'no', new_password: 'new-pass' } });
    assert.equal(wrong.statusCode, 400);
    const changed = await inject({ method: 'POST', url: '/rest/v1/auth/password', headers: a.headers, payload: { current_password: 'bob-password', new_password: 'new-pass' } });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().revoked_tokens, 0);
    assert.equal(await status({ cookie: b.cookie }), 401, 'the other session has ended');
    assert.equal(await status({ cookie: a.cookie }), 200, 'the session that made the change goes on');
    assert.equal(await status(token), 200, 'tokens survive unless revoke_tokens is asked for');
    await login(server.app, 'bob', 'new-pass');
  });

  test('a password change with revoke_tokens revokes every token of the user, and only theirs', async () => {
    const frank = await makeUser(server.platform, 'frank');
    const session = await login(server.app, 'frank');
    const tokens = [await bearer(server.platform, frank, 'read'), await bearer(server.platform, frank, 'write')];
    const othersToken = await bearer(server.platform, (await server.platform.users.findByUsername('alice'))!);
    const notBoolean = await inject({ method: 'POST', url: '/rest/v1/auth/password', headers: session.headers, payload: { current_password: 'frank-password', new_password: 'frank-2', revoke_tokens: 'please' } });
    assert.equal(notBoolean.statusCode, 400);
    assert.ok(notBoolean.json().fields.revoke_tokens, notBoolean.body);
    const changed = await inject({ method: 'POST', url: '/rest/v1/auth/password', headers: session.headers, payload: { current_password: 'frank-password', new_password: 'frank-2', revoke_tokens: true } });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().revoked_tokens, 2);
    for (const token of tokens) assert.equal(await status(token), 401);
    assert.equal(await status(othersToken), 200);
    assert.equal(await status({ cookie: session.cookie }), 200);
    const listed = await inject({ method: 'GET', url: '/rest/v1/tokens', headers: { cookie: session.cookie } });
    assert.ok(listed.json().results.every((t: { revoked_at: string | null }) => t.revoked_at !== null));
  });

  test('a password reset by staff always revokes the user\'s tokens and ends their sessions', async () => {
    const staff = await login(server.app, 'staffer');
    const gina = await makeUser(server.platform, 'gina');
    const session = await login(server.app, 'gina');
    const token = await bearer(server.platform, gina);
    const renamed = await inject({ method: 'PATCH', url: `/rest/v1/users/${gina.id}`, headers: staff.headers, payload: { full_name: 'Gina G' } });
    assert.equal(renamed.statusCode, 200);
    assert.equal(await status(token), 200, 'other changes leave tokens alone');
    const reset = await inject({ method: 'PATCH', url: `/rest/v1/users/${gina.id}`, headers: staff.headers, payload: { password: 'gina-new' } });
    assert.equal(reset.statusCode, 200);
    assert.equal(await status(token), 401);
    assert.equal(await status({ cookie: session.cookie }), 401);
    await login(server.app, 'gina', 'gina-new');
  });

  test('the OpenAPI document describes revoke_tokens', async () => {
    const document = (await inject({ method: 'GET', url: '/rest/openapi.json' })).json();
    const body = document.paths['/rest/v1/auth/password'].post.requestBody.content['application/json'].schema;
    assert.equal(body.properties.revoke_tokens.type, 'boolean');
    assert.match(body.properties.revoke_tokens.description, /revoke/i);
  });

  test('passwords are stored with scrypt, salted', async () => {
    const rows = await server.platform.db.selectFrom('users').select(['username', 'password_hash']).where('username', 'in', ['alice', 'staffer']).execute();
    for (const row of rows) assert.match(row.password_hash!, /^scrypt\$32768\$8\$1\$/);
    assert.notEqual(rows[0].password_hash!.split('$')[4], rows[1].password_hash!.split('$')[4]);
  });
});
