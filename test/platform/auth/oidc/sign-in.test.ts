// Signing in through a real OpenID Connect provider on loopback: the code flow makes a Lightpath
// session whose projects come from the person's groups, and every answer that fails a check
// (state, nonce, audience, expiry, a sign-in started elsewhere) is refused without a session.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer } from '../../../helpers/platform.ts';
import type { TestServer } from '../../../helpers/platform.ts';
import { startOidcProvider } from '../../../support/oidc-provider.ts';
import type { TestOidcProvider } from '../../../support/oidc-provider.ts';
import { loadMapping, oidcEnv } from '../../../support/oidc-provider-setup.ts';
import { LIGHTPATH_ORIGIN, ProviderBrowser } from './provider-browser.ts';

/** Starts a sign-in in `browser` and completes it at the provider; returns Lightpath's answer to the callback. */
async function signIn(browser: ProviderBrowser, username: string, next = '/sessions/') {
  const { answer } = await browser.follow(`/auth/oidc/login?next=${encodeURIComponent(next)}`, { username });
  return answer;
}

/** Starts a sign-in and signs in at the provider, but stops before the callback reaches Lightpath. */
async function callbackUrl(browser: ProviderBrowser, username: string): Promise<URL> {
  const { url } = await browser.follow('/auth/oidc/login', { username, stopAtCallback: true });
  return new URL(url);
}

async function me(server: TestServer, browser: ProviderBrowser) {
  const session = browser.cookie('lightpath.test', 'lightpath_session');
  const response = await server.app.inject({ url: '/rest/v1/auth/me', headers: { cookie: `lightpath_session=${session ?? ''}` } });
  return { status: response.statusCode, body: response.json() };
}

