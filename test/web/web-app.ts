// What every browser test of the web app needs: a fresh build of the bundle (made once and reused
// by every test file), a listening `serve`-like app on loopback with the demo facility loaded,
// pages opened in Debian's Chromium, a login as a person would do it, an axe-core check of each
// page visited, and a screenshot when a journey fails (in LIGHTPATH_TEST_SCREENSHOTS).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { makeUser } from '../helpers/accounts.ts';
import { loadFile } from '../../src/loader/load-file.ts';
import { loadSections } from '../../src/modules.ts';
import { launchBrowser } from './browser.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
export const SCREENSHOTS = path.resolve(process.env.LIGHTPATH_TEST_SCREENSHOTS ?? path.join(root, 'test-results', 'screenshots'));

/** Builds web/build when it is missing or older than its sources (scripts/build-web.js decides). */
export function ensureBundle(): void {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-web.js')], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, `building the web app failed:\n${run.stdout}\n${run.stderr}`);
}

export interface WebApp {
  server: TestServer;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * A server with the demo facility (examples/demo-facility.yaml: project `demo`, beamlines SIM-1
 * and SIM-2) and a staff member `staffer`, listening on loopback, and a browser.
 */
export async function startWebApp(options: { env?: Record<string, string> } = {}): Promise<WebApp> {
  ensureBundle();
  const server = await startTestServer({ env: { LIGHTPATH_WEB_DIR: path.join(root, 'web', 'build'), ...options.env } });
  try {
    await loadFile(server.platform, path.join(root, 'examples', 'demo-facility.yaml'), loadSections);
    await makeUser(server.platform, 'staffer', { staff: true });
    const baseUrl = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const browser = await launchBrowser();
    return {
      server, baseUrl, browser,
      async close() {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and failed page scripts (a CSP refusal shows up here). */
  errors: string[];
}

export async function openPage(web: WebApp, options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<OpenPage> {
  const context = await web.browser.newContext({
    baseURL: web.baseUrl,
    viewport: { width: options.width ?? 1400, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Logs in through the login page, as a person would, and waits to leave it. */
export async function logIn(page: Page, username: string, password = `${username}-password`): Promise<void> {
  await page.goto('/login/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login/'));
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it is now and fails on serious or critical violations. The script
 * goes in through the debugging protocol (evaluate), which the page's CSP does not govern.
 */
export async function assertAccessible(page: Page, what = page.url()): Promise<void> {
  await page.evaluate(axeSource);
  // A string, not a function: tsx would wrap a function with helpers the page does not have.
  const violations = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
    result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`) as string[];
  assert.deepEqual(violations, [], `accessibility problems on ${what}`);
}

/** Runs a journey; when it fails, leaves a full-page screenshot named after it. */
export async function journey(name: string, page: Page, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name.replace(/[^\w-]+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    throw error;
  }
}
