// Issue 9, project users → sessions, datasets and the dashboard, in Chromium. MxDC (the MxDC-like
// client) launches a session on SIM-1 for `demo` while demo watches the sessions list; demo opens
// it; MxDC uploads a dataset and then a report, and both appear on the open page without a
// reload. The dataset page shows its metadata, snapshot and frames; one written outside the data
// roots says it cannot be downloaded. The dashboards show the demo shipment on site, where its
// containers sit, the session, and for staff the running session and the automounters.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { tempDir } from '../helpers/database.ts';
import { MxdcClient, sessionKey } from '../support/mxdc/client.ts';
import { assertAccessible, journey, logIn, openPage, startWebApp } from './web-app.ts';
import type { OpenPage, WebApp } from './web-app.ts';
import { openSessionPage } from './sessions-steps.ts';

/** A 2×2 PNG, as a sample snapshot MxDC would have saved beside the frames. */
const SNAPSHOT = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGNocFAAIgYIBQAaDgOBnA45xwAAAABJRU5ErkJggg==', 'base64');

describe('sessions, datasets and the dashboard in the browser', () => {
  let web: WebApp;
  let tab: OpenPage;
  let page: Page;
  let mxdc: MxdcClient;
  let usersRoot: string;
  const session = sessionKey('SIM-1');
  const datasetName = 'lyso-01_1';

  before(async () => {
    usersRoot = fs.realpathSync(tempDir('lightpath-web-users-'));
    web = await startWebApp({ env: { LIGHTPATH_DATA_ROOTS: usersRoot, LIGHTPATH_DATA_USER_ROOT: usersRoot } });
    tab = await openPage(web);
    page = tab.page;
    await logIn(page, 'demo', 'demo');
    mxdc = new MxdcClient(web.baseUrl, 'demo');
    assert.equal((await mxdc.register()).status, 200);
  });
  after(async () => {
    await tab?.context.close();
    await web?.close();
    fs.rmSync(usersRoot, { recursive: true, force: true });
  });

  function directory(relative: string): string {
    const full = path.join(usersRoot, relative);
    fs.mkdirSync(full, { recursive: true });
    return full;
  }

  test('a session launched by MxDC appears, and its dataset and report arrive on the open page without a reload', async () => {
    await journey('sessions-live-upload', page, async () => {
      await page.goto('/sessions/');
      await page.getByText(/No sessions yet/).waitFor();
      await assertAccessible(page, 'the empty sessions list');

      assert.equal((await mxdc.launch('SIM-1', session)).status, 200);
      await page.getByRole('link', { name: session, exact: true }).waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: session }) });
      assert.match(await row.innerText(), /SIM-1[\s\S]*Active/);
      await assertAccessible(page, 'the sessions list');

      await openSessionPage(page, session);
      await page.getByText(/No datasets yet/).waitFor();
      await page.getByRole('table', { name: 'Stretches of the session' }).getByText('running now').waitFor();
      assert.match(await page.getByRole('link', { name: /Download the session's files/ }).getAttribute('href') ?? '', new RegExp(`^/download/files/archive/[0-9a-f]{40}/${session}\\.tar\\.gz$`));
      await assertAccessible(page, 'a new session');
      await page.evaluate('window.__marker = 1');

      // MxDC collects lyso-01 (group lyso) and uploads the dataset, then its processing report.
      const samples = (await mxdc.samples('SIM-1')).body as Array<{ id: number; name: string }>;
      const lyso = samples.find((s) => s.name === 'lyso-01')!;
      const dataDir = directory(`demo/${session}/lyso-01`);
      fs.writeFileSync(path.join(dataDir, `${datasetName}.png`), SNAPSHOT);
      const data = await mxdc.addData('SIM-1', {
        name: datasetName, frames: '1-90', filename: `${datasetName}_{:05d}.cbf`, type: 'DATA', sample_id: lyso.id, directory: dataDir,
        energy: 12.658, attenuation: 50, exposure: 0.25, beam_size: 50, resolution: 1.8, start_angle: 0, delta_angle: 1, detector_type: 'PILATUS 6M',
      });
      assert.equal(data.status, 200, data.text);
      const group = page.getByRole('region', { name: 'Group lyso' });
      await group.getByRole('table', { name: 'Sample lyso-01' }).getByRole('link', { name: datasetName }).waitFor();
      assert.match(await group.getByRole('row', { name: new RegExp(datasetName) }).innerText(), /DATA\s+90\s+0\.25\s+12\.6580\s+50/);

      const report = await mxdc.addReport('SIM-1', {
        data_id: [data.body.id], directory: directory(`demo/${session}/process`), title: 'Native analysis of lyso-01_1', kind: 'MX Native Analysis', score: 0.85,
        details: [{
          title: 'Data quality',
          content: [
            { title: 'Statistics', kind: 'table', header: 'column', data: [['Resolution (Å)', 1.8], ['Completeness (%)', 99.5]] },
            { title: 'Completeness by shell', kind: 'lineplot', data: { x: ['Resolution', 4, 3, 2], y1: [['Completeness (%)', 99.9, 99.7, 98.1]] } },
          ],
        }],
      });
      assert.equal(report.status, 200, report.text);
      await group.getByRole('link', { name: 'Native analysis of lyso-01_1' }).waitFor();
      await group.getByText('0.85 · excellent').waitFor();
      assert.equal(await page.evaluate('window.__marker'), 1, 'the page was not reloaded');
      await page.getByText('1 dataset, 1 report').waitFor();
      await assertAccessible(page, 'a session with a dataset and a report');
      assert.deepEqual(tab.errors, []);
    });
  });

  test('a dataset page shows its metadata, snapshot and frames; one written outside the data roots says it has no download', async () => {
    await journey('sessions-dataset-page', page, async () => {
      await openSessionPage(page, session);
      const snapshotSent = page.waitForResponse((response) => response.url().includes('/download/files/snapshot/'));
      await page.getByRole('link', { name: datasetName, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: datasetName }).waitFor();
      const collection = page.getByRole('region', { name: 'Collection' });
      await collection.getByText('12.6580 keV').waitFor();
      await collection.getByText('0.25 s').waitFor();
      const meta = page.getByRole('table', { name: 'Metadata MxDC recorded' });
      assert.match(await meta.getByRole('row', { name: /^Resolution/ }).innerText(), /1\.8 Å/);
      assert.match(await meta.getByRole('row', { name: /^Detector type/ }).innerText(), /PILATUS 6M/);

      const snapshot = page.getByRole('img', { name: `Snapshot of lyso-01 taken for ${datasetName}` });
      await snapshot.waitFor();
      const sent = await snapshotSent;
      assert.equal(sent.url(), new URL(await snapshot.getAttribute('src') ?? '', web.baseUrl).href);
      assert.deepEqual(await sent.body(), SNAPSHOT, 'the snapshot MxDC saved, not the placeholder');

      const frame = page.getByRole('img', { name: /^Diffraction frame 1 of / });
      await frame.waitFor();
      assert.match(await frame.getAttribute('src') ?? '', new RegExp(`/download/files/frame/[0-9a-f]{40}/${datasetName}_00001\\.cbf/nm\\.png$`));
      await page.getByRole('button', { name: 'Next frame' }).click();
      await page.getByLabel('Brightness').selectOption({ label: 'Light' });
      assert.match(await page.getByRole('img', { name: /^Diffraction frame 2 of / }).getAttribute('src') ?? '', /_00002\.cbf\/lt\.png$/);
      await page.getByRole('region', { name: 'Reports' }).getByRole('link', { name: 'Native analysis of lyso-01_1' }).waitFor();
      const download = await page.getByRole('link', { name: 'Download the dataset (.tar.gz)' }).getAttribute('href');
      assert.equal((await page.request.head(download!)).status(), 200);
      await assertAccessible(page, 'a dataset');

      const elsewhere = await mxdc.addData('SIM-1', { name: 'elsewhere_1', frames: '1', filename: 'elsewhere_1_{:04d}.cbf', type: 'SCREEN', directory: tempDir('lightpath-outside-'), energy: 12 });
      assert.equal(elsewhere.status, 200, elsewhere.text);
      await page.goto(`/datasets/${elsewhere.body.id}/`);
      await page.getByRole('note').getByText(/No download: the files were written outside/).waitFor();
      assert.equal(await page.getByRole('link', { name: /Download the dataset/ }).count(), 0);
      await assertAccessible(page, 'a dataset without files');

      await page.goto('/datasets/?type=SCREEN');
      await page.getByRole('link', { name: 'elsewhere_1' }).waitFor();
      assert.equal(await page.getByRole('link', { name: datasetName, exact: true }).count(), 0, 'the kind filter leaves DATA out');
      await assertAccessible(page, 'the datasets list');
      assert.deepEqual(tab.errors, []);
    });
  });

  test('the dashboards: demo sees the shipment on site, where its containers sit and the session; staff see it running and the automounters', async () => {
    await journey('sessions-dashboards', page, async () => {
      await page.goto('/');
      await page.getByRole('link', { name: '1 On site' }).waitFor();
      assert.equal(await page.getByRole('link', { name: '1 On site' }).getAttribute('href'), '/shipments/?state=on_site');
      const containers = page.getByRole('table', { name: 'Containers on site and where they sit' });
      assert.match(await containers.getByRole('row', { name: /^DEMO-001/ }).innerText(), /SIM-1\s+SIM-1-SAM, port LA/);
      assert.match(await containers.getByRole('row', { name: /^DEMO-002/ }).innerText(), /SIM-2\s+SIM-2-ISARA, port 1A/);
      assert.match(await containers.getByRole('row', { name: /^DEMO-003/ }).innerText(), /on a shelf/);
      const recent = page.getByRole('table', { name: 'Your latest sessions' }).getByRole('row', { name: new RegExp(session) });
      assert.match(await recent.innerText(), /SIM-1[\s\S]*\s2\s+1\s+Active/);
      await assertAccessible(page, 'the project dashboard');
      assert.deepEqual(tab.errors, []);

      const staff = await openPage(web);
      try {
        await logIn(staff.page, 'staffer');
        await staff.page.goto('/');
        await staff.page.getByRole('table', { name: 'Sessions running now' }).getByRole('link', { name: session }).waitFor();
        const sam = staff.page.getByRole('listitem').filter({ has: staff.page.getByRole('link', { name: 'SIM-1: SIM-1-SAM' }) });
        await sam.getByText('SAM Automounter · 2 containers loaded').waitFor();
        assert.match(await sam.innerText(), /LA\s+DEMO-001/);
        await assertAccessible(staff.page, 'the staff dashboard');
        assert.deepEqual(staff.errors, []);
      } finally {
        await staff.context.close();
      }
    });
  });
});
