// Headless Chromium for the browser tests: Debian's own build (.ci/run installs it), driven by
// playwright-core, which brings no browser of its own.
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env.LIGHTPATH_TEST_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM}: apt-get install chromium (or set LIGHTPATH_TEST_CHROMIUM).`);
  }
  // --no-sandbox: Chromium's own sandbox cannot start as root, which is how CI runs.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required'] });
}
