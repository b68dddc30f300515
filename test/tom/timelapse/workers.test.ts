// Frames decoded on worker threads: the same gray frames reach ffmpeg as when they are decoded in
// the calling thread, big frames use workers by default, and no worker outlives a run, whatever
// ends it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { renderTimelapse, TimelapseError } from '../../../src/tom/timelapse/index.ts';
import { childFfmpegPids, fitsFile, listDir, rawFrameFfmpeg, rejection, scratch, skyWithBlock, threadCount, threadCountSettling } from './helpers.ts';

/**
 * `count` frames whose bright block moves right with time, inside the centre that a crop keeps;
 * files are named in a shuffled order.
 */
async function movingBlock(dir: string, count: number, width: number, height: number): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const minute = (i * 5) % count; // a permutation of 0..count-1 when count is prime
    const x0 = Math.round(width * (0.25 + (minute / count) * 0.4));
    files.push(
      await fitsFile(dir, `f${i}.fits`, {
        width, height,
        pixels: skyWithBlock(width, height, 50 + i, { x0, x1: x0 + 12, y0: 5, y1: height - 5 }),
        header: { 'DATE-OBS': `2020-05-06T07:${String(10 + minute).padStart(2, '0')}:00` },
      }),
    );
  }
  return files;
}

/** Renders once in this thread (loading what the first run loads) and once on a worker, then counts threads. */
async function settledBaseline(dir: string, ffmpegPath: string): Promise<number> {
  const files = await movingBlock(dir, 3, 40, 30);
  for (const workers of [0, 1]) await renderTimelapse({ frames: files, output: path.join(dir, 'warm.raw'), format: 'gif', fps: 10, size: 500, workers, ffmpegPath });
  return threadCountSettling(0);
}

const variants = [
  { options: {}, workerCounts: [0, 1, 2, 3] },
  { options: { cropScale: 0.7, normaliseBackground: true }, workerCounts: [0, 2] },
];
for (const { options, workerCounts } of variants) {
  test(`workers: ffmpeg gets the same gray frames, byte for byte, with ${workerCounts.join(', ')} workers ${JSON.stringify(options)}`, async (t) => {
    const dir = await scratch(t);
    const ffmpegPath = await rawFrameFfmpeg(dir);
    const files = await movingBlock(dir, 11, 240, 90);
    const raw: Buffer[] = [];
    for (const workers of workerCounts) {
      const output = path.join(dir, `w${workers}.raw`);
      const result = await renderTimelapse({ frames: files, output, format: 'webm', fps: 10, size: 120, workers, ffmpegPath, ...options });
      raw.push(await readFile(output));
      assert.equal(raw.at(-1)!.length, 11 * result.width * result.height, `${workers} workers: 11 whole frames`);
    }
    const frameBytes = raw[0].length / 11;
    const frames = Array.from({ length: 11 }, (_, i) => raw[0].subarray(i * frameBytes, (i + 1) * frameBytes));
    assert.equal(new Set(frames.map((f) => f.toString('base64'))).size, 11, 'every frame differs, so a swap would show');
    for (const [i, bytes] of raw.entries()) assert.ok(bytes.equals(raw[0]), `${workerCounts[i]} workers: the same frames in the same order`);
  });
}

test('workers: big frames are decoded on worker threads by default, and none is left afterwards', async (t) => {
  if (availableParallelism() < 2) {
    t.skip('one CPU: frames are decoded in the calling thread');
    return;
  }
  const dir = await scratch(t);
  const ffmpegPath = await rawFrameFfmpeg(dir);
  const baseline = await settledBaseline(dir, ffmpegPath);
  // Three frames of just over a megapixel, the smallest that take workers.
  const files = await movingBlock(dir, 3, 1024, 1025);
  let during = 0;
  await renderTimelapse({
    frames: files, output: path.join(dir, 'default.raw'), format: 'gif', fps: 10, size: 64, ffmpegPath,
    onProgress: (done) => {
      if (done === 1) during = threadCount();
    },
  });
  assert.ok(during >= baseline + 2, `threads while rendering: ${during}, before: ${baseline}`);
  assert.equal(await threadCountSettling(baseline), baseline, 'the workers are gone');

  await renderTimelapse({ frames: files, output: path.join(dir, 'inline.raw'), format: 'gif', fps: 10, size: 64, ffmpegPath, workers: 0 });
  assert.ok((await readFile(path.join(dir, 'default.raw'))).equals(await readFile(path.join(dir, 'inline.raw'))), 'the same frames');
});

test('workers: none is left after a failed frame, a failed header, a failing ffmpeg or an abort', async (t) => {
  const dir = await scratch(t);
  const ffmpegPath = await rawFrameFfmpeg(dir);
  const baseline = await settledBaseline(dir, ffmpegPath);
  const files = await movingBlock(dir, 7, 120, 60);
  const base = { format: 'gif', fps: 10, size: 500, workers: 2 } as const;

  // Found while decoding, on a worker: the header scan accepts it.
  const late = await fitsFile(dir, 'late.fits', {
    width: 120, height: 60, bitpix: 16, pixels: skyWithBlock(120, 60, 6),
    header: { BLANK: 'none', 'DATE-OBS': '2020-05-06T07:12:30' },
  });
  const decoding = await rejection({ ...base, frames: [...files, late], output: path.join(dir, 'a.gif') });
  assert.ok(decoding instanceof TimelapseError, `got ${decoding}`);
  assert.match(decoding.message, /^Error in file 'late\.fits': keyword BLANK is not an integer/);
  assert.equal(await threadCountSettling(baseline), baseline, 'after a frame failed to decode');

  // Found by the header scan, after the first header has started the workers.
  const undated = await fitsFile(dir, 'undated.fits', { width: 120, height: 60, pixels: skyWithBlock(120, 60, 8) });
  const header = await rejection({ ...base, frames: [...files, undated], output: path.join(dir, 'b.gif') });
  assert.equal(header.message, "Error in file 'undated.fits': could not find observation date in FITS header 'DATE-OBS'");
  assert.equal(await threadCountSettling(baseline), baseline, 'after a header failed');

  const quitter = path.join(dir, 'quitting-ffmpeg');
  await (await import('node:fs/promises')).writeFile(quitter, '#!/bin/sh\nhead -c 100 >/dev/null\necho "gave up" >&2\nexit 3\n', { mode: 0o755 });
  const encoder = await rejection({ ...base, frames: files, output: path.join(dir, 'c.gif'), ffmpegPath: quitter });
  assert.equal(encoder.message, 'ffmpeg failed (exit code 3): gave up');
  assert.equal(await threadCountSettling(baseline), baseline, 'after ffmpeg failed');

  const controller = new AbortController();
  const aborted = await rejection({
    ...base, frames: [...files, ...files, ...files], output: path.join(dir, 'd.webm'), format: 'webm', signal: controller.signal,
    onProgress: (done) => {
      if (done === 2) controller.abort();
    },
  });
  assert.equal(aborted.name, 'AbortError');
  assert.deepEqual(childFfmpegPids(), [], 'ffmpeg was stopped');
  assert.equal(await threadCountSettling(baseline), baseline, 'after an abort');

  const left = (await listDir(dir)).filter((f) => /^\.?[a-d]\./.test(f));
  assert.deepEqual(left, [], 'no output and no temporary file');
});
