// Issue 9, project users → shipments, as `demo` does it in Chromium: a new shipment with a Uni-Puck
// filled from a pasted spreadsheet that has one bad line (the line shows its problem and nothing is
// saved), fixed and sent, the history saying so; recalled, given a second container, and printed
// with one label per container. Also: the server's message about a bad field shows beside it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertAccessible, journey, logIn, openPage, startWebApp } from './web-app.ts';
import type { OpenPage, WebApp } from './web-app.ts';
import {
  addContainer, containerSection, createDraft, createShipmentWithPuck, filledPositions, pasteSamples, sampleRows, sendShipment,
} from './shipments-steps.ts';

describe('shipments in the browser', () => {
  let web: WebApp;
  let tab: OpenPage;
  let page: Page;

  before(async () => {
    web = await startWebApp();
    tab = await openPage(web);
    page = tab.page;
    await logIn(page, 'demo', 'demo');
  });
  after(async () => {
    await tab?.context.close();
    await web?.close();
  });

  /** What the server holds for a container, asked through the REST API as the signed-in browser. */
  async function samplesOnServer(container: string): Promise<number> {
    const answer = await page.request.get(`/rest/v1/samples?container=${encodeURIComponent(container)}`);
    assert.equal(answer.status(), 200);
    return (await answer.json()).count;
  }

  test('a pasted sheet with a bad line is refused whole, then fixed, seated and sent', async () => {
    await journey('shipments-paste-fix-send', page, async () => {
      await page.goto('/shipments/');
      await page.getByRole('cell', { name: 'DEMO-SHIPMENT-1' }).waitFor();
      await assertAccessible(page, 'the shipments list');

      await createDraft(page, 'Beamtime March');
      await assertAccessible(page, 'a new draft');
      const puck = await addContainer(page, 'MARCH-PUCK-1');
      await assertAccessible(page, 'a draft with an empty puck');

      // 16 lines with a header row; line 8 (sample 7) has a name no beamline folder may have.
      const rows = sampleRows('march', 16);
      const bad = [...rows];
      bad[6] = bad[6].replace('march-07', 'march 07!');
      await pasteSamples(page, 'MARCH-PUCK-1', ['name\tlocation\tgroup\tbarcode', ...bad].join('\n'));
      await puck.getByText('1 of 16 rows have errors; nothing was imported.').waitFor();
      const badLine = puck.getByRole('row', { name: /^Line 8\b/ });
      assert.match(await badLine.innerText(), /name "march 07!" must be/);
      assert.match(await puck.getByRole('row', { name: /^Line 9\b/ }).innerText(), /fine/);
      assert.equal(await filledPositions(page, 'Uni-Puck', 'MARCH-PUCK-1').count(), 0, 'nothing is seated');
      assert.equal(await samplesOnServer('MARCH-PUCK-1'), 0, 'nothing is saved');
      await assertAccessible(page, 'a sheet with a bad line');

      // The person fixes the line in the box and sends it again.
      const box = puck.getByLabel('Paste samples from a spreadsheet');
      await box.fill((await box.inputValue()).replace('march 07!', 'march-07'));
      await puck.getByRole('button', { name: 'Add samples' }).click();
      await puck.getByRole('status').filter({ hasText: '16 samples added to MARCH-PUCK-1.' }).waitFor();
      assert.equal(await filledPositions(page, 'Uni-Puck', 'MARCH-PUCK-1').count(), 16);
      await puck.getByRole('button', { name: 'Position 7: march-07' }).waitFor();
      assert.equal(await samplesOnServer('MARCH-PUCK-1'), 16);

      await sendShipment(page, 'Purolator', '1Z-MARCH-42');
      const history = page.getByRole('table', { name: /Shipment history/ });
      await history.getByRole('row', { name: /send \(draft → sent\)/ }).waitFor();
      await page.getByRole('region', { name: 'Shipment details' }).getByText('1Z-MARCH-42').waitFor();
      assert.equal(await page.getByRole('form', { name: 'Add a container' }).count(), 0, 'a sent shipment is not edited');
      await assertAccessible(page, 'a sent shipment');

      // Staff receive it elsewhere: the open page follows without a reload.
      const staff = await openPage(web);
      try {
        await logIn(staff.page, 'staffer');
        const csrf = (await (await staff.page.request.get('/rest/v1/auth/me')).json()).csrf_token;
        const shipmentId = /\/shipments\/(\d+)\//.exec(page.url())![1];
        const received = await staff.page.request.post(`/rest/v1/shipments/${shipmentId}/receive`, { headers: { 'x-csrf-token': csrf }, data: {} });
        assert.equal(received.status(), 200);
      } finally {
        await staff.context.close();
      }
      await page.getByRole('region', { name: 'Shipment details' }).getByRole('definition').getByText('On site', { exact: true }).waitFor();
      await history.getByRole('row', { name: /receive \(sent → on site\)/ }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Recall shipment' }).count(), 0, 'a received shipment cannot be recalled');
    });
  });

  test('a sent shipment is recalled, gets a second container, and prints one label per container', async () => {
    await journey('shipments-recall-print', page, async () => {
      const { url } = await createShipmentWithPuck(page, 'Beamtime April', sampleRows('april', 4).join('\n'));
      assert.match(url, /\/shipments\/\d+\/$/);

      await page.getByRole('button', { name: 'Recall shipment' }).click();
      await page.getByRole('region', { name: 'Shipment details' }).getByRole('definition').getByText('Draft', { exact: true }).waitFor();
      await page.getByRole('table', { name: /Shipment history/ }).getByRole('row', { name: /recall \(sent → draft\)/ }).waitFor();

      // Samples are reordered the same way, within their container.
      await page.getByRole('button', { name: 'Move Sample april-02 up' }).click();
      await page.getByRole('status').filter({ hasText: 'The new order of the samples in Beamtime-April-PUCK is saved.' }).waitFor({ state: 'attached' });
      const samples = await (await page.request.get('/rest/v1/samples?container=Beamtime-April-PUCK&ordering=priority')).json();
      assert.deepEqual(samples.results.map((s: { name: string }) => s.name), ['april-02', 'april-01', 'april-03', 'april-04']);

      const cassette = await addContainer(page, 'APRIL-CASSETTE', 'Cassette');
      await cassette.getByRole('button', { name: 'Position A1: empty' }).click();
      await cassette.getByLabel('Sample name').fill('april-c1');
      await cassette.getByRole('button', { name: 'Seat sample' }).click();
      await cassette.getByRole('button', { name: 'Position A1: april-c1' }).waitFor();

      // Groups: two added, the second moved up with its button; the order is saved as priorities.
      for (const group of ['first', 'second']) {
        await page.getByRole('button', { name: 'Add a group' }).click();
        const form = page.getByRole('form', { name: 'Add a group' });
        await form.getByLabel('Group name').fill(group);
        await form.getByLabel('Energy (keV)').fill('12.66');
        await form.getByRole('button', { name: 'Add group' }).click();
        await page.getByRole('listitem', { name: `Group ${group}` }).waitFor();
      }
      await page.getByRole('button', { name: 'Move Group second up' }).click();
      await page.getByRole('status').filter({ hasText: 'The new order of the groups is saved.' }).waitFor({ state: 'attached' });
      const shipmentId = Number(/\/shipments\/(\d+)\//.exec(page.url())![1]);
      const groups = await (await page.request.get(`/rest/v1/groups?shipment=${shipmentId}&ordering=priority`)).json();
      assert.deepEqual(groups.results.map((g: { name: string; priority: number }) => [g.name, g.priority]), [['second', 1], ['first', 2]]);

      // A CSV file goes through the same import; its group names one of the shipment's groups.
      await cassette.getByLabel('Upload a CSV file').setInputFiles({ name: 'cassette.csv', mimeType: 'text/csv', buffer: Buffer.from('name,location,group\r\napril-c2,A2,second\r\n') });
      await cassette.getByRole('status').filter({ hasText: '1 sample added to APRIL-CASSETTE.' }).waitFor();
      await cassette.getByRole('button', { name: 'Position A2: april-c2' }).waitFor();

      // Without a header row, the problems still name the lines as the box shows them.
      await pasteSamples(page, 'APRIL-CASSETTE', 'april-c3\tA3\napril-c4\tA3');
      await cassette.getByText('1 of 2 rows have errors; nothing was imported.').waitFor();
      assert.match(await cassette.getByRole('row', { name: /^Line 2\b/ }).innerText(), /location A3 is also used on line 1\b/);
      await assertAccessible(page, 'a recalled draft with two containers and groups');

      await page.getByRole('link', { name: 'Packing list and labels' }).click();
      await page.getByRole('heading', { level: 1, name: 'Packing list: Beamtime April' }).waitFor();
      const labels = page.getByRole('region', { name: 'Container labels' }).getByRole('img', { name: /^QR code of container / });
      await labels.nth(1).waitFor();
      assert.deepEqual(await labels.evaluateAll((images) => images.map((i) => i.getAttribute('alt'))),
        ['QR code of container Beamtime-April-PUCK', 'QR code of container APRIL-CASSETTE']);
      assert.ok(await labels.first().evaluate((image) => (image as HTMLImageElement).naturalWidth > 0), 'the code is drawn');
      await page.getByRole('table', { name: 'Samples in APRIL-CASSETTE' }).getByRole('cell', { name: 'april-c1' }).waitFor();
      await assertAccessible(page, 'the packing list');
    });
  });

  test('the server\'s message about a bad field shows beside the field', async () => {
    await journey('shipments-bad-field', page, async () => {
      await page.goto('/shipments/new/');
      await page.getByRole('button', { name: 'Create shipment' }).click();
      const name = page.getByLabel('Shipment name');
      await page.getByRole('alert').filter({ hasText: 'name' }).waitFor();
      assert.equal(await name.getAttribute('aria-invalid'), 'true');
      const described = await name.evaluate((input) => (input.getAttribute('aria-describedby') ?? '').split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
      assert.match(described, /must/, 'the problem is tied to the field');
      await assertAccessible(page, 'a refused new shipment');
    });
  });

  test('the list filters by state with the view in the URL', async () => {
    await journey('shipments-list-filter', page, async () => {
      await page.goto('/shipments/');
      await page.getByRole('cell', { name: 'Beamtime April' }).waitFor();
      await page.getByLabel('State').selectOption('on_site');
      await page.waitForURL(/state=on_site/);
      await page.getByRole('cell', { name: 'Beamtime April' }).waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: 'DEMO-SHIPMENT-1' }).waitFor();
      await page.reload();
      assert.equal(await page.getByLabel('State').inputValue(), 'on_site');
      await page.getByRole('cell', { name: 'DEMO-SHIPMENT-1' }).waitFor();
      assert.equal(await page.getByRole('cell', { name: 'Beamtime April' }).count(), 0, 'a draft is not on site');
      await assertAccessible(page, 'the filtered list');
      // The refusals the journeys asked for are logged by Chromium as failed loads; nothing else may be.
      assert.deepEqual(tab.errors.filter((e) => !/responded with a status of 400/.test(e)), [], 'no console errors or CSP refusals');
    });
  });
});
