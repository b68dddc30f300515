// Issue 9, staff administration in the browser: staff create a project account, reset the demo
// project's MxDC key through its confirmation dialog and find the reset in the project's activity
// and in the activity log; a project user opening a staff page is told plainly it is not theirs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MxdcClient } from '../support/mxdc/client.ts';
import { assertAccessible, journey, logIn, openPage, startWebApp } from './web-app.ts';
import type { WebApp } from './web-app.ts';

describe('staff administration in Chromium', () => {
  let web: WebApp;

  before(async () => {
    web = await startWebApp();
    assert.equal((await new MxdcClient(web.baseUrl, 'demo').register()).status, 200);
  });
  after(async () => {
    await web?.close();
  });

  test('create a project account, reset the demo project\'s MxDC key, read the activity', async () => {
    const { page, context, errors } = await openPage(web, { width: 1024, height: 768 });
    await journey('admin-projects', page, async () => {
      await logIn(page, 'staffer');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
      const list = page.getByRole('table', { name: 'Project accounts' });
      await list.getByRole('link', { name: 'demo', exact: true }).waitFor();
      await assertAccessible(page, 'staff projects');

      await page.getByRole('link', { name: 'New project account' }).click();
      await page.getByRole('heading', { name: 'New project account' }).waitFor();
      await page.getByLabel('Username').fill('demo');
      await page.getByRole('button', { name: 'Create project account' }).click();
      await page.getByRole('alert').filter({ hasText: 'already exists' }).waitFor();
      await assertAccessible(page, 'new project account (refused)');
      await page.getByLabel('Username').fill('has space');
      await page.getByRole('button', { name: 'Create project account' }).click();
      await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
      assert.equal(await page.getByLabel('Username').getAttribute('aria-invalid'), 'true', 'the problem is shown at the username');

      await page.getByLabel('Username').fill('xtal-lab');
      await page.getByLabel('Name', { exact: true }).fill('Crystal Lab');
      await page.getByLabel('Contact person').fill('Dr. Ada Quartz');
      await page.getByRole('button', { name: 'Create project account' }).click();
      await page.getByRole('heading', { name: 'Project xtal-lab' }).waitFor();
      assert.match(await page.locator('dl').innerText(), /Crystal Lab[\s\S]*Dr\. Ada Quartz/);
      await page.getByRole('table', { name: /Activity of project xtal-lab/ }).getByText('Project account xtal-lab created').waitFor();

      await page.getByRole('link', { name: 'Projects', exact: true }).first().click();
      await page.getByLabel('Search projects').fill('demo');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/search=demo/);
      await list.getByRole('link', { name: 'demo', exact: true }).click();
      await page.getByRole('heading', { name: 'Project demo' }).waitFor();
      await page.getByText('Registered.').waitFor();
      await assertAccessible(page, 'staff project page');

      // The dialog says what will happen; Cancel changes nothing.
      await page.getByRole('button', { name: 'Reset MxDC key' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Reset the MxDC key of demo?' });
      await dialog.waitFor();
      assert.match(await dialog.innerText(), /refused until MxDC registers a new key/);
      await assertAccessible(page, 'reset dialog');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('Registered.').waitFor();

      await page.getByRole('button', { name: 'Reset MxDC key' }).click();
      await dialog.getByRole('button', { name: 'Reset the key' }).click();
      await page.getByRole('status').filter({ hasText: 'The MxDC key was reset' }).waitFor();
      await page.getByText('Not registered.').waitFor();
      const activity = page.getByRole('table', { name: /Activity of project demo/ });
      const entry = activity.getByRole('row').filter({ hasText: 'MxDC key reset' });
      await entry.waitFor();
      assert.match(await entry.innerText(), /staffer[\s\S]*modify/);
      assert.equal((await new MxdcClient(web.baseUrl, 'demo').samples('SIM-1')).status, 400, 'MxDC must register again');

      // The activity log, filtered in the URL.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
      await page.getByLabel('Project', { exact: true }).fill('demo');
      await page.getByLabel('Action').selectOption('modify');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/project=demo/);
      const log = page.getByRole('table', { name: 'Activity, newest first' });
      await log.getByRole('row').filter({ hasText: 'MxDC key reset' }).waitFor();
      assert.equal(await log.getByText('Project account xtal-lab created').count(), 0);
      await assertAccessible(page, 'activity log');
    });
    assert.deepEqual(errors.filter((e) => !/status of (400|409)/.test(e)), []);
    await context.close();
  });

  test('a project user opening a staff page is refused plainly', async () => {
    const { page, context, errors } = await openPage(web);
    await journey('admin-refused', page, async () => {
      await logIn(page, 'demo', 'demo');
      await page.goto('/staff/projects/');
      await page.getByRole('heading', { name: 'For beamline staff only' }).waitFor();
      assert.match(await page.locator('main').innerText(), /not a staff account/);
      assert.equal(await page.getByRole('table').count(), 0);
      await assertAccessible(page, 'staff page refused');
    });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
