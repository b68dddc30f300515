// Issue 9, the post-session survey in the browser: the link MxDC gets when it launches a session
// opens without a login, takes ratings, a comment and consent once, and then says it was answered;
// a key that leads nowhere gets a friendly message; staff see the answer in the averages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MxdcClient, sessionKey } from '../support/mxdc/client.ts';
import { assertAccessible, journey, logIn, openPage, startWebApp } from './web-app.ts';
import type { WebApp } from './web-app.ts';
import { answerSurvey } from './survey-steps.ts';

describe('the post-session survey in Chromium', () => {
  let web: WebApp;
  let surveyUrl = '';
  let sessionName = '';

  before(async () => {
    web = await startWebApp();
    const mxdc = new MxdcClient(web.baseUrl, 'demo');
    assert.equal((await mxdc.register()).status, 200);
    sessionName = sessionKey('SIM-1');
    const launched = await mxdc.launch('SIM-1', sessionName);
    assert.equal(launched.status, 200, launched.text);
    surveyUrl = launched.body.survey;
    assert.match(surveyUrl, /\/users\/feedback\/[^/]+\/new\/$/);
  });
  after(async () => {
    await web?.close();
  });

  test('answered once without a login; a second visit says so; an unknown key is explained', async () => {
    const { page, context, errors } = await openPage(web, { width: 1024, height: 768 });
    await journey('survey-answer', page, async () => {
      await page.goto(surveyUrl);
      await page.getByRole('heading', { name: `Feedback on session ${sessionName}` }).waitFor();
      assert.match(await page.locator('dl').innerText(), /SIM-1[\s\S]*demo/);
      assert.equal(new URL(page.url()).pathname.startsWith('/login/'), false, 'no login is asked for');
      await answerSurvey(page, surveyUrl);

      await page.goto(surveyUrl);
      const already = page.getByRole('status').filter({ hasText: 'Already answered' });
      await already.waitFor();
      assert.equal(await page.getByRole('button', { name: 'Send feedback' }).count(), 0, 'the form is not offered again');
      await assertAccessible(page, 'survey already answered');

      await page.goto('/users/feedback/bm90LWEtcmVhbC1rZXk/new/');
      await page.getByRole('heading', { name: 'Survey not found' }).waitFor();
      assert.match(await page.locator('main').innerText(), /check that the whole link was copied/);
      await assertAccessible(page, 'survey not found');
    });
    assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
    await context.close();
  });

  test('staff see the answer in the averages per area, beamline and month, and read its comment', async () => {
    const { page, context, errors } = await openPage(web, { colorScheme: 'dark' });
    await journey('survey-staff-results', page, async () => {
      await logIn(page, 'staffer');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Survey' }).click();
      const areas = page.getByRole('table', { name: 'Average rating per support area' });
      await areas.waitFor();
      assert.match(await areas.getByRole('row', { name: /Beamline control software/ }).innerText(), /\+2\.0\s+1\s/);
      assert.match(await areas.getByRole('row', { name: /Sample automounter/ }).innerText(), /−1\.0\s+1\s/);
      const beamlines = page.getByRole('table', { name: 'Average rating per beamline' });
      assert.match(await beamlines.getByRole('row', { name: /SIM-1/ }).innerText(), /SIM-1\s+1\s+1\s+\+0\.5/);
      const month = new Date().toISOString().slice(0, 7);
      await page.getByRole('table', { name: 'Average rating per month (UTC)' }).getByRole('row', { name: new RegExp(month) }).waitFor();
      const answers = page.getByRole('table', { name: 'Survey answers, newest first' });
      assert.match(await answers.innerText(), /automounter jammed once/);
      await assertAccessible(page, 'staff survey results');

      // Another beamline's filter empties the view, in the URL.
      await page.getByLabel('Beamline', { exact: true }).selectOption('SIM-2');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/beamline=SIM-2/);
      await page.getByText('No survey answers for these filters yet').waitFor();
      await page.reload();
      await page.getByText('No survey answers for these filters yet').waitFor();
      assert.equal(await page.getByLabel('Beamline', { exact: true }).inputValue(), 'SIM-2');

      // A new area joins the survey at the end; moving it up changes the survey order.
      await page.getByLabel('New area').fill('Sample preparation lab');
      await page.getByRole('button', { name: 'Add area' }).click();
      const list = page.getByRole('list', { name: 'Support areas in survey order' });
      await list.getByRole('listitem', { name: 'Area Sample preparation lab' }).waitFor();
      await page.getByRole('button', { name: 'Move Area Sample preparation lab up' }).click();
      await page.waitForFunction(() => {
        const items = [...document.querySelectorAll('ol[aria-label="Support areas in survey order"] > li')].map((li) => li.getAttribute('aria-label'));
        return items.indexOf('Area Sample preparation lab') === items.length - 2;
      });
      await page.getByRole('button', { name: 'Deactivate area Remote access' }).click();
      await page.getByRole('button', { name: 'Activate area Remote access' }).waitFor();
      await assertAccessible(page, 'staff survey areas');
    });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
