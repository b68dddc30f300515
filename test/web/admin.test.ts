// Issue 9, staff administration in the browser: staff create a project account, reset the demo
// project's MxDC key through its confirmation dialog and find the reset in the project's activity
// and in the activity log; a project user opening a staff page is told plainly it is not theirs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MxdcClient } from '../support/mxdc/client.ts';
import { recordConnections } from '../../src/lims/access-lists.ts';

const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl demo@laptop';
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
      // The unfiltered page showed the new account's creation too; the filtered one drops it.
      await log.getByText('Project account xtal-lab created').waitFor({ state: 'detached' });
      await log.getByRole('row').filter({ hasText: 'MxDC key reset' }).waitFor();
      for (const row of (await log.locator('tbody tr').allInnerTexts())) assert.match(row, /\bmodify\b/);
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

  test('staff add a remote-access list and a beamline; the project sees its SSH keys and its connections on its profile', async () => {
    const staff = await openPage(web);
    await journey('admin-beamlines-access', staff.page, async () => {
      const { page } = staff;
      await logIn(page, 'staffer');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Beamlines' }).click();
      await page.getByRole('row', { name: /SIM-1/ }).waitFor();
      await assertAccessible(page, 'staff beamlines');
      await page.getByLabel('Acronym').fill('SIM 3');
      await page.getByRole('button', { name: 'Add beamline' }).click();
      await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
      await page.getByLabel('Acronym').fill('SIM-3');
      await page.getByLabel('Beamline name').fill('Simulated 3');
      await page.getByRole('button', { name: 'Add beamline' }).click();
      await page.getByRole('row', { name: /SIM-3/ }).waitFor();
      await page.getByRole('button', { name: 'Edit beamline SIM-3' }).click();
      const edit = page.getByRole('form', { name: 'Change beamline SIM-3' });
      await edit.getByLabel('Beamline name').fill('Simulated three');
      await edit.getByRole('button', { name: 'Save beamline' }).click();
      await page.getByRole('row', { name: /SIM-3/ }).filter({ hasText: 'Simulated three' }).waitFor();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Remote access' }).click();
      await page.getByText('No remote-access lists yet').waitFor();
      await page.getByLabel('List name').fill('nx-hutch');
      await page.getByLabel('Server address').fill('10.1.2.3');
      await page.getByRole('button', { name: 'Add list' }).click();
      await page.getByRole('link', { name: 'nx-hutch' }).click();
      await page.getByRole('heading', { name: 'Remote access: nx-hutch' }).waitFor();
      await page.getByRole('checkbox', { name: 'demo' }).check();
      await page.getByRole('button', { name: 'Save list' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      const list = await web.server.platform.db.selectFrom('access_lists').select('id').where('name', '=', 'nx-hutch').executeTakeFirstOrThrow();
      await recordConnections(web.server.platform.db, list.id, [{ project: 'demo', name: 'demo-session-1', status: 'Connected', date: '2026-03-04 10:00:00' }]);
      await page.reload();
      await page.getByRole('table', { name: /Connections through nx-hutch/ }).getByText('demo-session-1').waitFor();
      await assertAccessible(page, 'staff access list');
    });
    assert.deepEqual(staff.errors.filter((e) => !/status of 400/.test(e)), []);
    await staff.context.close();

    const { page, context, errors } = await openPage(web, { colorScheme: 'dark', width: 1024, height: 768 });
    await journey('profile', page, async () => {
      await logIn(page, 'demo', 'demo');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
      await page.getByText('No SSH keys yet').waitFor();
      const history = page.getByRole('table', { name: 'Remote-access connections, newest first' });
      assert.match(await history.getByRole('row', { name: /demo-session-1/ }).innerText(), /nx-hutch[\s\S]*Connected/);
      await assertAccessible(page, 'profile');
      await page.getByLabel('Key name').fill('laptop');
      await page.getByLabel('Public key').fill('ssh-ed25519 AAAA');
      await page.getByRole('button', { name: 'Add key' }).click();
      await page.getByRole('alert').filter({ hasText: 'Not an OpenSSH public key' }).waitFor();
      assert.equal(await page.getByLabel('Public key').getAttribute('aria-invalid'), 'true');
      await page.getByLabel('Public key').fill(ED25519);
      await page.getByRole('button', { name: 'Add key' }).click();
      const row = page.getByRole('row', { name: /laptop/ });
      await row.waitFor();
      assert.match(await row.innerText(), /([0-9a-f]{2}:){15}[0-9a-f]{2}/);
      await page.getByRole('button', { name: 'Remove key laptop' }).click();
      await page.getByRole('alertdialog', { name: 'Remove the SSH key laptop?' }).getByRole('button', { name: 'Remove the key' }).click();
      await page.getByText('No SSH keys yet').waitFor();
    });
    assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), []);
    await context.close();
  });
});
