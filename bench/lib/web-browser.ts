// What the browser does with the web app: the JavaScript the first page loads (every script of
// /login/ and then of the dashboard after logging in, gzipped here from the bytes served), and the
// time from navigation start until the shipment list is usable, against a static page's.
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../test/web/browser.ts';
import type { Row } from './table.ts';

export interface ScriptSize {
  url: string;
  bytes: number;
  gzip: number;
}

function recordScripts(page: Page, into: Map<string, ScriptSize>): void {
  page.on('response', async (response) => {
    const url = new URL(response.url());
    const type = response.request().resourceType();
    if (type !== 'script' && !url.pathname.endsWith('.js')) return;
    const body = await response.body().catch(() => null);
    if (body && !into.has(url.pathname)) into.set(url.pathname, { url: url.pathname, bytes: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
  });
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login/'));
}

/** Scripts of /login/ (as first opened), then those the dashboard adds after logging in. */
export async function firstPageScripts(browser: Browser, base: string, username: string, password: string): Promise<{ login: ScriptSize[]; dashboard: ScriptSize[] }> {
  const context = await browser.newContext({ baseURL: base });
  try {
    const page = await context.newPage();
    const seen = new Map<string, ScriptSize>();
    recordScripts(page, seen);
    await page.goto('/login/', { waitUntil: 'networkidle' });
    const login = [...seen.values()];
    await logIn(page, username, password);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const dashboard = [...seen.values()].filter((s) => !login.includes(s));
    return { login, dashboard };
  } finally {
    await context.close();
  }
}

const sum = (list: ScriptSize[], key: 'bytes' | 'gzip') => list.reduce((total, s) => total + s[key], 0);

export function scriptRows(scripts: { login: ScriptSize[]; dashboard: ScriptSize[] }): Row[] {
  const rows: Row[] = [];
  for (const [when, list] of [['/login/', scripts.login], ['dashboard (added)', scripts.dashboard]] as const) {
    for (const s of [...list].sort((a, b) => b.gzip - a.gzip)) rows.push({ page: when, script: s.url.replace(/^\/_app\/immutable\//, ''), bytes: s.bytes, 'gzip bytes': s.gzip });
    rows.push({ page: when, script: `total (${list.length} scripts)`, bytes: sum(list, 'bytes'), 'gzip bytes': sum(list, 'gzip') });
  }
  const all = [...scripts.login, ...scripts.dashboard];
  rows.push({ page: '/login/ + dashboard', script: `total (${all.length} scripts)`, bytes: sum(all, 'bytes'), 'gzip bytes': sum(all, 'gzip') });
  return rows;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Milliseconds since this document's navigation started. */
const sinceNavigation = (page: Page) => page.evaluate(() => performance.now());

/**
 * Loads /shipments/ afresh `runs` times in a logged-in tab: the time until the table shows its
 * rows, and until a click on the Name sort link has put ?ordering=name in the URL and the re-sorted
 * rows are shown. The baselines: /robots.txt (a static file) until its load event, and /login/
 * until its Log in button is visible.
 */
export async function shipmentListTimes(browser: Browser, base: string, username: string, password: string, runs: number): Promise<Row[]> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const robots: number[] = [];
    const login: number[] = [];
    const rows: number[] = [];
    const sorted: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      await page.goto('/robots.txt', { waitUntil: 'load' });
      const robotsMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
      await context.clearCookies();
      await page.goto('/login/', { waitUntil: 'commit' });
      await page.getByRole('button', { name: 'Log in' }).waitFor();
      const loginMs = await sinceNavigation(page);
      await logIn(page, username, password);
      await page.goto('/shipments/', { waitUntil: 'commit' });
      const table = page.getByRole('table');
      await table.getByRole('row').nth(1).waitFor();
      const rowsMs = await sinceNavigation(page);
      await table.getByRole('link', { name: /^Name/ }).click();
      await page.waitForURL((url) => url.searchParams.get('ordering') === 'name');
      await table.locator('[aria-sort="ascending"]').waitFor();
      await page.locator('[aria-busy="false"]').waitFor();
      const sortedMs = await sinceNavigation(page);
      if (i === 0) continue; // the first round fills the browser's and the server's caches
      robots.push(robotsMs);
      login.push(loginMs);
      rows.push(rowsMs);
      sorted.push(sortedMs);
    }
    const row = (what: string, values: number[]): Row => ({ page: what, runs: values.length, 'median ms': median(values), 'min ms': Math.min(...values), 'max ms': Math.max(...values) });
    return [
      row('/robots.txt, load event (baseline)', robots),
      row('/login/, Log in button visible (baseline)', login),
      row('/shipments/, rows visible', rows),
      row('/shipments/, sorted by Name after a click', sorted),
    ];
  } finally {
    await context.close();
  }
}

export { launchBrowser };
