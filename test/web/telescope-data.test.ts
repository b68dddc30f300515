// Issue 10, the telescope data pages in Chromium. The teacher opens m13's data page, selects its 12
// frames and runs a Timelapse: the process appears, and its page (opened from the async status
// API's view_url) shows the log growing once a worker takes the job; the data page sees it finish
// without a reload. Two FITS files are uploaded with progress and listed, one is deleted after a
// confirmation, one sent by another client appears by itself, and a selection goes through the
// gallery into a new group, whose page lists it.
// A visitor sees the public target's data page read-only and a not-found page for a private one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { tempDir } from '../helpers/database.ts';
import { login } from '../helpers/accounts.ts';
import { loadFile } from '../../src/loader/load-file.ts';
import { loadSections } from '../../src/modules.ts';
import { assertAccessible, journey, logIn, openPage, startWebApp } from './web-app.ts';
import type { OpenPage, WebApp } from './web-app.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const FRAMES = path.join(root, 'examples', 'demo-observatory', 'frames');

describe('telescope data pages in the browser', () => {
  let web: WebApp;
  let tab: OpenPage;
  let page: Page;
  let m13: number;
  let uploads: string;

  before(async () => {
    web = await startWebApp();
    await loadFile(web.server.platform, path.join(root, 'examples', 'demo-observatory.yaml'), loadSections);
    m13 = (await web.server.platform.db.selectFrom('targets').select('id').where('identifier', '=', 'm13').executeTakeFirstOrThrow()).id;
    // Two frames under new names, as a teacher would upload from their own disk.
    uploads = tempDir('lightpath-web-uploads-');
    for (const [index, frame] of fs.readdirSync(FRAMES).filter((f) => f.endsWith('.fits.fz')).sort().slice(0, 2).entries()) {
      fs.copyFileSync(path.join(FRAMES, frame), path.join(uploads, `night-${index + 1}.fits.fz`));
    }
    tab = await openPage(web);
    page = tab.page;
    await logIn(page, 'teacher', 'teacher');
  });
  after(async () => {
    await tab?.context.close();
    await web?.close();
    if (uploads) fs.rmSync(uploads, { recursive: true, force: true });
  });

  const productRow = (name: string) => page.getByRole('table', { name: 'Data products of this target, newest first' })
    .getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

  test('a Timelapse of the 12 frames appears, logs and finishes on the open pages without a reload', async () => {
    await journey('telescope-data-timelapse', page, async () => {
      await page.goto(`/targets/${m13}/data/`);
      await page.getByRole('heading', { name: 'Data of Hercules Globular Cluster' }).waitFor();
      await page.getByText('No processes yet').waitFor();
      await page.getByRole('checkbox', { name: /^Select elp0m411/ }).first().waitFor();
      await assertAccessible(page, 'the data page');

      await page.getByRole('button', { name: 'Select all', exact: true }).click();
      await page.getByText('12 selected').waitFor();
      await page.getByRole('button', { name: 'Deselect all' }).click();
      await page.getByLabel('Select group').selectOption({ label: 'Good quality data' });
      await page.getByText('12 selected').waitFor();

      await page.getByLabel('Pipeline', { exact: true }).selectOption('Timelapse');
      await page.getByLabel('Size (px)').fill('64');
      await page.getByLabel('Format').selectOption('gif');
      await page.getByRole('button', { name: 'Run Timelapse on 12 files' }).click();
      const row = page.getByRole('table', { name: 'Processes of this target, newest first' }).getByRole('row').filter({ hasText: /timelapse_m13_/ });
      await row.waitFor();
      assert.match(await row.innerText(), /Pending/);

      // The view_url the async status API gives, opened in a second tab while no worker runs yet.
      const status = await page.request.get(`/api/async/status/${m13}/`);
      assert.equal(status.status(), 200);
      const listed = (await status.json()).processes as Array<{ view_url: string; identifier: string }>;
      assert.equal(listed.length, 1);
      assert.match(listed[0].view_url, /^\/pipeline\/\d+$/);
      const second = await tab.context.newPage();
      second.on('console', (message) => { if (message.type() === 'error') tab.errors.push(message.text()); });
      await second.goto(listed[0].view_url);
      await second.getByRole('heading', { name: listed[0].identifier }).waitFor();
      const log = second.getByRole('log', { name: `Log of ${listed[0].identifier}` });
      assert.equal(await log.innerText(), 'Nothing logged yet.');
      await assertAccessible(second, 'the pipeline page');

      await web.server.platform.jobs.startWorking();
      // The same pane, never reloaded, fills with the run's lines up to the last.
      await log.filter({ hasText: /Finished/ }).waitFor({ timeout: 60000 });
      const lines = (await log.innerText()).split('\n').filter(Boolean);
      assert.equal(lines[0], 'Sorting frames');
      for (let frame = 1; frame <= 12; frame++) assert.ok(lines.includes(`Processing frame ${frame}/12`), `frame ${frame} in: ${lines.join(' | ')}`);
      await second.getByText('Done').waitFor();
      assert.match(await second.getByRole('link', { name: /_outputs$/ }).innerText(), /timelapse_m13_/);
      await second.close();

      // Back on the data page, untouched since: the run finished and its timelapse is listed.
      await row.getByText('Done').waitFor({ timeout: 30000 });
      await productRow(listed[0].identifier).waitFor();
      assert.equal(await row.getByRole('link', { name: listed[0].identifier }).getAttribute('href'), listed[0].view_url);
    });
  });

  test('uploads with progress, a confirmed delete, and the gallery into a new group', async () => {
    await journey('telescope-data-upload-group', page, async () => {
      await page.goto(`/targets/${m13}/data/`);
      await page.getByRole('heading', { name: 'Upload files' }).waitFor();
      await page.getByLabel('Files to upload').setInputFiles([path.join(uploads, 'night-1.fits.fz'), path.join(uploads, 'night-2.fits.fz')]);
      const uploadList = page.getByRole('list', { name: 'Uploads' });
      for (const name of ['night-1.fits.fz', 'night-2.fits.fz']) {
        await uploadList.getByRole('listitem').filter({ hasText: name }).getByText('Uploaded').waitFor();
        assert.equal(await page.getByRole('progressbar', { name: `Upload of ${name}` }).evaluate((bar) => (bar as HTMLProgressElement).value), 1);
        await productRow(name).waitFor();
      }
      await assertAccessible(page, 'the data page after uploads');

      // A file sent by another client (a script, another tab) shows up on the open page by itself.
      const sent = await web.server.app.inject({
        method: 'POST', url: `/rest/v1/targets/${m13}/data-products?file_name=night-3.fits.fz`,
        headers: { ...(await login(web.server.app, 'teacher', 'teacher')).headers, 'content-type': 'application/octet-stream' },
        payload: fs.readFileSync(path.join(uploads, 'night-1.fits.fz')),
      });
      assert.equal(sent.statusCode, 201, sent.body);
      await productRow('night-3.fits.fz').waitFor();

      await page.getByRole('checkbox', { name: 'Select night-1.fits.fz' }).check();
      await page.getByRole('button', { name: 'Delete selected' }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByText('Delete 1 data product?').waitFor();
      await assertAccessible(page, 'the delete confirmation');
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await page.getByText('Deleted 1 data product.').waitFor();
      await productRow('night-1.fits.fz').waitFor({ state: 'detached' });
      await productRow('night-2.fits.fz').waitFor();

      await page.getByRole('checkbox', { name: 'Select night-2.fits.fz' }).check();
      await page.getByRole('checkbox', { name: 'Select elp0m411-kb80-20190801-0012-e91.fits.fz' }).check();
      await page.getByRole('link', { name: 'View 2 files in the gallery' }).click();
      await page.waitForURL(/\/gallery\/\?product_pks=\d+,\d+$/);
      await page.getByRole('heading', { name: 'Gallery' }).waitFor();
      await page.getByText('2 of 2 selected').waitFor();
      assert.equal(await page.getByRole('img', { name: /night-2\.fits\.fz/ }).count(), 1);
      await assertAccessible(page, 'the gallery');
      await page.getByLabel('New group\'s name').fill('Best of the night');
      await page.getByRole('button', { name: 'Add 2 data products to the group' }).click();
      await page.waitForURL(/\/dataproducts\/data\/group\/\d+\/$/);
      await page.getByRole('heading', { name: 'Best of the night' }).waitFor();
      await page.getByText('2 data products').waitFor();
      for (const name of ['night-2.fits.fz', 'elp0m411-kb80-20190801-0012-e91.fits.fz']) await page.getByRole('link', { name, exact: true }).waitFor();
      await assertAccessible(page, 'the group page');
      assert.deepEqual(tab.errors, []);
    });
  });

  test('a visitor sees the public target\'s data read-only, and a not-found page for a private target', async () => {
    const hidden = await web.server.app.inject({
      method: 'POST', url: '/rest/v1/targets', headers: (await login(web.server.app, 'teacher', 'teacher')).headers,
      payload: { identifier: 'secret', name: 'Secret target', ra: 10, dec: 20, public: false },
    });
    assert.equal(hidden.statusCode, 201, hidden.body);
    const visitor = await openPage(web);
    // A visitor's page asks who is signed in and hears 401 (the browser logs that); nothing else may fail.
    const refused: string[] = [];
    visitor.page.on('response', (response) => { if (response.status() >= 400) refused.push(`${response.status()} ${new URL(response.url()).pathname}`); });
    try {
      await journey('telescope-data-visitor', visitor.page, async () => {
        const p = visitor.page;
        await p.goto(`/targets/${m13}/data/`);
        await p.getByRole('heading', { name: 'Data of Hercules Globular Cluster' }).waitFor();
        await p.getByRole('link', { name: 'Log in' }).waitFor();
        await p.getByRole('checkbox', { name: 'Select night-2.fits.fz' }).waitFor();
        assert.equal(await p.getByRole('button', { name: /^Run / }).count(), 0, 'no pipelines for a visitor');
        assert.equal(await p.getByRole('heading', { name: 'Upload files' }).count(), 0, 'no uploads for a visitor');
        await assertAccessible(p, 'the data page, signed out');
        await p.goto(`/targets/${hidden.json().id}/data/`);
        await p.getByRole('heading', { name: 'Target not found' }).waitFor();
        await assertAccessible(p, 'the not-found page');
        assert.deepEqual(refused.filter((r) => r !== '401 /rest/v1/auth/me'), [`404 /rest/v1/targets/${hidden.json().id}`]);
        assert.deepEqual(visitor.errors.filter((e) => !/status of (401|404)/.test(e)), []);
      });
    } finally {
      await visitor.context.close();
    }
  });
});
