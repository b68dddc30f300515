// Steps on the session pages as a person takes them, for this area's journeys and the lead's
// cross-area one: find a session in the list and open it.
import type { Page } from 'playwright-core';

/** From the sessions list: searches for the session, opens it, and waits for its page. */
export async function openSessionPage(page: Page, sessionName: string): Promise<void> {
  await page.goto(`/sessions/?search=${encodeURIComponent(sessionName)}`);
  await page.getByRole('link', { name: sessionName, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: sessionName }).waitFor();
  await page.getByRole('heading', { name: /^Time at the beamline/ }).waitFor();
}
