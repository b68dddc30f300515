// Issue 9, reports: a report MxDC uploads is drawn in full on its page — the auto.process Data
// Quality table with its headings, the inv-square resolution plot with a second axis and the
// right number of points, every other figure kind — with its Markdown inert, its files
// downloadable, and changes shown without a reload. Plot is loaded only by report pages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/database.ts';
import { MxdcClient, sessionKey } from '../support/mxdc/client.ts';
import { assertAccessible, journey, logIn, openPage, startWebApp } from './web-app.ts';
import type { WebApp } from './web-app.ts';
import { assertReportDrawn } from './report-steps.ts';
import { AUTO_PROCESS_DETAILS, FIGURES, SHELL_POINTS } from './report-fixtures.ts';

/** A string only Observable Plot's code holds (its default class name). */
const PLOT_MARKER = 'plot-d6a7b5';

describe('report pages in Chromium', () => {
  let web: WebApp;
  let usersRoot: string;
  let mxdc: MxdcClient;
  const ids = { report: 0, dataset: 0 };
  let directory = '';
  let sessionName = '';

  before(async () => {
    usersRoot = fs.realpathSync(tempDir('lightpath-report-web-'));
    web = await startWebApp({ env: { LIGHTPATH_DATA_ROOTS: usersRoot, LIGHTPATH_DATA_USER_ROOT: usersRoot } });
    // As MxDC does it: register the key, launch a session, upload a dataset and its report.
    mxdc = new MxdcClient(web.baseUrl, 'demo');
    assert.equal((await mxdc.register()).status, 200);
    sessionName = sessionKey('SIM-1');
    assert.equal((await mxdc.launch('SIM-1', sessionName)).status, 200);
    const dataDir = path.join(usersRoot, 'demo', sessionName, 'lyso-01', 'data');
    directory = path.join(usersRoot, 'demo', sessionName, 'lyso-01', 'process');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.mkdirSync(directory, { recursive: true });
    fs.writeFileSync(path.join(directory, 'report.json'), '{}');
    const data = await mxdc.addData('SIM-1', {
      name: 'lyso-01_1', frames: '1-360', filename: 'lyso-01_1_{:05d}.cbf', type: 'DATA', directory: dataDir, energy: 12.658, exposure: 0.2,
    });
    assert.equal(data.status, 200, data.text);
    ids.dataset = data.body.id;
    const report = await mxdc.addReport('SIM-1', {
      data_id: [ids.dataset], directory, title: 'Analysis of "lyso-01_1"', kind: 'MX Native Analysis', score: 0.85, details: AUTO_PROCESS_DETAILS,
    });
    assert.equal(report.status, 200, report.text);
    ids.report = report.body.id;
  });
  after(async () => {
    await web?.close();
    if (usersRoot) fs.rmSync(usersRoot, { recursive: true, force: true });
  });

  test('the report page draws the whole report, keeps its Markdown inert and follows changes', async () => {
    const { context, page, errors } = await openPage(web);
    const scripts: { url: string; body: string }[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') void response.text().then((body) => scripts.push({ url: response.url(), body }), () => undefined);
    });
    await journey('report page', page, async () => {
      await logIn(page, 'demo', 'demo');
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.deepEqual(scripts.filter((s) => s.body.includes(PLOT_MARKER)).map((s) => s.url), [], 'the first page loads no charting code');

      await page.goto(`/reports/${ids.report}/`);
      await page.getByRole('heading', { level: 1, name: 'Analysis of "lyso-01_1"' }).waitFor();
      await assertReportDrawn(page, {
        figure: 'Completeness, CC½ and I/Sigma(I) by resolution', points: SHELL_POINTS,
        tableValues: ['P4₃2₁2', '160923', '99.9', 'tP', '230952', '8.05', '52.1'],
      });
      const main = page.getByRole('main');
      assert.equal(await main.getByText('0.85 · excellent').count(), 1, 'the score badge');
      assert.equal(await main.getByText('MX Native Analysis').count(), 1);
      assert.equal(await main.getByRole('link', { name: 'lyso-01_1' }).getAttribute('href'), `/datasets/${ids.dataset}/`);
      assert.match(await main.getByRole('link', { name: sessionName }).getAttribute('href') ?? '', /^\/sessions\/\d+\/$/);

      // Tables: the Data Quality table's first cells head their rows, the lattice table's first row heads the columns.
      const quality = page.getByRole('table', { name: 'Data Quality Statistics' });
      assert.equal(await quality.getByRole('rowheader', { name: 'Space Group' }).count(), 1);
      assert.equal(await quality.getByRole('row', { name: 'Space Group P4₃2₁2' }).count(), 1);
      const lattice = page.getByRole('table', { name: 'Lattice Character' });
      assert.deepEqual(await lattice.getByRole('columnheader').allTextContents(), ['No.', 'Lattice type', 'Cell Parameters', 'Quality', 'Cell Volume']);
      const shells = page.getByRole('table', { name: 'Statistics of final reflections by shell' });
      assert.equal(await shells.getByRole('columnheader').count(), 6);
      assert.equal(await shells.getByRole('rowheader').count(), 3);

      // The resolution axis is labelled in Å, its ticks at even 1/d² steps (so they crowd towards low resolution).
      const plot = page.getByRole('figure', { name: 'Completeness, CC½ and I/Sigma(I) by resolution' });
      assert.match(await plot.getByRole('img').getAttribute('aria-label') ?? '', /Completeness \(%\): 14 points; CC½ \(%\): 14 points; I\/Sigma\(I\) \(right axis\): 14 points/);
      const ticks = await plot.locator('g[data-label="x-axis tick label"] text').evaluateAll((texts) => texts.map((t) => {
        const box = t.getBoundingClientRect();
        return { d: Number(t.textContent), x: box.left + box.width / 2 };
      }));
      assert.ok(ticks.length >= 3, `x ticks: ${JSON.stringify(ticks)}`);
      for (let i = 1; i < ticks.length; i++) assert.ok(ticks[i].d < ticks[i - 1].d, 'resolution falls from left to right');
      const gaps = ticks.slice(1).map((t, i) => t.x - ticks[i].x);
      for (const gap of gaps) assert.ok(Math.abs(gap - gaps[0]) < 2, `ticks evenly spaced on the page: ${JSON.stringify(ticks)}`);
      const inverseSquare = (d: number) => 1 / (d * d);
      const rate = (ticks[ticks.length - 1].x - ticks[0].x) / (inverseSquare(ticks[ticks.length - 1].d) - inverseSquare(ticks[0].d));
      for (const tick of ticks) {
        const expected = ticks[0].x + (inverseSquare(tick.d) - inverseSquare(ticks[0].d)) * rate;
        assert.ok(Math.abs(tick.x - expected) < 0.06 * (ticks[ticks.length - 1].x - ticks[0].x), `tick ${tick.d} Å sits at its 1/d² place`);
      }
      assert.ok(await plot.locator('g[data-label="y-axis tick label"]').count() >= 2, 'a left and a right axis');
      await plot.getByText('Show data').click();
      assert.equal(await plot.locator('details tbody tr').count(), 14, 'the data table has a row per shell');

      // Every other figure kind is drawn: an svg with marks in it.
      for (const { title, kind } of FIGURES) {
        const figure = page.getByRole('figure', { name: title });
        const marks = await figure.locator('svg').first().locator('path, rect, circle').count();
        assert.ok(marks > 0, `${kind} "${title}" has marks`);
      }
      assert.equal(await page.getByRole('figure', { name: 'Data types' }).locator('svg path').count(), 4, 'one slice per part of the pie');
      assert.equal(await page.getByRole('figure', { name: 'Session activity' }).locator('svg g[data-label="bar"] rect').count(), 5, 'one span per timeline item');
      await main.getByText('figures of the kind “gauge” are not shown here').waitFor();
      assert.equal(await main.getByRole('heading', { level: 3, name: 'Figures' }).count(), 1, 'an entry with a title and no kind is a heading');

      // The Markdown's HTML is shown as text: its script, event handlers and javascript: link do nothing.
      assert.equal(await main.getByText('<script>window.__reportScriptRan = "script"</script>').count(), 1, 'raw HTML shows as text');
      await main.getByText(/cover<\/div>/).hover();
      assert.equal(await page.evaluate('window.__reportScriptRan'), undefined, 'no script in the Markdown ran');
      const handlers = await page.evaluate(`[...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + ' ' + a.name))`);
      assert.deepEqual(handlers, [], 'no element carries an event handler attribute');
      assert.equal(await page.locator('main a[href^="javascript:" i], main img').count(), 0);
      assert.equal(await main.getByRole('link', { name: 'the documentation' }).getAttribute('rel'), 'noopener noreferrer nofollow');
      await assertAccessible(page, 'the report page');

      // The report's files download as one archive through the Data Proxy.
      const href = await main.getByRole('link', { name: /Download the report's files/ }).getAttribute('href') ?? '';
      assert.match(href, /^\/download\/files\/archive\/[0-9a-f]{40}\/Analysis-of-lyso-01_1\.tar\.gz$/);
      const archive = await page.request.get(href);
      assert.equal(archive.status(), 200);
      assert.equal(archive.headers()['content-type'], 'application/x-gzip');

      // MxDC uploads the report again (same id, new title and score): the open page follows.
      const again = await mxdc.addReport('SIM-1', {
        id: ids.report, data_id: [ids.dataset], directory, title: 'Reprocessed "lyso-01_1"', kind: 'MX Native Analysis', score: 0.55, details: AUTO_PROCESS_DETAILS,
      });
      assert.equal(again.body.id, ids.report);
      await page.getByRole('heading', { level: 1, name: 'Reprocessed "lyso-01_1"' }).waitFor();
      await main.getByText('0.55 · acceptable').waitFor();
      assert.deepEqual(errors, []);
    });
    await context.close();
  });

  test('the reports list is in the navigation, links each report with its score, and sorts by score', async () => {
    const { context, page, errors } = await openPage(web, { width: 1024, height: 768, colorScheme: 'dark' });
    await journey('reports list', page, async () => {
      await logIn(page, 'demo', 'demo');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
      const link = page.getByRole('link', { name: /"lyso-01_1"$/ });
      await link.waitFor();
      const score = page.getByRole('columnheader', { name: /Score/ });
      await score.getByRole('link').click();
      await page.waitForURL(/ordering=score/);
      await score.getByRole('link').click();
      await page.waitForURL(/ordering=-score/);
      assert.equal(await score.getAttribute('aria-sort'), 'descending');
      // Narrowed by kind and by score: a screening kind finds nothing, then the report's own kind and score range find it.
      await page.getByLabel('Kind').selectOption('MX Screening');
      await page.getByText('No report matches these filters.').waitFor();
      await page.getByLabel('Kind').selectOption('MX Native Analysis');
      await page.getByLabel('Score from').fill('0.5');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/min_score=0\.5/);
      await link.waitFor();
      assert.equal(await page.getByRole('main').getByText(/^0\.\d\d · (excellent|acceptable)$/).count(), 1);
      await assertAccessible(page, 'the reports list');
      const name = await link.textContent() ?? '';
      await link.click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.getByRole('figure', { name: 'Data types' }).locator('svg path').first().waitFor();
      await assertAccessible(page, 'the report page at tablet size in dark mode');
      assert.deepEqual(errors, []);
    });
    await context.close();
  });
});
