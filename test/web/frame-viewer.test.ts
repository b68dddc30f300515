// Issue 11, the frame viewer on the dataset page, in Chromium. MxDC uploads a dataset of three CBF
// frames (written by fabio through scripts/make-frame-fixtures.py) with its detector geometry;
// `demo` opens it and sees each brightness drawn differently, steps and plays through the frames,
// zooms in (the visible rectangle is fetched at native resolution), sees labelled resolution rings,
// reads the value of the pixel under the cursor, and downloads the raw frame. Light and dark.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { tempDir } from '../helpers/database.ts';
import { waitFor } from '../helpers/wait.ts';
import { MxdcClient } from '../support/mxdc/client.ts';
import { makeFrameFixtures } from '../dataproxy/frame-fixtures.ts';
import type { FrameFixtures } from '../dataproxy/frame-fixtures.ts';
import { assertAccessible, journey, logIn, openPage, startWebApp } from './web-app.ts';
import type { OpenPage, WebApp } from './web-app.ts';

/** A digest of the picture as the page decoded it (drawn on a canvas), and its natural width. */
const PIXELS_OF = `(img) => {
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const context = canvas.getContext('2d');
  context.drawImage(img, 0, 0);
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let hash = 0;
  for (let i = 0; i < data.length; i += 4) hash = (hash * 31 + data[i]) | 0;
  return { width: img.naturalWidth, hash };
}`;

