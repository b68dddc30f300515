// When the identity provider is down or misconfigured, people land on the login page with a reason
// instead of an error page; settings that cannot work are refused at start; and without a provider
// configured, nothing of it is offered.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import { loadConfig, ConfigError } from '../../../../src/config.ts';
import { startTestServer } from '../../../helpers/platform.ts';
import type { TestServer } from '../../../helpers/platform.ts';
import { startOidcProvider } from '../../../support/oidc-provider.ts';
import { loadMapping, oidcEnv } from '../../../support/oidc-provider-setup.ts';
import { LIGHTPATH_ORIGIN, ProviderBrowser } from './provider-browser.ts';

describe('identity provider trouble', () => {
  const closing: Array<() => Promise<void>> = [];
  after(async () => {
    for (const close of closing.reverse()) await close();
  });

  async function serverFor(env: Record<string, string>): Promise<TestServer> {
    const server = await startTestServer({ env: { LIGHTPATH_BASE_URL: LIGHTPATH_ORIGIN, ...env } });
    closing.push(() => server.close());
    return server;
  }

  test('a provider that cannot be reached sends people back to the login page with a reason', async () => {
    const idp = await startOidcProvider();
    await idp.stop();
    const server = await serverFor(oidcEnv(idp));
    const answer = await new ProviderBrowser(server.app).request('/auth/oidc/login');
    assert.equal(answer.status, 303);
    assert.equal(answer.location, '/login/?sign_in_error=unavailable');
  });

  test('an issuer without a discovery document is reported the same way', async () => {
    const notProvider = http.createServer((_request, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
    await new Promise<void>((resolve) => notProvider.listen(0, '127.0.0.1', resolve));
    closing.push(() => new Promise((resolve) => notProvider.close(() => resolve())));
    const issuer = `http://127.0.0.1:${(notProvider.address() as AddressInfo).port}/realms/missing`;
    const server = await serverFor({ LIGHTPATH_OIDC_ISSUER: issuer, LIGHTPATH_OIDC_CLIENT_ID: 'lightpath' });
    const answer = await new ProviderBrowser(server.app).request('/auth/oidc/login');
    assert.equal(answer.location, '/login/?sign_in_error=unavailable');
  });

  test('a provider that goes down before the code is exchanged ends the sign-in on the login page', async () => {
    const idp = await startOidcProvider({ accounts: { alice: { groups: ['mx-users'] } } });
    idp.allowClient(LIGHTPATH_ORIGIN);
    const server = await serverFor(oidcEnv(idp));
    await loadMapping(server);
    const browser = new ProviderBrowser(server.app);
    const { url } = await browser.follow('/auth/oidc/login', { username: 'alice', stopAtCallback: true });
    await idp.stop();
    const answer = await browser.request(url);
    assert.equal(answer.location, '/login/?sign_in_error=unavailable');
    assert.equal(browser.cookie('lightpath.test', 'lightpath_session'), undefined);
  });

  test('the local form can be hidden', async () => {
    const idp = await startOidcProvider();
    closing.push(() => idp.stop());
    const server = await serverFor(oidcEnv(idp, { LIGHTPATH_OIDC_HIDE_LOCAL_FORM: 'true' }));
    const options = await server.app.inject({ url: '/rest/v1/auth/sign-in-options' });
    assert.equal(options.json().local_form, false);
  });

  test('without a provider configured, only the local form is offered', async () => {
    const server = await serverFor({});
    const options = await server.app.inject({ url: '/rest/v1/auth/sign-in-options' });
    assert.deepEqual(options.json(), { local_form: true, oidc: null });
    const login = await server.app.inject({ url: '/auth/oidc/login' });
    assert.equal(login.statusCode, 404);
    assert.match(login.json().detail, /not configured/);
    const unknown = await server.app.inject({ url: '/auth/oidc/elsewhere' });
    assert.equal(unknown.statusCode, 404, 'paths under /auth/ are the server\'s, never the web app\'s page');
    assert.ok(unknown.json().detail);
  });

  test('settings that cannot work are refused at start, each with its fix', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ LIGHTPATH_DATA_DIR: '/tmp/lightpath-oidc-settings', ...env });
      } catch (error) {
        assert.ok(error instanceof ConfigError);
        return error.problems.join('\n');
      }
      return '';
    };
    assert.match(problems({ LIGHTPATH_OIDC_ISSUER: 'http://idp.example.org/realms/facility', LIGHTPATH_OIDC_CLIENT_ID: 'lightpath' }), /LIGHTPATH_OIDC_ISSUER must be an https:\/\/ URL/);
    assert.match(problems({ LIGHTPATH_OIDC_ISSUER: 'https://idp.example.org/realms/facility' }), /LIGHTPATH_OIDC_CLIENT_ID is required/);
    assert.match(problems({ LIGHTPATH_OIDC_ISSUER: 'https://idp.example.org', LIGHTPATH_OIDC_CLIENT_ID: 'x', LIGHTPATH_OIDC_SCOPES: 'profile email' }), /must include openid/);
    assert.match(problems({ LIGHTPATH_OIDC_ISSUER: 'https://idp.example.org', LIGHTPATH_OIDC_CLIENT_ID: 'x', LIGHTPATH_OIDC_HIDE_LOCAL_FORM: 'maybe' }), /LIGHTPATH_OIDC_HIDE_LOCAL_FORM must be true or false/);
    assert.equal(problems({ LIGHTPATH_OIDC_ISSUER: 'https://idp.example.org/realms/facility/', LIGHTPATH_OIDC_CLIENT_ID: 'lightpath' }), '');
  });
});
