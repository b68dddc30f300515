// What a project user does to get samples to the beamline, step by step as a person would
// (finding everything by its role and name), so other browser journeys can reuse the steps.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

/** `count` lines of a spreadsheet (tab-separated, no header): name, location, group, barcode. */
export function sampleRows(prefix: string, count: number, group = ''): string[] {
  return Array.from({ length: count }, (_, i) => [`${prefix}-${String(i + 1).padStart(2, '0')}`, String(i + 1), group, `BC-${prefix}-${i + 1}`].join('\t'));
}

/** From the shipments list: a new draft, ending on its page. */
export async function createDraft(page: Page, name: string): Promise<void> {
  await page.goto('/shipments/');
  await page.getByRole('link', { name: 'New shipment' }).first().click();
  await page.getByLabel('Shipment name').fill(name);
  await page.getByRole('button', { name: 'Create shipment' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** On a draft's page: adds a container and waits for its section. */
export async function addContainer(page: Page, name: string, type = 'Uni-Puck'): Promise<Locator> {
  const form = page.getByRole('form', { name: 'Add a container' });
  await form.getByLabel('Container name').fill(name);
  await form.getByLabel('Container type').selectOption(type);
  await form.getByRole('button', { name: 'Add container' }).click();
  const section = containerSection(page, name);
  await section.waitFor();
  return section;
}

export function containerSection(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** The positions of a container's layout that hold something. */
export function filledPositions(page: Page, type: string, container: string): Locator {
  return page.getByRole('group', { name: `${type} ${container}` }).getByRole('button', { name: /^Position \w+: (?!empty)/ });
}

/** Pastes a sheet into a container's sample box and sends it; the caller checks the outcome. */
export async function pasteSamples(page: Page, container: string, sheet: string): Promise<void> {
  const form = page.getByRole('form', { name: `Add samples to ${container} from a spreadsheet` });
  await form.getByLabel('Paste samples from a spreadsheet').fill(sheet);
  await form.getByRole('button', { name: 'Add samples' }).click();
}

/** Sends the draft whose page is open and waits for it to read as sent. */
export async function sendShipment(page: Page, carrier: string, tracking: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Send the shipment' });
  await form.getByLabel('Carrier').fill(carrier);
  await form.getByLabel('Tracking number').fill(tracking);
  await form.getByRole('button', { name: 'Send shipment' }).click();
  await page.getByRole('region', { name: 'Shipment details' }).getByRole('definition').getByText('Sent', { exact: true }).waitFor();
}

/**
 * A shipment `name` with one Uni-Puck seated from a pasted spreadsheet (`rowsTsv`), sent with a
 * carrier and tracking number. Ends on the shipment's page; returns its URL and the puck's name.
 */
export async function createShipmentWithPuck(page: Page, name: string, rowsTsv: string): Promise<{ url: string; puck: string }> {
  const puck = `${name.replace(/[^\w-]+/g, '-')}-PUCK`;
  await createDraft(page, name);
  await addContainer(page, puck);
  await pasteSamples(page, puck, rowsTsv);
  const lines = rowsTsv.split(/\r?\n/).filter((l) => l.trim() !== '' && !/^name\b/i.test(l.trim())).length;
  await page.getByRole('status').filter({ hasText: `added to ${puck}` }).waitFor();
  assert.equal(await filledPositions(page, 'Uni-Puck', puck).count(), lines);
  await sendShipment(page, 'Purolator', `TRACK-${puck}`);
  return { url: page.url(), puck };
}
