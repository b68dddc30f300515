// Issue 9's foundation in Chromium: logging in (a wrong password is answered on the form), the
// account page (API token created and shown once, listed, revoked; password changed), logging out,
// a deep link that needs a login coming back after it, the page's security headers with no
// refused script, an unknown page, and the same pages in the dark theme and on a tablet.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, journey, logIn, openPage, startWebApp } from './web-app.ts';
import type { WebApp } from './web-app.ts';

describe('the web app foundation', () => {
  let web: WebApp;
  before(async () => { web = await startWebApp(); });
  after(async () => { await web?.close(); });

  test('pages carry a strict CSP and run without inline script; API paths never get the page', async () => {
    const page = await fetch(`${web.baseUrl}/shipments/`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.doesNotMatch(await page.text(), /<script>/, 'no inline script in the page');
    const api = await fetch(`${web.baseUrl}/rest/v1/no-such-list`);
    assert.equal(api.status, 404);
    assert.deepEqual(await api.json(), { detail: 'Not found.' });
  });

  test('log in (a wrong password answered on the form), a deep link kept through the login, tokens, password, log out', async () => {
    const { page, errors, context } = await openPage(web);
    await journey('foundation-accounts', page, async () => {
      await page.goto('/account/');
      await page.waitForURL(/\/login\/\?next=%2Faccount%2F/);
      await page.getByRole('heading', { name: 'Log in' }).waitFor();
      await assertAccessible(page, 'the login page');
      await page.getByLabel('Username').fill('demo');
      await page.getByLabel('Password', { exact: true }).fill('not the password');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('alert').getByText('Invalid username or password.').waitFor();
      await assertAccessible(page, 'the login page with an error');

      await page.getByLabel('Password', { exact: true }).fill('demo');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/account/', 'back to the page that asked for the login');
      await page.getByText(/Not registered yet/).waitFor();
      await assertAccessible(page, 'the account page');

      // An API token: shown once, listed by its prefix, and it works until revoked.
      const form = page.getByRole('form', { name: 'Create an API token' });
      await form.getByLabel('Token name').fill('processing script');
      await form.getByLabel('Scope').selectOption('read');
      await form.getByRole('button', { name: 'Create token' }).click();
      const secret = await page.getByLabel('New token').inputValue();
      assert.match(secret, /^lpt_/);
      const me = await fetch(`${web.baseUrl}/rest/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
      assert.equal(me.status, 200);
      assert.equal((await me.json()).user.username, 'demo');
      await page.getByRole('cell', { name: 'processing script', exact: true }).waitFor();
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Revoke token processing script' }).click();
      await page.getByRole('row', { name: /processing script/ }).getByText('revoked').waitFor();
      assert.equal((await fetch(`${web.baseUrl}/rest/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } })).status, 401);

      // The password: a wrong current one is named at its field; then changed.
      const password = page.getByRole('form', { name: 'Change your password' });
      await password.getByLabel('Current password').fill('wrong');
      await password.getByLabel('New password', { exact: true }).fill('demo-2');
      await password.getByLabel('New password again').fill('demo-2');
      await password.getByRole('button', { name: 'Change password' }).click();
      await page.getByRole('alert').getByText('Current password is wrong.').waitFor();
      assert.equal(await password.getByLabel('Current password').getAttribute('aria-invalid'), 'true');
      await password.getByLabel('Current password').fill('demo');
      await password.getByRole('button', { name: 'Change password' }).click();
      await page.getByRole('status').filter({ hasText: /changed/i }).waitFor();

      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('heading', { name: 'Log in' }).waitFor();
      await page.goto('/shipments/');
      await page.waitForURL(/\/login\/\?next=%2Fshipments%2F/);
      await page.getByLabel('Username').fill('demo');
      await page.getByLabel('Password', { exact: true }).fill('demo-2');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Shipments' }).waitFor();
    });
    assert.deepEqual(errors.filter((e) => !/401|Failed to load resource/.test(e)), [], 'no console errors or refused scripts');
    await context.close();
  });

  test('an unknown page says so; staff pages refuse a project user; dark theme and a tablet pass the same checks', async () => {
    const dark = await openPage(web, { colorScheme: 'dark', width: 1024, height: 768 });
    await journey('foundation-dark-tablet', dark.page, async () => {
      await logIn(dark.page, 'staffer');
      await dark.page.goto('/no/such/page/');
      await dark.page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await assertAccessible(dark.page, 'the not-found page (dark)');
      for (const [url, heading] of [['/', 'Dashboard'], ['/account/', 'Your account'], ['/staff/shipments/', 'Shipments']]) {
        await dark.page.goto(url);
        await dark.page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await assertAccessible(dark.page, `${url} in the dark theme at 1024×768`);
      }
      // The navigation stays reachable by keyboard: the skip link, then the first link.
      await dark.page.keyboard.press('Tab');
      assert.equal(await dark.page.evaluate('document.activeElement?.textContent?.trim()'), 'Skip to content');
      const width = await dark.page.evaluate('document.documentElement.scrollWidth');
      assert.ok(Number(width) <= 1024, `no sideways scrolling on a tablet (page is ${width}px wide)`);
    });
    await dark.context.close();

    const user = await openPage(web);
    await journey('foundation-staff-refused', user.page, async () => {
      await logIn(user.page, 'demo', 'demo-2');
      await user.page.goto('/staff/projects/');
      await user.page.getByRole('heading', { name: 'For beamline staff only' }).waitFor();
      assert.equal(await user.page.getByRole('link', { name: 'Automounters' }).count(), 0, 'no staff navigation for a project user');
    });
    await user.context.close();
  });
});
