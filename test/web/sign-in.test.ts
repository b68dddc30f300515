// Issue 14, signing in through the facility's identity provider in Chromium: the login page offers
// "Sign in with Test Facility"; the person signs in on the provider's own page, lands in
// Lightpath and sees the project their group maps to; logging out signs them out at the provider
// too. Someone whose groups map to nothing sees the "no access yet" page, who to ask, and can sign
// out there. A provider that cannot be reached is explained on the login page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startOidcProvider } from '../support/oidc-provider.ts';
import type { TestOidcProvider } from '../support/oidc-provider.ts';
import { loadMapping, oidcEnv } from '../support/oidc-provider-setup.ts';
import { assertAccessible, journey, openPage, startWebApp } from './web-app.ts';
import type { OpenPage, WebApp } from './web-app.ts';

const CONTACT = 'the user office (useroffice@example.org)';

describe('signing in through the identity provider', () => {
  let idp: TestOidcProvider;
  let web: WebApp;
  const tabs: OpenPage[] = [];

  before(async () => {
    idp = await startOidcProvider({
      accounts: {
        alice: { name: 'Alice Liddell', email: 'alice@example.org', groups: ['mx-users'] },
        nadia: { name: 'Nadia Nobody', groups: ['visitors'] },
      },
    });
    web = await startWebApp({ env: oidcEnv(idp, { LIGHTPATH_OIDC_ACCESS_CONTACT: CONTACT }) });
    idp.allowClient(web.baseUrl);
    await loadMapping(web.server);
  });
  after(async () => {
    for (const tab of tabs) await tab.context.close();
    await web?.close();
    await idp?.stop();
  });

  async function newTab(): Promise<OpenPage> {
    const tab = await openPage(web);
    // The provider's development pages import a web font; nothing leaves this machine in tests.
    await tab.context.route(/^https:\/\//, (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '' }));
    tabs.push(tab);
    return tab;
  }

  /** From Lightpath's login page through the provider's login form. */
  async function signInAtProvider(page: Page, username: string): Promise<void> {
    await page.goto('/login/');
    await page.getByRole('link', { name: 'Sign in with Test Facility' }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.getByPlaceholder('Enter any login').fill(username);
    await page.getByPlaceholder('and password').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
  }

  /** The provider's "sign out?" question, answered yes; back on Lightpath's login page. */
  async function confirmSignOutAtProvider(page: Page): Promise<void> {
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL((url) => url.origin === web.baseUrl && url.pathname === '/login/');
    await page.getByRole('link', { name: 'Sign in with Test Facility' }).waitFor();
  }

  test('a mapped person signs in at the provider, lands in Lightpath with their project, and logs out of both', async () => {
    const tab = await newTab();
    const { page } = tab;
    await journey('oidc-sign-in', page, async () => {
      await page.goto('/login/');
      await page.getByRole('link', { name: 'Sign in with Test Facility' }).waitFor();
      assert.ok(await page.getByLabel('Username').isVisible(), 'the local form is still there');
      await assertAccessible(page, 'the login page with the provider');

      await signInAtProvider(page, 'alice');
      await page.waitForURL((url) => url.origin === web.baseUrl && !url.pathname.startsWith('/login/'));
      await page.getByRole('link', { name: /Alice Liddell/ }).waitFor();
      await assertAccessible(page, 'the dashboard after signing in');

      await page.goto('/account/');
      await page.getByText('Signed in as alice (alice@example.org).').waitFor();
      const mxdc = page.getByRole('region', { name: 'MxDC key' });
      await mxdc.getByText(/MxDC registers its key the first time it connects as\s+alice/).waitFor();
      await assertAccessible(page, 'the account page of a person signed in at the provider');

      await page.getByRole('button', { name: 'Log out' }).click();
      await confirmSignOutAtProvider(page);
      assert.deepEqual(tab.errors, []);
      await page.goto('/account/');
      await page.waitForURL((url) => url.pathname === '/login/');
    });
  });

  test('someone whose groups map to nothing sees who to ask, and can sign out', async () => {
    const tab = await newTab();
    const { page } = tab;
    await journey('oidc-no-access', page, async () => {
      await signInAtProvider(page, 'nadia');
      await page.waitForURL((url) => url.origin === web.baseUrl && url.pathname === '/no-access/');
      await page.getByRole('heading', { name: 'No access yet', level: 1 }).waitFor();
      const text = await page.locator('main').innerText();
      assert.match(text, /You signed in as nadia, but your account is not linked to a project or group/);
      assert.match(text, /Ask the user office \(useroffice@example\.org\) to add your account/);
      await assertAccessible(page, 'the no-access page');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await confirmSignOutAtProvider(page);
      assert.deepEqual(tab.errors, []);
    });
  });

  test('a sign-in that failed is explained on the login page, in dark mode too', async () => {
    const tab = await openPage(web, { colorScheme: 'dark' });
    tabs.push(tab);
    const { page } = tab;
    await journey('oidc-provider-unavailable', page, async () => {
      await page.goto('/login/?sign_in_error=unavailable');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /identity provider could not be reached/);
      await assertAccessible(page, 'the login page with a sign-in problem');
      assert.deepEqual(tab.errors, []);
    });
  });
});
