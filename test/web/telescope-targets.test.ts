// Issue 10, the target pages in Chromium. The teacher finds m13 in the targets list (with its
// newest frame's server-made thumbnail), searches for it and opens it: the latest timelapse plays
// inline, the light curve is drawn, Update status answers. A comet is created with only its
// scheme's fields, the API's problem shown next to the missing element, then deleted after a
// confirmation. A visitor opens the public target where an alert email links, and gets the
// not-found page for a private one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { login } from '../helpers/accounts.ts';
import { waitFor } from '../helpers/wait.ts';
import { loadFile } from '../../src/loader/load-file.ts';
import { loadSections } from '../../src/modules.ts';
import { assertAccessible, journey, logIn, openPage, startWebApp } from './web-app.ts';
import type { OpenPage, WebApp } from './web-app.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('telescope target pages in the browser', () => {
  let web: WebApp;
  let tab: OpenPage;
  let page: Page;
  let m13: number;
  let hidden: number;

  before(async () => {
    web = await startWebApp();
    const { platform, app } = web.server;
    await loadFile(platform, path.join(root, 'examples', 'demo-observatory.yaml'), loadSections);
    await platform.jobs.startWorking();
    const teacher = (await login(app, 'teacher', 'teacher')).headers;
    const rest = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const response = await app.inject({ method, url, headers: teacher, ...(payload === undefined ? {} : { payload: payload as never }) });
      assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
      return response.json();
    };
    m13 = (await rest('GET', '/rest/v1/targets?identifier=m13')).results[0].id;
    // The demo has no timelapse or photometry yet: make a timelapse of its frames and add a light curve.
    const frames = (await rest('GET', `/rest/v1/targets/${m13}/data-products?data_product_type=fits_file`)).results as Array<{ id: number }>;
    const run = await rest('POST', `/rest/v1/targets/${m13}/pipelines/Timelapse`, { data_product_ids: frames.map((f) => f.id), settings: { format: 'webm', size: 128, fps: 4 } });
    await waitFor('the timelapse', async () => (await rest('GET', `/rest/v1/processes/${run.id}`)).status === 'created', 120000);
    await rest('POST', `/rest/v1/targets/${m13}/reduced-datums`, {
      source_name: 'class notes',
      datums: Array.from({ length: 8 }, (_, i) => ({ timestamp: new Date(Date.UTC(2019, 7, 1, i)).toISOString(), magnitude: 12 + 0.1 * Math.sin(i), error: 0.02 })),
    });
    hidden = (await rest('POST', '/rest/v1/targets', { identifier: 'secret-nebula', name: 'Secret Nebula', ra: 10, dec: 20, public: false })).id;
    await waitFor('the frames\' thumbnails', async () => (await rest('GET', `/rest/v1/targets/${m13}`)).thumbnail_url, 60000);
    tab = await openPage(web, { width: 1024, height: 768 });
    page = tab.page;
    await logIn(page, 'teacher', 'teacher');
  });
  after(async () => {
    await tab?.context.close();
    await web?.close();
  });

  test('the teacher finds m13, and its page plays the timelapse and draws the light curve', async () => {
    await journey('telescope-targets-m13', page, async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Targets' }).click();
      await page.getByRole('heading', { name: 'Targets' }).waitFor();
      const table = page.getByRole('table', { name: 'Targets' });
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'm13', exact: true }) });
      await row.waitFor();
      assert.match(await row.innerText(), /Public/);
      const thumbnail = row.getByRole('img', { name: 'Newest frame of Hercules Globular Cluster' });
      await page.waitForFunction((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0, await thumbnail.elementHandle());
      assert.equal(await table.getByRole('row').filter({ hasText: 'Secret Nebula' }).count(), 1, 'staff see private targets too');
      await assertAccessible(page, 'the targets list');

      await page.getByRole('searchbox', { name: 'Search' }).fill('Hercules');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/search=Hercules/);
      await table.getByRole('row').filter({ hasText: 'Secret Nebula' }).waitFor({ state: 'detached' });
      await row.getByRole('link', { name: 'm13', exact: true }).click();

      await page.getByRole('heading', { level: 1, name: 'Hercules Globular Cluster' }).waitFor();
      assert.equal(new URL(page.url()).pathname, `/targets/${m13}/`);
      const video = page.getByLabel('Timelapse of Hercules Globular Cluster');
      await video.waitFor();
      await page.waitForFunction((element) => element instanceof HTMLVideoElement && element.readyState >= 2 && element.duration > 0, await video.elementHandle(), { timeout: 20000 });
      await page.getByRole('img', { name: /^Light curve of 8 measurements/ }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Observe' }).getAttribute('href'), `/observations/LCO/create/?target_id=${m13}`);
      assert.equal(await page.getByRole('link', { name: 'Data', exact: true }).getAttribute('href'), `/targets/${m13}/data/`);
      await page.getByText('myvalue').waitFor();
      await page.getByRole('button', { name: 'Update status' }).click();
      await page.getByRole('status').filter({ hasText: 'nothing to ask' }).waitFor();
      await assertAccessible(page, 'the target page');
    });
  });

  test('a comet shows only its scheme\'s elements, the missing one is pointed out, and it is deleted after a confirmation', async () => {
    await journey('telescope-targets-comet', page, async () => {
      await page.goto('/targets/');
      await page.getByRole('link', { name: 'Add a target' }).first().click();
      await page.getByRole('heading', { name: 'Add a target' }).waitFor();
      await page.getByLabel('Identifier').fill('c2026-demo');
      await page.getByLabel('Name', { exact: true }).fill('Demo Comet');
      await page.getByLabel(/Non-sidereal/).check();
      await page.getByLabel('Orbital element scheme').selectOption('MPC_COMET');
      await page.getByLabel('Perihelion distance (AU)').waitFor();
      assert.equal(await page.getByLabel('Mean anomaly (°)').count(), 0, 'a comet has no mean anomaly');
      assert.equal(await page.getByLabel('Right ascension (°)').count(), 0);
      for (const [label, value] of [['Epoch of elements (MJD)', '60000'], ['Argument of perihelion (°)', '12.5'], ['Eccentricity', '0.9'],
        ['Longitude of the ascending node (°)', '100'], ['Inclination (°)', '30'], ['Epoch of perihelion (MJD)', '60010']]) {
        await page.getByLabel(label).fill(value);
      }
      await assertAccessible(page, 'the target form');
      await page.getByRole('button', { name: 'Create target' }).click();
      const problem = page.getByText('is required for the MPC_COMET scheme', { exact: true });
      await problem.waitFor();
      assert.equal(await page.getByLabel('Perihelion distance (AU)').getAttribute('aria-invalid'), 'true');
      await page.getByLabel('Perihelion distance (AU)').fill('0.5');
      await page.getByRole('button', { name: 'Create target' }).click();
      await page.getByRole('heading', { level: 1, name: 'Demo Comet' }).waitFor();
      await page.getByText('MPC comet').waitFor();
      await assertAccessible(page, 'the comet\'s page');

      await page.getByRole('button', { name: 'Delete' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Delete Demo Comet?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Delete the target' }).click();
      await page.waitForURL((url) => url.pathname === '/targets/');
      await page.getByRole('link', { name: 'm13', exact: true }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'c2026-demo' }).count(), 0);
    });
    // The one failure the browser reports is the expected refusal of the first try (400).
    assert.deepEqual(tab.errors.filter((e) => !/status of 400\b/.test(e)), []);
  });

  test('a visitor opens the public target where an alert email links, and gets a not-found page for a private one', async () => {
    const visitor = await openPage(web);
    try {
      await journey('telescope-targets-visitor', visitor.page, async () => {
        await visitor.page.goto(`/targets/${m13}/`);
        await visitor.page.getByRole('heading', { level: 1, name: 'Hercules Globular Cluster' }).waitFor();
        await visitor.page.getByLabel('Timelapse of Hercules Globular Cluster').waitFor();
        await visitor.page.getByRole('link', { name: 'Log in' }).waitFor();
        assert.equal(await visitor.page.getByRole('button', { name: 'Update status' }).count(), 0);
        assert.equal(await visitor.page.getByRole('link', { name: 'Change' }).count(), 0);
        await assertAccessible(visitor.page, 'the public target for a visitor');

        await visitor.page.goto('/targets/');
        await visitor.page.getByRole('link', { name: 'm13', exact: true }).waitFor();
        assert.equal(await visitor.page.getByText('Secret Nebula').count(), 0);

        await visitor.page.goto(`/targets/${hidden}/`);
        await visitor.page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
        await assertAccessible(visitor.page, 'the not-found page');
      });
      // The only failures the browser reports are the expected refusals: the sign-in check (401, no
      // one is signed in) and the private target (404).
      assert.deepEqual(visitor.errors.filter((e) => !/status of (401|404)\b/.test(e)), []);
    } finally {
      await visitor.context.close();
    }
  });
});