describe('the frame viewer in the browser', () => {
  let web: WebApp;
  let tab: OpenPage;
  let page: Page;
  let usersRoot: string;
  let fixtures: FrameFixtures;
  let datasetId: number;

  before(async () => {
    usersRoot = fs.realpathSync(tempDir('lightpath-web-frames-'));
    web = await startWebApp({ env: { LIGHTPATH_DATA_ROOTS: usersRoot, LIGHTPATH_DATA_USER_ROOT: usersRoot } });
    const dataDir = path.join(usersRoot, 'demo', 'frames', 'lyso-02');
    fs.mkdirSync(dataDir, { recursive: true });
    fixtures = makeFrameFixtures(dataDir, { series: 3 });
    const mxdc = new MxdcClient(web.baseUrl, 'demo');
    assert.equal((await mxdc.register()).status, 200);
    const data = await mxdc.addData('SIM-1', {
      name: 'lyso-02_1', frames: '1-3', filename: 'series_{:05d}.cbf', type: 'DATA', directory: dataDir,
      energy: 12.658, attenuation: 0, exposure: 0.1, beam_size: 50, detector_type: 'PILATUS 6M',
      beam_x: 150, beam_y: 130, distance: 40, pixel_size: 0.172, detector_size: [300, 260], resolution: 2.0, start_angle: 0, delta_angle: 1,
    });
    assert.equal(data.status, 200, data.text);
    datasetId = data.body.id;
    tab = await openPage(web);
    page = tab.page;
    await logIn(page, 'demo', 'demo');
  });
  after(async () => {
    await tab?.context.close();
    await web?.close();
    fs.rmSync(usersRoot, { recursive: true, force: true });
  });

  /** Polled from here: the page's CSP forbids the string evaluation waitForFunction would do in it. */
  async function imageLoaded(condition: string): Promise<void> {
    await waitFor(`an image with ${condition}`, () => page.evaluate(`[...document.images].some((i) => i.complete && ${condition})`) as Promise<boolean>);
  }

  /** The frame shown, once its picture has loaded: its URL and pixels. */
  async function shownFrame(number: number, code: string): Promise<{ src: string; width: number; hash: number }> {
    const image = page.getByRole('img', { name: new RegExp(`^Diffraction frame ${number} of lyso-02_1`) });
    await image.waitFor();
    await imageLoaded(`i.alt.startsWith('Diffraction frame ${number} ') && i.src.endsWith('/${code}.png') && i.naturalWidth > 0`);
    const src = await image.getAttribute('src') ?? '';
    const pixels = await page.evaluate(`(${PIXELS_OF})([...document.images].find((i) => i.alt.startsWith('Diffraction frame ${number} ')))`);
    return { src, ...(pixels as { width: number; hash: number }) };
  }

  test('brightness, stepping, playing, zooming, rings, the value under the cursor and the raw download', async () => {
    await journey('frame-viewer', page, async () => {
      await page.goto(`/datasets/${datasetId}/`);
      await page.getByRole('heading', { level: 1, name: 'lyso-02_1' }).waitFor();

      // Each brightness: a full preview, drawn differently.
      const hashes = new Set<number>();
      for (const [label, code] of [['Normal', 'nm'], ['Dark (more contrast)', 'dk'], ['Light', 'lt'], ['Extra light', 'xl']]) {
        await page.getByLabel('Brightness').selectOption({ label });
        const shown = await shownFrame(1, code);
        assert.equal(shown.width, 1024, label);
        assert.match(shown.src, new RegExp(`/download/files/frame/[0-9a-f]{40}/series_00001\\.cbf/${code}\\.png$`));
        hashes.add(shown.hash);
      }
      assert.equal(hashes.size, 4, 'the four brightness codes look different');
      await page.getByLabel('Brightness').selectOption({ label: 'Normal' });
      const first = await shownFrame(1, 'nm');

      // Stepping changes the picture; the number box jumps; Play runs to the last frame and stops.
      await page.getByRole('button', { name: 'Next frame' }).click();
      const second = await shownFrame(2, 'nm');
      assert.match(second.src, /series_00002\.cbf\/nm\.png$/);
      assert.notEqual(second.hash, first.hash, 'frame 2 looks different from frame 1');
      await page.getByLabel('Frame', { exact: true }).fill('3');
      await page.getByLabel('Frame', { exact: true }).press('Enter');
      assert.notEqual((await shownFrame(3, 'nm')).hash, second.hash);
      await page.getByRole('button', { name: 'First frame' }).click();
      await page.getByLabel('Speed').selectOption({ label: '10 frames/s' });
      await page.getByRole('button', { name: 'Play' }).click();
      await shownFrame(3, 'nm');
      await page.getByRole('button', { name: 'Play' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Next frame' }).isDisabled(), true, 'stopped at the last frame');
      await page.getByRole('button', { name: 'First frame' }).click();
      await shownFrame(1, 'nm');

      // Rings with their resolution, from the metadata.
      const rings = page.getByRole('img', { name: 'Resolution rings' });
      const labels = await rings.locator('text').allTextContents();
      assert.ok(labels.length >= 3 && labels.every((label) => /^\d+(\.\d+)? Å$/.test(label)), labels.join(', '));
      await page.getByRole('checkbox', { name: 'Resolution rings' }).uncheck();
      assert.equal(await rings.count(), 0);
      await page.getByRole('checkbox', { name: 'Resolution rings' }).check();

      // The value under the cursor is the writer's value of that pixel.
      const stage = page.getByRole('group', { name: /^Frame picture/ });
      const box = (await stage.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
      const readout = page.getByText(/^Value -?\d+/);
      await readout.waitFor();
      const [, x, y] = /x (\d+), y (\d+)/.exec(await page.getByText(/^x \d+, y \d+$/).innerText())!;
      const expected = fixtures.pixels('series_00001')[Number(y) * 300 + Number(x)];
      assert.match(await readout.innerText(), new RegExp(`^Value ${expected}\\b`));
      await page.getByText(/^Resolution \d+\.\d\d Å$/).waitFor();

      // Zooming in fetches the rectangle in view at the frame's own resolution.
      const zoomText = page.getByText(/^Zoom \d+ % /);
      const fitted = await zoomText.innerText();
      const region = page.waitForResponse((response) => /\/series_00001\.cbf\/region\.png\?/.test(response.url()));
      for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
      const answer = await region;
      assert.equal(answer.status(), 200);
      const query = new URL(answer.url()).searchParams;
      const [w, h] = [Number(query.get('w')), Number(query.get('h'))];
      assert.ok(w < 300 && h < 260 && w > 10 && h > 10, `a part of the frame, ${w} × ${h}`);
      assert.equal(query.get('bb'), 'nm');
      await imageLoaded(`i.src.includes('/region.png?') && i.naturalWidth === ${w}`);
      // The keyboard: + zooms, 0 fits the whole frame again.
      await stage.focus();
      await page.keyboard.press('+');
      assert.notEqual(await zoomText.innerText(), fitted);
      await stage.focus();
      await page.keyboard.press('0');
      await waitFor('the whole frame fitted again', async () => (await zoomText.innerText()) === fitted);

      // The raw frame.
      const raw = await page.getByRole('link', { name: 'Download this frame (raw)' }).getAttribute('href');
      const download = await page.request.get(raw!);
      assert.equal(download.status(), 200);
      assert.equal((await download.body()).length, fs.statSync(path.join(fixtures.dir, 'series_00001.cbf')).size);

      await assertAccessible(page, 'the frame viewer');
      assert.deepEqual(tab.errors, []);
    });
  });

  test('the viewer in the dark theme is accessible too', async () => {
    const dark = await openPage(web, { colorScheme: 'dark', width: 1024, height: 768 });
    try {
      await journey('frame-viewer-dark', dark.page, async () => {
        await logIn(dark.page, 'demo', 'demo');
        await dark.page.goto(`/datasets/${datasetId}/`);
        await dark.page.getByRole('img', { name: 'Resolution rings' }).waitFor();
        await assertAccessible(dark.page, 'the frame viewer, dark, 1024×768');
        assert.deepEqual(dark.errors, []);
      });
    } finally {
      await dark.context.close();
    }
  });
});
