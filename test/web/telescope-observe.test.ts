// Issue 10, observations and the FITS viewer in Chromium, against the fake LCO portal on loopback.
// The teacher opens the observation form of m13 from the demo template, sees the portal form's
// error next to the field for a bad override, corrects it and submits; the observation appears in
// the list. The template is changed and saved through its page. A frame of m13 opens in the FITS
// viewer: zooming in, the pixel under the cursor shows its value (the file's) with RA and Dec. An
// anonymous visitor sees the public frame in the viewer too, and a not-found page for a private one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { loadFile } from '../../src/loader/load-file.ts';
import { loadSections } from '../../src/modules.ts';
import { startFakeLco } from '../../src/tom/observations/fake-lco/server.ts';
import type { FakeLco } from '../../src/tom/observations/fake-lco/server.ts';
import { celestialWcs, readFirstImage, readFitsFile } from '../../src/tom/fits/index.ts';
import { waitFor } from '../helpers/wait.ts';
import { assertAccessible, journey, logIn, openPage, startWebApp } from './web-app.ts';
import type { OpenPage, WebApp } from './web-app.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('observations, templates and the FITS viewer in the browser', () => {
  let lco: FakeLco;
  let web: WebApp;
  let tab: OpenPage;
  let page: Page;
  let m13: number;

  before(async () => {
    lco = await startFakeLco({ apiKey: 'web-key' });
    web = await startWebApp({ env: { LIGHTPATH_LCO_PORTAL_URL: lco.portalUrl, LIGHTPATH_LCO_ARCHIVE_URL: lco.archiveUrl, LIGHTPATH_LCO_API_KEY: 'web-key' } });
    await loadFile(web.server.platform, path.join(root, 'examples', 'demo-observatory.yaml'), loadSections);
    m13 = (await web.server.platform.db.selectFrom('targets').select('id').where('identifier', '=', 'm13').executeTakeFirstOrThrow()).id;
    tab = await openPage(web);
    page = tab.page;
    await logIn(page, 'teacher', 'teacher');
  });
  after(async () => {
    await tab?.context.close();
    await web?.close();
    await lco?.close();
  });

  test('the teacher submits an observation from the template: a bad override is shown at its field, then it succeeds and is listed', async () => {
    await journey('telescope-observe', page, async () => {
      await page.goto(`/observations/LCO/create/?target_id=${m13}`);
      await page.getByRole('heading', { level: 1, name: 'Observe with LCO' }).waitFor();
      await page.getByLabel('Template', { exact: true }).selectOption({ label: 'demo-template' });
      // The template's values fill the form.
      const ipp = page.getByLabel('Priority (IPP value)');
      await waitFor('the template values', async () => (await ipp.inputValue()) === '1.05');
      assert.equal(await page.getByLabel('Instrument').inputValue(), '0M4-SCICAM-SBIG');
      assert.equal(await page.getByLabel("SDSS-r': exposures").inputValue(), '3');
      await page.getByLabel('Email me when the data arrive').fill('class@school.test');
      await assertAccessible(page, 'the observation form');

      await ipp.fill('5');
      await page.getByRole('button', { name: 'Submit observation' }).click();
      await page.getByRole('alert').filter({ hasText: 'LCO did not accept the observation' }).waitFor();
      assert.equal(await ipp.getAttribute('aria-invalid'), 'true');
      const described = await ipp.getAttribute('aria-describedby');
      assert.ok(described);
      const problem = page.locator(`[id="${described!.split(' ').at(-1)}"]`);
      assert.equal(await problem.innerText(), 'Ensure this value is less than or equal to 2.');
      assert.equal(await web.server.platform.db.selectFrom('observation_records').select('id').executeTakeFirst(), undefined, 'nothing recorded');
      await assertAccessible(page, 'the observation form with its errors');

      await ipp.fill('1.2');
      await page.getByRole('button', { name: 'Submit observation' }).click();
      await page.getByRole('status').filter({ hasText: 'Submitted: LCO took the request' }).waitFor();
      const record = await web.server.platform.db.selectFrom('observation_records').selectAll().executeTakeFirstOrThrow();
      assert.equal(JSON.parse(record.parameters).ipp_value, 1.2);
      const alert = await web.server.platform.db.selectFrom('observation_alerts').selectAll().executeTakeFirstOrThrow();
      assert.equal(alert.email, 'class@school.test');
      await page.getByRole('heading', { level: 1, name: `LCO request ${record.observation_id}` }).waitFor();
      await assertAccessible(page, 'the observation page');

      await page.getByRole('link', { name: 'Observations', exact: true }).first().click();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: new RegExp(`LCO ${record.observation_id}`) }) });
      await row.waitFor();
      assert.match(await row.innerText(), /Hercules Globular Cluster[\s\S]*Not checked yet/);
      await assertAccessible(page, 'the observation list');
      // The browser logs the refused submission (400); nothing else.
      assert.deepEqual(tab.errors.filter((e) => !/status of 400/.test(e)), []);
    });
  });

  test('the teacher changes the template on its page; the facility checks it first', async () => {
    await journey('telescope-template', page, async () => {
      await page.goto('/observations/templates/');
      await page.getByRole('link', { name: 'demo-template', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Template demo-template' }).waitFor();
      await assertAccessible(page, 'the template page');
      const airmass = page.getByLabel('Largest airmass');
      await waitFor('the template values', async () => (await airmass.inputValue()) === '1.6');
      await page.getByLabel('Instrument').selectOption('');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('alert').filter({ hasText: 'The facility form rejected these fields.' }).waitFor();
      await page.getByLabel('Instrument').selectOption('0M4-SCICAM-SBIG');
      await airmass.fill('1.9');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      const stored = await web.server.platform.db.selectFrom('observation_templates').select('fields').executeTakeFirstOrThrow();
      assert.equal(JSON.parse(stored.fields).max_airmass, 1.9);
      assert.deepEqual(tab.errors.filter((e) => !/status of 400/.test(e)), []);
    });
  });

  test('a frame in the FITS viewer: zoom, and the value, RA and Dec under the cursor', async () => {
    await journey('telescope-fits-viewer', page, async () => {
      const product = await web.server.platform.db.selectFrom('data_products').select(['id', 'file_key'])
        .where('target_id', '=', m13).where('data_product_type', '=', 'fits_file').orderBy('id').executeTakeFirstOrThrow();
      const fileName = product.file_key.split('/').at(-1)!;
      await page.goto(`/dataproducts/${product.id}/view/`);
      await page.getByRole('heading', { level: 1, name: fileName }).waitFor();
      await page.getByRole('img', { name: new RegExp(`^${fileName.replaceAll('.', '\\.')}, 128 × 128 pixels`) }).waitFor();
      const zoomText = page.getByText(/^Zoom \d+ % /);
      const fitted = await zoomText.innerText();
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await page.getByRole('button', { name: 'Zoom in' }).click();
      assert.notEqual(await zoomText.innerText(), fitted);
      // The keyboard zooms and pans too.
      const stage = page.getByRole('group', { name: /^Image:/ });
      await stage.focus();
      await page.keyboard.press('+');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('0');
      await waitFor('the whole image fitted again', async () => (await zoomText.innerText()) === fitted);
      await page.getByRole('button', { name: 'Zoom in' }).click();

      const box = (await stage.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.55);
      const valueText = page.getByText(/^Value /);
      await valueText.waitFor();
      const [, fx, fy] = /^Pixel (\d+), (\d+)$/.exec(await page.getByText(/^Pixel \d+, \d+$/).innerText())!;
      const image = readFirstImage(await readFitsFile((await web.server.platform.files.localPath(product.file_key))!));
      const expected = image.data[(Number(fy) - 1) * image.width + (Number(fx) - 1)];
      assert.equal(Number((await valueText.innerText()).slice('Value '.length)), Number(expected.toPrecision(6)));
      const sky = celestialWcs(image.header).pixelToSky(Number(fx), Number(fy));
      assert.match(await page.getByText(/^RA /).innerText(), new RegExp(`^RA \\d\\d:\\d\\d:\\d\\d\\.\\d\\d \\(${sky.ra.toFixed(5)}°\\)$`));
      assert.match(await page.getByText(/^Dec [+−]/).innerText(), new RegExp(`^Dec \\+\\d\\d:\\d\\d:\\d\\d\\.\\d \\(${sky.dec.toFixed(5)}°\\)$`));
      await assertAccessible(page, 'the FITS viewer');
      assert.deepEqual(tab.errors.filter((e) => !/status of 400/.test(e)), []);
    });
  });

  test('an anonymous visitor views a public target\'s frame, and gets a not-found page for a private one', async () => {
    const visitor = await openPage(web, { width: 1024, height: 768, colorScheme: 'dark' });
    try {
      await journey('telescope-fits-viewer-visitor', visitor.page, async () => {
        const { db } = web.server.platform;
        const product = await db.selectFrom('data_products').select('id').where('target_id', '=', m13).orderBy('id').executeTakeFirstOrThrow();
        await visitor.page.goto(`/dataproducts/${product.id}/view/`);
        await visitor.page.getByRole('group', { name: /^Image:/ }).waitFor();
        await assertAccessible(visitor.page, 'the FITS viewer for a visitor, dark, 1024×768');
        await db.updateTable('targets').set({ is_public: false }).where('id', '=', m13).execute();
        try {
          await visitor.page.goto(`/dataproducts/${product.id}/view/`);
          await visitor.page.getByRole('heading', { level: 1, name: 'Data product not found' }).waitFor();
          await assertAccessible(visitor.page, 'the not-found page');
        } finally {
          await db.updateTable('targets').set({ is_public: true }).where('id', '=', m13).execute();
        }
        // Nothing but the answers the pages explain: not signed in (401), not found (404).
        assert.deepEqual(visitor.errors.filter((e) => !/status of (401|404)/.test(e)), []);
      });
    } finally {
      await visitor.context.close();
    }
  });
});
