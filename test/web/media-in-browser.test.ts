// Issue 8 item A.2, as a person sees it: a timelapse URL opened directly in Chromium plays, a player
// can seek in it, and a GIF shows — while an HTML file among the data still runs no script. Under
// the old `sandbox` policy for every file, Chromium's media document refused the video.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { makeDataTree } from '../dataproxy/data-tree.ts';
import type { DataTree } from '../dataproxy/data-tree.ts';
import { launchBrowser } from './browser.ts';

/** A 2-second 64×48 test pattern, encoded by ffmpeg as a timelapse would be. */
function encode(output: string, codec: string[]): void {
  execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=10', '-t', '2', ...codec, '-pix_fmt', 'yuv420p', '-y', output]);
}

describe('media files opened directly in Chromium', () => {
  let tree: DataTree;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let base: string;

  before(async () => {
    tree = makeDataTree();
    encode(path.join(tree.session, 'timelapse.webm'), ['-c:v', 'libvpx-vp9']);
    encode(path.join(tree.session, 'timelapse.mp4'), ['-c:v', 'libx264', '-movflags', '+faststart']);
    execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=5', '-t', '1', '-y', path.join(tree.session, 'timelapse.gif')]);
    fs.writeFileSync(path.join(tree.session, 'notes.txt'), '<script>document.title = "script ran"</script>');
    server = await startTestServer({ env: tree.env });
    const address = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const key = (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: tree.session } })).json().key;
    assert.match(key, /^[0-9a-f]{40}$/);
    base = `${address}/download/files/raw/${key}`;
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    tree?.remove();
  });

  // Runs in the page as text: tsx would wrap named functions in a helper the page does not have.
  // Waits for the metadata, seeks to 1.5 s, and reports what the player then holds.
  const PLAY_AND_SEEK = `new Promise((resolve) => {
    const video = document.querySelector('video');
    if (!video) return resolve({ width: 0, duration: 0, error: -1, seekedTo: null });
    const report = (seekedTo) => resolve({ width: video.videoWidth, duration: video.duration, error: video.error ? video.error.code : null, seekedTo });
    const timer = setTimeout(() => report(null), 5000);
    const seek = () => {
      video.addEventListener('seeked', () => { clearTimeout(timer); report(video.currentTime); }, { once: true });
      video.currentTime = 1.5;
    };
    if (video.readyState >= 1) return seek();
    video.addEventListener('loadedmetadata', seek, { once: true });
    video.addEventListener('error', () => { clearTimeout(timer); report(null); }, { once: true });
  })`;

  /** Opens the URL as its own document, as a person following a link would. */
  async function openVideo(name: string) {
    // 'commit': a media document that refuses its video never fires 'load'; the script below times out instead.
    await page.goto(`${base}/${name}`, { waitUntil: 'commit' });
    await page.waitForSelector('video', { state: 'attached', timeout: 10000 });
    // Under a sandbox policy the media document never answers at all: give up after 15 s.
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name}: the player never answered (blocked by the page's policy?)`)), 15000);
    });
    try {
      return await Promise.race([page.evaluate(PLAY_AND_SEEK) as Promise<{ width: number; duration: number; error: number | null; seekedTo: number | null }>, silent]);
    } finally {
      clearTimeout(timer);
    }
  }

  test('a WebM timelapse plays and seeks', async () => {
    const state = await openVideo('timelapse.webm');
    assert.deepEqual({ width: state.width, error: state.error }, { width: 64, error: null });
    assert.ok(Math.abs(state.duration - 2) < 0.2, `duration ${state.duration}`);
    assert.ok(state.seekedTo !== null && Math.abs(state.seekedTo - 1.5) < 0.2, `seeked to ${state.seekedTo}`);
  });

  test('an MP4 timelapse plays and seeks', async () => {
    const state = await openVideo('timelapse.mp4');
    assert.deepEqual({ width: state.width, error: state.error }, { width: 64, error: null });
    assert.ok(state.seekedTo !== null && Math.abs(state.seekedTo - 1.5) < 0.2, `seeked to ${state.seekedTo}`);
  });

  test('a GIF timelapse shows as a picture', async () => {
    await page.goto(`${base}/timelapse.gif`);
    const size = await page.evaluate(async () => {
      const image = document.querySelector('img');
      if (!image) return null;
      await image.decode().catch(() => {});
      return { width: image.naturalWidth, height: image.naturalHeight };
    });
    assert.deepEqual(size, { width: 64, height: 48 });
  });

  test('a text file holding markup runs no script', async () => {
    await page.goto(`${base}/notes.txt`);
    assert.notEqual(await page.title(), 'script ran');
    assert.match(await page.evaluate(() => document.body.innerText), /<script>/);
  });
});
