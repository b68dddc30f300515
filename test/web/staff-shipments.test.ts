// Staff → Shipments in the browser: a shipment the demo project sends shows up under Incoming
// (live, without a reload); staff check its container in and receive it, find it on site, return
// it with a tracking number and archive it, and read its shipment and container history.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { login } from '../helpers/accounts.ts';
import { assertAccessible, journey, logIn, openPage, startWebApp } from './web-app.ts';
import type { WebApp } from './web-app.ts';
import { receiveShipment, sendShipmentWithPuck } from './staff-steps.ts';

describe('staff shipments in the browser', () => {
  let web: WebApp;

  before(async () => {
    web = await startWebApp();
  });
  after(async () => {
    await web?.close();
  });

  test('receive a shipment by checking its container in, then return and archive it', async () => {
    const { page, context, errors } = await openPage(web);
    await journey('staff-receive-return-archive', page, async () => {
      await logIn(page, 'staffer');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shipments' }).click();
      const incoming = page.getByRole('navigation', { name: 'Shipment states' }).getByRole('link', { name: 'Incoming' });
      assert.equal(await incoming.getAttribute('aria-current'), 'page');
      await page.getByText('No shipments are on their way').waitFor();
      await assertAccessible(page, 'staff shipments, incoming (empty)');

      // Sent while the list is open: it appears without a reload.
      await sendShipmentWithPuck(web.server.app, 'STAFF-SHIP-1', 'STAFF-PUCK-1');
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'STAFF-SHIP-1', exact: true }) });
      await row.waitFor();
      assert.match(await row.innerText(), /demo[\s\S]*sent[\s\S]*FedEx[\s\S]*TRK-STAFF-SHIP-1/);
      await assertAccessible(page, 'staff shipments, incoming');

      await page.getByRole('link', { name: 'STAFF-SHIP-1', exact: true }).click();
      await page.getByRole('heading', { name: 'Shipment STAFF-SHIP-1' }).waitFor();
      const receive = page.getByRole('button', { name: 'Receive shipment' });
      await receive.waitFor();
      assert.equal(await receive.isDisabled(), true, 'receiving waits until every container is checked in');
      await assertAccessible(page, 'staff shipment page (sent)');
      await page.getByRole('checkbox', { name: 'Checked in STAFF-PUCK-1' }).check();
      await page.getByLabel('Storage location (optional)').fill('Dewar 3');
      await receive.click();

      await page.getByRole('heading', { name: 'Return', exact: true }).waitFor();
      const history = page.getByRole('table', { name: 'Shipment history, newest first' });
      await history.getByText(/receive \(sent → on site\)/).waitFor();
      assert.match(await history.innerText(), /staffer/);
      assert.match(await page.locator('dl').innerText(), /Dewar 3/);
      await assertAccessible(page, 'staff shipment page (on site)');

      await page.getByRole('link', { name: 'Shipments', exact: true }).first().click();
      await page.getByRole('link', { name: 'On site' }).click();
      await page.getByRole('link', { name: 'STAFF-SHIP-1', exact: true }).waitFor();
      await page.getByRole('link', { name: 'DEMO-SHIPMENT-1', exact: true }).waitFor();
      await page.getByRole('link', { name: 'STAFF-SHIP-1', exact: true }).click();

      await page.getByLabel('Return tracking number (optional)').fill('RET-42');
      await page.getByRole('button', { name: 'Return shipment' }).click();
      await page.getByRole('button', { name: 'Archive shipment' }).waitFor();
      assert.match(await page.locator('dl').innerText(), /RET-42/);
      await page.getByRole('button', { name: 'Archive shipment' }).click();
      await page.getByText('This shipment is archived').waitFor();
      await page.getByRole('table', { name: 'Shipment history, newest first' }).getByText(/archive \(returned → archived\)/).waitFor();
      await assertAccessible(page, 'staff shipment page (archived)');
    });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the shared step receives a shipment; the container history shows where its puck has been', async () => {
    const { page, context, errors } = await openPage(web, { colorScheme: 'dark', width: 1024, height: 768 });
    await journey('staff-receive-step', page, async () => {
      const { puckId } = await sendShipmentWithPuck(web.server.app, 'STAFF-SHIP-2', 'STAFF-PUCK-2');
      await logIn(page, 'staffer');
      await receiveShipment(page, 'STAFF-SHIP-2');
      const containers = page.getByRole('table', { name: 'Containers of the shipment' });
      assert.match(await containers.innerText(), /STAFF-PUCK-2\s+Uni-Puck\s+on site\s+not loaded/);
      await page.getByText('None of these containers has been loaded anywhere yet.').waitFor();

      // Staff load the puck elsewhere (through the API): the open page follows.
      const staff = await login(web.server.app, 'staffer');
      const loaded = await web.server.app.inject({
        method: 'POST', url: `/rest/v1/containers/${puckId}/load`, headers: staff.headers, payload: { beamline: 'SIM-2', location: '2A' },
      });
      assert.equal(loaded.statusCode, 200, loaded.body);
      const history = page.getByRole('table', { name: 'Where the containers have been loaded, newest first' });
      await history.waitFor();
      assert.match(await history.innerText(), /STAFF-PUCK-2\s+SIM-2-ISARA\s+2A[\s\S]*still there\s+staffer/);
      assert.match(await containers.innerText(), /SIM-2-ISARA 2A/);
      await assertAccessible(page, 'staff shipment page, dark, tablet');
    });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