describe('OpenID Connect sign-in', () => {
  let idp: TestOidcProvider;
  let server: TestServer;

  before(async () => {
    idp = await startOidcProvider({
      accounts: {
        alice: { name: 'Alice Liddell', email: 'alice@example.org', groups: ['mx-users'] },
        boris: { name: 'Boris Staff', groups: ['beamline-staff'] },
        nadia: { name: 'Nadia Nobody', groups: ['visitors'] },
      },
    });
    idp.allowClient(LIGHTPATH_ORIGIN);
    server = await startTestServer({ env: oidcEnv(idp, { LIGHTPATH_BASE_URL: LIGHTPATH_ORIGIN }) });
    await loadMapping(server);
  });

  after(async () => {
    await server?.close();
    await idp?.stop();
  });

  test('the login page learns that the provider is offered', async () => {
    const response = await server.app.inject({ url: '/rest/v1/auth/sign-in-options' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { local_form: true, oidc: { label: 'Sign in with Test Facility', login_url: '/auth/oidc/login' } });
  });

  test('the code flow signs a mapped person in, with the projects their groups give, and no token reaches the browser', async () => {
    const browser = new ProviderBrowser(server.app);
    const start = await browser.request('/auth/oidc/login?next=/sessions/');
    assert.equal(start.status, 303);
    const authorization = new URL(start.location!);
    assert.equal(authorization.origin, idp.issuer);
    assert.equal(authorization.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(authorization.searchParams.get('redirect_uri'), `${LIGHTPATH_ORIGIN}/auth/oidc/callback`);
    for (const check of ['state', 'nonce', 'code_challenge']) assert.ok(authorization.searchParams.get(check), `${check} is sent`);

    const landed = await signIn(browser, 'alice');
    assert.equal(landed.status, 303);
    assert.equal(landed.location, '/sessions/', 'back on the page that asked');
    const { status, body } = await me(server, browser);
    assert.equal(status, 200);
    assert.equal(body.user.username, 'alice');
    assert.equal(body.user.full_name, 'Alice Liddell');
    assert.equal(body.user.email, 'alice@example.org');
    assert.equal(body.user.is_staff, false);
    assert.equal(body.via, 'session');
    assert.ok(body.csrf_token, 'the session has its CSRF token, as a local login does');
    assert.deepEqual(body.projects.map((p: { username: string }) => p.username), ['alice']);

    for (const answer of browser.lightpathAnswers) {
      assert.doesNotMatch(`${JSON.stringify(answer.headers)}${answer.body}`, /eyJ[\w-]+\.eyJ/, 'no JWT in any answer to the browser');
    }
  });

  test('a staff group makes the person staff', async () => {
    const browser = new ProviderBrowser(server.app);
    assert.equal((await signIn(browser, 'boris')).location, '/sessions/');
    const { body } = await me(server, browser);
    assert.equal(body.user.is_staff, true);
    assert.deepEqual(body.projects, []);
  });

  test('only paths on this site are returned to after signing in', async () => {
    for (const next of ['https://elsewhere.example/', '//elsewhere.example/', '/\\elsewhere.example/', '/\t/elsewhere.example/']) {
      const browser = new ProviderBrowser(server.app);
      assert.equal((await signIn(browser, 'alice', next)).location, '/', JSON.stringify(next));
    }
    assert.equal((await signIn(new ProviderBrowser(server.app), 'alice', '/shipments/?page=2')).location, '/shipments/?page=2');
  });

  test('a person with no mapped group gets no session, and the "no access yet" page can say who they are', async () => {
    const browser = new ProviderBrowser(server.app);
    const landed = await signIn(browser, 'nadia');
    assert.equal(landed.location, '/no-access/');
    assert.equal(browser.cookie('lightpath.test', 'lightpath_session'), undefined);
    const info = await browser.request('/rest/v1/auth/oidc/no-access');
    assert.equal(info.status, 200);
    const refused = JSON.parse(info.body);
    assert.equal(refused.username, 'nadia');
    assert.match(refused.detail, /not in any group/);
    assert.equal(refused.sign_out_url, '/auth/oidc/sign-out');

    const stranger = new ProviderBrowser(server.app);
    assert.equal((await stranger.request('/rest/v1/auth/oidc/no-access')).status, 404, 'another browser learns nothing');

    const signOut = await browser.request('/auth/oidc/sign-out');
    assert.equal(signOut.status, 303);
    const endSession = new URL(signOut.location!);
    assert.equal(endSession.origin, idp.issuer, 'ends the session at the provider too');
    assert.ok(endSession.searchParams.get('id_token_hint'));
  });

  test('removed from the group, a person loses access at the next sign-in', async () => {
    idp.accounts.set('carol', { groups: ['mx-users'] });
    const first = new ProviderBrowser(server.app);
    assert.equal((await signIn(first, 'carol')).location, '/sessions/');
    assert.equal((await me(server, first)).status, 200);

    idp.accounts.set('carol', { groups: [] });
    const second = new ProviderBrowser(server.app);
    assert.equal((await signIn(second, 'carol')).location, '/no-access/');
    assert.equal((await me(server, first)).status, 401, 'the earlier session has ended too');
  });

  test('a callback whose state differs is refused, and the sign-in cannot be finished afterwards', async () => {
    const browser = new ProviderBrowser(server.app);
    const callback = await callbackUrl(browser, 'alice');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'not-the-state-we-sent');
    const refused = await browser.request(forged.href);
    assert.equal(refused.location, '/login/?sign_in_error=invalid');
    assert.equal(browser.cookie('lightpath.test', 'lightpath_session'), undefined);
    const replayed = await browser.request(callback.href);
    assert.equal(replayed.location, '/login/?sign_in_error=expired', 'each sign-in is checked once');
    assert.equal(browser.cookie('lightpath.test', 'lightpath_session'), undefined);
  });

  test('a callback in a browser that did not start the sign-in is refused (login CSRF)', async () => {
    const attacker = new ProviderBrowser(server.app);
    const callback = await callbackUrl(attacker, 'alice');
    const victim = new ProviderBrowser(server.app);
    const answer = await victim.request(callback.href);
    assert.equal(answer.location, '/login/?sign_in_error=expired');
    assert.equal(victim.cookie('lightpath.test', 'lightpath_session'), undefined);
  });

  for (const [what, change] of [
    ['a wrong nonce', (claims: Record<string, unknown>) => ({ ...claims, nonce: 'another-nonce' })],
    ['an ID token for another client', (claims: Record<string, unknown>) => ({ ...claims, aud: 'another-client' })],
    ['an expired ID token', (claims: Record<string, unknown>) => ({ ...claims, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['an ID token from another issuer', (claims: Record<string, unknown>) => ({ ...claims, iss: 'https://idp.elsewhere.example' })],
  ] as const) {
    test(`${what} is refused`, async () => {
      const browser = new ProviderBrowser(server.app);
      idp.tamper = change;
      try {
        const answer = await signIn(browser, 'alice');
        assert.equal(answer.location, '/login/?sign_in_error=invalid');
      } finally {
        idp.tamper = null;
      }
      assert.equal(browser.cookie('lightpath.test', 'lightpath_session'), undefined);
    });
  }

  test('a sign-in left waiting too long is refused', async () => {
    const browser = new ProviderBrowser(server.app);
    const callback = await callbackUrl(browser, 'alice');
    // The provider took longer than the sign-in may wait (10 minutes): move its deadline back.
    await server.platform.db.updateTable('oidc_sign_ins').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    const answer = await browser.request(callback.href);
    assert.equal(answer.location, '/login/?sign_in_error=expired');
    assert.equal(browser.cookie('lightpath.test', 'lightpath_session'), undefined);
  });

  test('the person cancelling at the provider comes back to the login page with a reason', async () => {
    const browser = new ProviderBrowser(server.app);
    const start = await browser.request('/auth/oidc/login');
    const authorization = new URL(start.location!);
    const denied = new URL(`${LIGHTPATH_ORIGIN}/auth/oidc/callback`);
    denied.searchParams.set('error', 'access_denied');
    denied.searchParams.set('state', authorization.searchParams.get('state')!);
    denied.searchParams.set('iss', idp.issuer);
    assert.equal((await browser.request(denied.href)).location, '/login/?sign_in_error=refused');
  });

  test('logout ends the session here and then at the provider, never before the session has ended', async () => {
    const browser = new ProviderBrowser(server.app);
    await signIn(browser, 'alice');
    const early = await browser.request('/auth/oidc/sign-out');
    assert.equal(early.location, '/login/', 'a link from elsewhere cannot end a live sign-in at the provider');
    const { body } = await me(server, browser);
    assert.equal((await me(server, browser)).status, 200, 'the session lives on');

    const logout = await browser.request('/rest/v1/auth/logout', { method: 'POST', headers: { 'x-csrf-token': body.csrf_token } });
    assert.equal(logout.status, 200);
    assert.equal(JSON.parse(logout.body).sign_out_url, '/auth/oidc/sign-out');
    assert.equal((await me(server, browser)).status, 401);
    // "early" above took the sign-in's record: sign in again to see the whole logout.
    const again = new ProviderBrowser(server.app);
    await signIn(again, 'alice');
    const csrf = (await me(server, again)).body.csrf_token;
    const { sign_out_url: signOutUrl } = JSON.parse((await again.request('/rest/v1/auth/logout', { method: 'POST', headers: { 'x-csrf-token': csrf } })).body);
    const atProvider = await again.request(signOutUrl);
    const endSession = new URL(atProvider.location!);
    assert.equal(endSession.origin, idp.issuer);
    assert.ok(endSession.searchParams.get('id_token_hint'), 'the ID token kept on the server is the hint');
    assert.equal(endSession.searchParams.get('post_logout_redirect_uri'), `${LIGHTPATH_ORIGIN}/login/`);
    const confirm = await again.request(endSession.href);
    assert.equal(confirm.status, 200, 'the provider accepts the logout request');
  });

  test('a local login is told there is nothing to sign out of at the provider', async () => {
    await server.platform.users.create({ username: 'local-larry', password: 'local-larry-password' });
    const login = await server.app.inject({ method: 'POST', url: '/rest/v1/auth/login', payload: { username: 'local-larry', password: 'local-larry-password' } });
    const cookie = login.cookies.find((c) => c.name === 'lightpath_session')!;
    const logout = await server.app.inject({ method: 'POST', url: '/rest/v1/auth/logout', headers: { cookie: `lightpath_session=${cookie.value}`, 'x-csrf-token': login.json().csrf_token } });
    assert.equal(logout.json().sign_out_url, null);
  });
});
