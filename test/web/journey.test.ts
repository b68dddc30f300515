// Issue 9's journey across every area, as the people involved take it, in one run: the project
// prepares and sends a shipment with a Uni-Puck of 16 pasted samples; staff receive it and load
// the puck into SIM-1; MxDC (the MxDC-like client) sees the samples, launches a session and
// uploads a dataset and a report; the project's open session page shows both without a reload;
// the report's chart and table are drawn; the survey link from the launch works without a login.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/database.ts';
import { MxdcClient, sessionKey } from '../support/mxdc/client.ts';
import { assertAccessible, journey, logIn, openPage, startWebApp } from './web-app.ts';
import type { WebApp } from './web-app.ts';
import { createShipmentWithPuck, sampleRows } from './shipments-steps.ts';
import { loadContainer, receiveShipment } from './staff-steps.ts';
import { openSessionPage } from './sessions-steps.ts';
import { assertReportDrawn } from './report-steps.ts';
import { answerSurvey } from './survey-steps.ts';

let web: WebApp;
let usersRoot: string;

before(async () => {
  usersRoot = fs.realpathSync(tempDir('lightpath-journey-users-'));
  web = await startWebApp({ env: { LIGHTPATH_DATA_ROOTS: usersRoot, LIGHTPATH_DATA_USER_ROOT: usersRoot } });
});
after(async () => {
  await web?.close();
  if (usersRoot) fs.rmSync(usersRoot, { recursive: true, force: true });
});

test('from a pasted spreadsheet to a report on screen, and the survey after the session', async () => {
  const user = await openPage(web);
  const staff = await openPage(web);
  const visitor = await openPage(web);
  await journey('journey-across-areas', user.page, async () => {
    // The project: a shipment with one Uni-Puck of 16 samples, sent.
    await logIn(user.page, 'demo', 'demo');
    const { puck } = await createShipmentWithPuck(user.page, 'JOURNEY-1', sampleRows('jx', 16).join('\n'));
    await assertAccessible(user.page, 'the sent shipment');

    // Staff: received, and the puck loaded into SIM-1's automounter.
    await logIn(staff.page, 'staffer');
    await receiveShipment(staff.page, 'JOURNEY-1');
    await loadContainer(staff.page, puck, 'SIM-1');
    await assertAccessible(staff.page, 'the automounter with the puck');

    // MxDC: the puck's samples are offered on SIM-1; a session starts.
    const mxdc = new MxdcClient(web.baseUrl, 'demo');
    assert.equal((await mxdc.register()).status, 200);
    const offered = (await mxdc.samples('SIM-1')).body as Array<{ id: number; name: string; container: string }>;
    const ours = offered.filter((sample) => sample.container === puck);
    assert.equal(ours.length, 16, 'ProjectSamples offers the 16 seated samples');
    const session = sessionKey('SIM-1');
    const launched = await mxdc.launch('SIM-1', session);
    assert.equal(launched.status, 200, launched.text);

    // The project watches the session while MxDC uploads.
    await openSessionPage(user.page, session);
    await user.page.evaluate('window.__journey = 1');
    const sample = ours.find((s) => s.name === 'jx-01')!;
    const dataDir = path.join(usersRoot, 'demo', session, 'jx-01');
    fs.mkdirSync(dataDir, { recursive: true });
    const data = await mxdc.addData('SIM-1', {
      name: 'jx-01_1', frames: '1-180', filename: 'jx-01_1_{:05d}.cbf', type: 'DATA', sample_id: sample.id, directory: dataDir,
      energy: 12.658, exposure: 0.2, start_angle: 0, delta_angle: 1,
    });
    assert.equal(data.status, 200, data.text);
    const reportDir = path.join(usersRoot, 'demo', session, 'jx-01-process');
    fs.mkdirSync(reportDir, { recursive: true });
    const report = await mxdc.addReport('SIM-1', {
      data_id: [data.body.id], directory: reportDir, title: 'Journey analysis', kind: 'MX Native Analysis', score: 0.72,
      details: [{
        title: 'Data quality',
        content: [
          { title: 'Overall statistics', kind: 'table', header: 'column', data: [['Resolution (Å)', 1.65], ['Completeness (%)', 99.2], ['I/sigma', 14.3]] },
          { title: 'Completeness by shell', kind: 'lineplot', data: { x: ['Resolution', 4.5, 3.2, 2.6, 2.2, 1.9, 1.65], y1: [['Completeness (%)', 99.9, 99.8, 99.6, 99.1, 98.4, 97.2]] } },
        ],
      }],
    });
    assert.equal(report.status, 200, report.text);
    await user.page.getByRole('link', { name: 'jx-01_1', exact: true }).waitFor();
    await user.page.getByRole('link', { name: 'Journey analysis' }).waitFor();
    assert.equal(await user.page.evaluate('window.__journey'), 1, 'the session page was not reloaded');
    await assertAccessible(user.page, 'the session with its dataset and report');

    // The report: the plot has one point per resolution shell, and the table holds the values.
    await user.page.getByRole('link', { name: 'Journey analysis' }).click();
    await user.page.getByRole('heading', { level: 1, name: /Journey analysis/ }).waitFor();
    await assertReportDrawn(user.page, { points: { 'Completeness (%)': 6 }, tableValues: ['1.65', '99.2', '14.3'] });
    await assertAccessible(user.page, 'the report');

    // The survey link from the launch answer, opened without a login.
    const survey = new URL(launched.body.survey as string);
    await answerSurvey(visitor.page, survey.pathname);
  });
  for (const tab of [user, staff, visitor]) {
    assert.deepEqual(tab.errors, [], 'no console errors or refused scripts');
    await tab.context.close();
  }
});
