// Staff steps in the browser, by role and name as a person would take them, for journeys that
// cross areas: receiving a shipment (checking each container in) and loading a container into a
// beamline's automounter (the first free slot that takes it). Also the REST setup they start from.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { login } from '../helpers/accounts.ts';

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** Finds the shipment under Shipments → Incoming, ticks every container and receives it. */
export async function receiveShipment(page: Page, shipmentName: string): Promise<void> {
  await page.goto('/staff/shipments/');
  await page.getByLabel('Search shipments').fill(shipmentName);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: shipmentName, exact: true }).click();
  const receive = page.getByRole('button', { name: 'Receive shipment' });
  await receive.waitFor();
  for (const box of await page.getByRole('checkbox', { name: /^Checked in / }).all()) await box.check();
  await receive.click();
  await page.getByRole('heading', { name: 'Return', exact: true }).waitFor();
}

/** Loads the (on site, unloaded) container into the first free slot of the beamline's automounter that takes it. */
export async function loadContainer(page: Page, containerName: string, beamline: string): Promise<void> {
  await page.goto(`/staff/automounters/?beamline=${encodeURIComponent(beamline)}`);
  await page.getByLabel('Find containers on site').fill(containerName);
  const container = page.getByLabel('Container to load');
  const option = container.locator('option').filter({ hasText: exactly(`${containerName} — `) });
  await option.waitFor({ state: 'attached' });
  await container.selectOption({ value: (await option.getAttribute('value')) ?? '' });
  await page.getByLabel('Slot', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await page.getByRole('status').filter({ hasText: `${containerName} loaded into` }).waitFor();
}

/** As the demo project, through the REST API: a draft shipment with one Uni-Puck, then sent. */
export async function sendShipmentWithPuck(app: FastifyInstance, shipment: string, puck: string): Promise<{ id: number; puckId: number }> {
  const demo = await login(app, 'demo', 'demo');
  const post = async (url: string, payload: object) => {
    const response = await app.inject({ method: 'POST', url, headers: demo.headers, payload });
    assert.ok(response.statusCode < 300, `${url}: ${response.body}`);
    return response.json();
  };
  const created = await post('/rest/v1/shipments', { name: shipment });
  const container = await post('/rest/v1/containers', { shipment_id: created.id, name: puck, type: 'Uni-Puck' });
  await post(`/rest/v1/shipments/${created.id}/send`, { carrier: 'FedEx', tracking_code: `TRK-${shipment}` });
  return { id: created.id, puckId: container.id };
}
