// Staff → Automounters in the browser: a received Uni-Puck is loaded into SIM-1's SAM by choosing a
// free position of the adaptor sitting there, moved with the "Move to…" list (the keyboard way),
// dragged to another position, and unloaded; another staff member's open page follows every step
// without a reload. A load the server refuses (the slot was taken meanwhile) says why in place.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { login } from '../helpers/accounts.ts';
import { makeUser } from '../helpers/accounts.ts';
import { assertAccessible, journey, logIn, openPage, startWebApp } from './web-app.ts';
import type { WebApp } from './web-app.ts';
import { loadContainer, sendShipmentWithPuck } from './staff-steps.ts';

/** The adaptor DEMO-ADAPTOR sits in slot L of SIM-1's SAM (examples/demo-facility.yaml). */
const adaptor = (page: Page) => page.getByRole('group', { name: 'Adaptor DEMO-ADAPTOR in L' });

async function receive(web: WebApp, shipment: number): Promise<void> {
  const staff = await login(web.server.app, 'staffer');
  const answer = await web.server.app.inject({ method: 'POST', url: `/rest/v1/shipments/${shipment}/receive`, headers: staff.headers });
  assert.equal(answer.statusCode, 200, answer.body);
}

describe('staff automounters in the browser', () => {
  let web: WebApp;

  before(async () => {
    web = await startWebApp();
    await makeUser(web.server.platform, 'staffer2', { staff: true });
  });
  after(async () => {
    await web?.close();
  });

  test('load a puck into the SAM\'s adaptor by choosing the slot, move it, drag it, unload it; a second staff member sees it live', async () => {
    const { id } = await sendShipmentWithPuck(web.server.app, 'AM-SHIP-1', 'AM-PUCK-1');
    await receive(web, id);
    const first = await openPage(web);
    const second = await openPage(web);
    const { page } = first;
    await journey('staff-automounter-load-move-unload', page, async () => {
      await logIn(second.page, 'staffer2', 'staffer2-password');
      await second.page.goto('/staff/automounters/?beamline=SIM-1');
      await adaptor(second.page).getByRole('button', { name: 'Position A: DEMO-001' }).waitFor();

      await logIn(page, 'staffer');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Automounters' }).click();
      await page.getByRole('heading', { name: 'Automounter of SIM-1' }).waitFor();
      await page.getByRole('group', { name: 'SAM Automounter SIM-1-SAM' }).getByRole('button', { name: 'Position L: DEMO-ADAPTOR' }).waitFor();
      await adaptor(page).getByRole('button', { name: 'Position A: DEMO-001' }).waitFor();
      await assertAccessible(page, 'staff automounters, SIM-1');

      // Choose the slot in the drawing: the slot list follows; then the container.
      await adaptor(page).getByRole('button', { name: 'Position B: empty' }).click();
      assert.equal(await page.getByLabel('Slot', { exact: true }).inputValue(), 'LB');
      const container = page.getByLabel('Container to load');
      const option = container.locator('option', { hasText: 'AM-PUCK-1 — Uni-Puck' });
      await option.waitFor({ state: 'attached' });
      await container.selectOption({ value: (await option.getAttribute('value')) ?? '' });
      assert.equal(await page.getByLabel('Slot', { exact: true }).inputValue(), 'LB');
      await page.getByRole('button', { name: 'Load', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'AM-PUCK-1 loaded into LB.' }).waitFor();
      await adaptor(page).getByRole('button', { name: 'Position B: AM-PUCK-1' }).waitFor();
      assert.match(await page.getByRole('table', { name: 'Containers loaded in SIM-1-SAM' }).innerText(), /LB\s+AM-PUCK-1\s+Uni-Puck\s+demo/);
      await assertAccessible(page, 'staff automounters after a load');

      // The other staff member's page shows it without a reload.
      await adaptor(second.page).getByRole('button', { name: 'Position B: AM-PUCK-1' }).waitFor();

      // Move with the keyboard alternative.
      await page.getByLabel('Move AM-PUCK-1 to').selectOption({ value: 'LC' });
      await page.getByRole('button', { name: 'Move AM-PUCK-1' }).click();
      await adaptor(page).getByRole('button', { name: 'Position C: AM-PUCK-1' }).waitFor();
      await adaptor(page).getByRole('button', { name: 'Position B: empty' }).waitFor();
      await adaptor(second.page).getByRole('button', { name: 'Position C: AM-PUCK-1' }).waitFor();

      // Drag it onto another position.
      await adaptor(page).getByRole('button', { name: 'Position C: AM-PUCK-1' }).dragTo(adaptor(page).getByRole('button', { name: 'Position D: empty' }));
      await adaptor(page).getByRole('button', { name: 'Position D: AM-PUCK-1' }).waitFor();

      await page.getByRole('button', { name: 'Unload AM-PUCK-1' }).click();
      await adaptor(page).getByRole('button', { name: 'Position D: empty' }).waitFor();
      await adaptor(second.page).getByRole('button', { name: 'Position D: empty' }).waitFor();
      const loaded = page.getByRole('table', { name: 'Containers loaded in SIM-1-SAM' });
      assert.doesNotMatch(await loaded.innerText(), /AM-PUCK-1/);
      await assertAccessible(page, 'staff automounters after unloading');
    });
    assert.deepEqual(first.errors, []);
    assert.deepEqual(second.errors, []);
    await first.context.close();
    await second.context.close();
  });

  test('a slot taken meanwhile is refused with the server\'s reason; the shared step loads into SIM-2; a project is unloaded', async () => {
    const one = await sendShipmentWithPuck(web.server.app, 'AM-SHIP-2', 'AM-PUCK-2');
    const two = await sendShipmentWithPuck(web.server.app, 'AM-SHIP-3', 'AM-PUCK-3');
    await receive(web, one.id);
    await receive(web, two.id);
    const { page, context, errors } = await openPage(web, { colorScheme: 'dark', width: 1024, height: 768 });
    // No live updates in this tab, so the page still offers slot 1B after another staff member takes it.
    await page.route('**/rest/v1/events', (route) => route.abort());
    await journey('staff-automounter-conflict', page, async () => {
      await logIn(page, 'staffer');
      await page.goto('/staff/automounters/?beamline=SIM-2');
      await page.getByRole('heading', { name: 'Automounter of SIM-2' }).waitFor();
      const isara = page.getByRole('group', { name: 'ISARA Automounter SIM-2-ISARA' });
      await isara.getByRole('button', { name: 'Position 1A: DEMO-002' }).waitFor();
      await assertAccessible(page, 'staff automounters, SIM-2, dark, tablet');

      await isara.getByRole('button', { name: 'Position 1B: empty' }).click();
      const container = page.getByLabel('Container to load');
      const option = container.locator('option', { hasText: 'AM-PUCK-2 — Uni-Puck' });
      await option.waitFor({ state: 'attached' });
      await container.selectOption({ value: (await option.getAttribute('value')) ?? '' });
      const staff = await login(web.server.app, 'staffer2', 'staffer2-password');
      const taken = await web.server.app.inject({
        method: 'POST', url: `/rest/v1/containers/${two.puckId}/load`, headers: staff.headers, payload: { beamline: 'SIM-2', location: '1B' },
      });
      assert.equal(taken.statusCode, 200, taken.body);
      await page.getByRole('button', { name: 'Load', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'Location 1B of SIM-2-ISARA already holds AM-PUCK-3.' }).waitFor();

      await loadContainer(page, 'AM-PUCK-2', 'SIM-2');
      await isara.getByRole('button', { name: /: AM-PUCK-2$/ }).waitFor();

      await page.getByLabel('Project', { exact: true }).selectOption({ label: 'demo' });
      await page.getByRole('button', { name: 'Unload project' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Unload everything of demo from SIM-2?' });
      await assertAccessible(page, 'unload project confirmation');
      await dialog.getByRole('button', { name: 'Unload everything' }).click();
      await page.getByRole('status').filter({ hasText: /^Unloaded DEMO-002, AM-PUCK-2, AM-PUCK-3\.$/ }).waitFor();
      await isara.getByRole('button', { name: 'Position 1A: empty' }).waitFor();
      await page.getByText('Nothing is loaded.').waitFor();
      const history = page.getByRole('table', { name: 'Load history' });
      assert.match(await history.innerText(), /1B\s+AM-PUCK-3\s+demo/);
    });
    // The refused load (the browser logs its 409) and the held-back event stream are the only errors expected here.
    assert.deepEqual(errors.filter((e) => !/409 \(Conflict\)|ERR_FAILED|events/.test(e)), []);
    await context.close();
  });
});
