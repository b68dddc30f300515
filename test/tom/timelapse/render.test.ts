import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderTimelapse, TimelapseError } from '../../../src/tom/timelapse/index.ts';
import {
  brightCentroidX,
  childFfmpegPids,
  decodeFrames,
  fitsFile,
  listDir,
  meanOf,
  probe,
  rejection,
  scratch,
  skyWithBlock,
} from './helpers.ts';

/** The spec's fixture shape: 4 frames 500x50, DATE-OBS 03:04, 03:05, 03:07, 03:06 (deliberately unsorted). */
const MINUTES = [4, 5, 7, 6];

/**
 * Frame i gets a bright block whose x position encodes its DATE-OBS (later = further right).
 * Position rather than brightness: zscale stretches each frame on its own, so a frame's
 * overall level does not survive rendering, but where its bright pixels are does.
 */
async function specFrames(dir: string, width = 500, height = 50): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < MINUTES.length; i++) {
    const minute = MINUTES[i];
    const x0 = Math.round(((minute - 4) / 4) * width) + 10;
    files.push(
      await fitsFile(dir, `test${i}.fits`, {
        width,
        height,
        pixels: skyWithBlock(width, height, i + 1, { x0, x1: x0 + 20, y0: 10, y1: 40 }),
        header: { 'DATE-OBS': `2019-01-02T03:0${minute}:00.000` },
      }),
    );
  }
  return files;
}

const SIGNATURES = {
  gif: (b: Buffer) => b.subarray(0, 6).toString('latin1') === 'GIF89a',
  mp4: (b: Buffer) => b.subarray(4, 8).toString('latin1') === 'ftyp',
  webm: (b: Buffer) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])),
};
const CODECS = { gif: 'gif', mp4: 'h264', webm: 'vp9' };

for (const format of ['gif', 'mp4', 'webm'] as const) {
  test(`${format}: signature, codec, 4 frames of 500x50 in DATE-OBS order`, async (t) => {
    const dir = await scratch(t);
    const files = await specFrames(dir);
    const output = path.join(dir, `t.${format}`);
    const progress: string[] = [];
    const result = await renderTimelapse({
      frames: files, output, format, fps: 16, size: 500,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    const bytes = await readFile(output);
    assert.ok(SIGNATURES[format](bytes), `signature of ${format}: ${bytes.subarray(0, 12).toString('hex')}`);
    assert.deepEqual(result, {
      format, frames: 4, width: 500, height: 50, bytes: bytes.length,
      order: ['test0.fits', 'test1.fits', 'test3.fits', 'test2.fits'],
    });
    assert.deepEqual(progress, ['1/4', '2/4', '3/4', '4/4']);
    assert.deepEqual(await probe(output), { codec: CODECS[format], width: 500, height: 50, frames: 4 });

    // The decoded frames show the blocks moving right: DATE-OBS order, not file order.
    const video = await decodeFrames(output);
    assert.equal(video.frames.length, 4);
    const xs = video.frames.map((frame) => brightCentroidX(frame, video.width));
    for (let i = 1; i < xs.length; i++) assert.ok(xs[i] > xs[i - 1] + 50, `block positions ${xs.map(Math.round)}`);
    assert.deepEqual(await listDir(dir), [...files.map((f) => path.basename(f)), `t.${format}`].sort(), 'no temporary file left');
  });
}

test('gif: frame delay follows fps, and the GIF loops', async (t) => {
  const dir = await scratch(t);
  const files = await specFrames(dir, 40, 20);
  const output = path.join(dir, 't.gif');
  await renderTimelapse({ frames: files, output, format: 'gif', fps: 4, size: 500 });
  const gif = await readFile(output);
  // Graphic Control Extension 21 F9 04 <flags> <delay lo> <delay hi>: 1/4 s = 25 centiseconds.
  const gce = gif.indexOf(Buffer.from([0x21, 0xf9, 0x04]));
  assert.ok(gce > 0);
  assert.equal(gif.readUInt16LE(gce + 4), 25);
  assert.ok(gif.includes(Buffer.from('NETSCAPE2.0', 'latin1')), 'looping application extension present');
});

test('pixels: FITS row 0 ends up at the bottom of the picture (vertical flip)', async (t) => {
  const dir = await scratch(t);
  // A small bright block over FITS rows 0-7 (the bottom), columns 0-7 (a star-like 3 % of
  // the pixels, so zscale rejects it and stretches the sky).
  const file = await fitsFile(dir, 'flip.fits', {
    width: 64, height: 32,
    pixels: skyWithBlock(64, 32, 3, { x0: 0, x1: 8, y0: 0, y1: 8 }),
    header: { 'DATE-OBS': '2019-01-01T00:00:00' },
  });
  const output = path.join(dir, 'flip.gif');
  await renderTimelapse({ frames: [file], output, format: 'gif', fps: 1, size: 500 });
  const { width, height, frames } = await decodeFrames(output);
  assert.deepEqual([width, height], [64, 32]);
  const [frame] = frames;
  assert.equal(meanOf(frame, width, 0, 8, 24, 32), 255, 'bottom-left (FITS rows 0-7) is the saturated block');
  assert.ok(meanOf(frame, width, 0, 8, 0, 8) < 200, 'top-left is sky');
  assert.ok(meanOf(frame, width, 56, 64, 24, 32) < 200, 'bottom-right is sky');
  // The sky is stretched to mid-grays by zscale + gamma, not crushed to black.
  const sky = meanOf(frame, width, 8, 64, 0, 32);
  assert.ok(sky > 60 && sky < 200, `sky level ${sky}`);
});

test('size: shrunk to fit, aspect kept, never enlarged; MP4 gets even sizes', async (t) => {
  const dir = await scratch(t);
  const make = (name: string, width: number, height: number) =>
    fitsFile(dir, name, { width, height, pixels: skyWithBlock(width, height, 9), header: { 'DATE-OBS': '2019-01-01' } });
  const wide = await make('wide.fits', 1000, 200);
  const small = await make('small.fits', 300, 200);
  const odd = await make('odd.fits', 501, 51);

  const r1 = await renderTimelapse({ frames: [wide], output: path.join(dir, 'wide.gif'), format: 'gif', fps: 5, size: 500 });
  assert.deepEqual([r1.width, r1.height], [500, 100]);
  assert.deepEqual(await probe(path.join(dir, 'wide.gif')), { codec: 'gif', width: 500, height: 100, frames: 1 });

  const r2 = await renderTimelapse({ frames: [small], output: path.join(dir, 'small.webm'), format: 'webm', fps: 5, size: 500 });
  assert.deepEqual([r2.width, r2.height], [300, 200]);
  assert.deepEqual(await probe(path.join(dir, 'small.webm')), { codec: 'vp9', width: 300, height: 200, frames: 1 });

  const r3 = await renderTimelapse({ frames: [odd, odd], output: path.join(dir, 'odd.mp4'), format: 'mp4', fps: 5, size: 600 });
  assert.deepEqual([r3.width, r3.height], [500, 50]);
  assert.deepEqual(await probe(path.join(dir, 'odd.mp4')), { codec: 'h264', width: 500, height: 50, frames: 2 });
  const gif = await renderTimelapse({ frames: [odd], output: path.join(dir, 'odd.gif'), format: 'gif', fps: 5, size: 600 });
  assert.deepEqual([gif.width, gif.height], [501, 51], 'GIF keeps odd sizes');
});

test('crop: 500x50 at crop scale 0.8 gives 400x40 frames of the centre; 500x50 without', async (t) => {
  const dir = await scratch(t);
  const files = await specFrames(dir);
  const cropped = await renderTimelapse({ frames: files, output: path.join(dir, 'c.gif'), format: 'gif', fps: 10, size: 500, cropScale: 0.8 });
  assert.deepEqual([cropped.width, cropped.height], [400, 40]);
  assert.deepEqual(await probe(path.join(dir, 'c.gif')), { codec: 'gif', width: 400, height: 40, frames: 4 });
  const whole = await renderTimelapse({ frames: files, output: path.join(dir, 'w.gif'), format: 'gif', fps: 10, size: 500 });
  assert.deepEqual([whole.width, whole.height], [500, 50]);

  // A block along the left edge is saturated without cropping and gone with it.
  const edge = await fitsFile(dir, 'edge.fits', {
    width: 100, height: 100,
    pixels: skyWithBlock(100, 100, 4, { x0: 0, x1: 4, y0: 0, y1: 100 }),
    header: { 'DATE-OBS': '2019-01-01' },
  });
  await renderTimelapse({ frames: [edge], output: path.join(dir, 'edge-whole.gif'), format: 'gif', fps: 1, size: 500 });
  await renderTimelapse({ frames: [edge], output: path.join(dir, 'edge.gif'), format: 'gif', fps: 1, size: 500, cropScale: 0.5 });
  const uncropped = await decodeFrames(path.join(dir, 'edge-whole.gif'));
  assert.equal(meanOf(uncropped.frames[0], 100, 0, 4, 0, 100), 255);
  const croppedEdge = await decodeFrames(path.join(dir, 'edge.gif'));
  assert.equal(croppedEdge.width, 50);
  for (let x = 0; x < 50; x++) assert.ok(meanOf(croppedEdge.frames[0], 50, x, x + 1, 0, 50) < 200, `column ${x} is sky`);
});

test('background normalisation: the sky renders black, sources stay visible', async (t) => {
  const dir = await scratch(t);
  const file = await fitsFile(dir, 'sky.fits', {
    width: 100, height: 100,
    pixels: skyWithBlock(100, 100, 8, { x0: 40, x1: 60, y0: 40, y1: 60, value: 400 }),
    header: { 'DATE-OBS': '2019-01-01' },
  });
  await renderTimelapse({ frames: [file], output: path.join(dir, 'plain.gif'), format: 'gif', fps: 1, size: 500 });
  await renderTimelapse({ frames: [file], output: path.join(dir, 'norm.gif'), format: 'gif', fps: 1, size: 500, normaliseBackground: true });
  const plain = (await decodeFrames(path.join(dir, 'plain.gif'))).frames[0];
  const norm = (await decodeFrames(path.join(dir, 'norm.gif'))).frames[0];
  assert.ok(meanOf(plain, 100, 0, 30, 0, 30) > 60, 'without the flag the sky is gray');
  assert.equal(meanOf(norm, 100, 0, 30, 0, 30), 0, 'with it the sky is black');
  assert.equal(meanOf(norm, 100, 42, 58, 42, 58), 255, 'and the source is bright');
});

test('errors: invalid fps gives "Invalid FPS <fps>" before anything is read or written', async (t) => {
  const dir = await scratch(t);
  const missing = path.join(dir, 'does-not-exist.fits');
  for (const [fps, message] of [[0, 'Invalid FPS 0'], [-1, 'Invalid FPS -1'], ['fast', 'Invalid FPS "fast"'], [Number.NaN, 'Invalid FPS NaN']] as const) {
    const error = await rejection({ frames: [missing], output: path.join(dir, 'x.gif'), format: 'gif', fps: fps as number, size: 500 });
    assert.ok(error instanceof TimelapseError);
    assert.equal(error.message, message);
  }
  const badFormat = await rejection({ frames: [missing], output: path.join(dir, 'x.avi'), format: 'avi' as 'gif', fps: 10, size: 500 });
  assert.equal(badFormat.message, 'Invalid format "avi": must be one of gif, mp4, webm');
  const none = await rejection({ frames: [], output: path.join(dir, 'x.gif'), format: 'gif', fps: 10, size: 500 });
  assert.equal(none.message, 'No input files to process');
  assert.deepEqual(await listDir(dir), []);
});

test('errors: frames of different sizes -> "Invalid parameters. Are all images the same size?"', async (t) => {
  const dir = await scratch(t);
  const a = await fitsFile(dir, 'a.fits', { width: 500, height: 50, pixels: skyWithBlock(500, 50, 1), header: { 'DATE-OBS': '2019-01-01T00:00:00' } });
  const b = await fitsFile(dir, 'b.fits', { width: 400, height: 40, pixels: skyWithBlock(400, 40, 2), header: { 'DATE-OBS': '2019-01-01T00:01:00' } });
  const error = await rejection({ frames: [a, b], output: path.join(dir, 't.webm'), format: 'webm', fps: 10, size: 500 });
  assert.ok(error instanceof TimelapseError);
  assert.equal(error.message, 'Invalid parameters. Are all images the same size?');
  assert.deepEqual(await listDir(dir), ['a.fits', 'b.fits'], 'no output, no temporary file');

  // Sizes are compared after fitting, as the original compared its JPEGs: 1000x100 and 500x50 both become 500x50.
  const big = await fitsFile(dir, 'big.fits', { width: 1000, height: 100, pixels: skyWithBlock(1000, 100, 3), header: { 'DATE-OBS': '2019-01-01T00:02:00' } });
  const ok = await renderTimelapse({ frames: [a, big], output: path.join(dir, 'ok.gif'), format: 'gif', fps: 10, size: 500 });
  assert.deepEqual([ok.frames, ok.width, ok.height], [2, 500, 50]);
});

test('errors: missing DATE-OBS names the file with the spec message', async (t) => {
  const dir = await scratch(t);
  const files = await specFrames(dir, 50, 20);
  const nodate = await fitsFile(dir, 'nodate.fits', { width: 50, height: 20, pixels: skyWithBlock(50, 20, 5), header: { OBJECT: 'm13' } });
  const error = await rejection({ frames: [...files, nodate], output: path.join(dir, 't.gif'), format: 'gif', fps: 10, size: 500 });
  assert.ok(error instanceof TimelapseError);
  assert.equal(error.message, "Error in file 'nodate.fits': could not find observation date in FITS header 'DATE-OBS'");
  const named = await rejection({
    frames: [{ path: nodate, name: 'm13/none/nodate.fits' }], output: path.join(dir, 't.gif'), format: 'gif', fps: 10, size: 500,
  });
  assert.equal(named.message, "Error in file 'm13/none/nodate.fits': could not find observation date in FITS header 'DATE-OBS'");
  assert.ok(!(await listDir(dir)).some((f) => f.startsWith('t.') || f.startsWith('.t.')));
});

test('errors: a corrupt FITS file is named, whether found by the header scan or while encoding', async (t) => {
  const dir = await scratch(t);
  const files = await specFrames(dir, 50, 20);
  const junk = path.join(dir, 'junk.fits');
  await (await import('node:fs/promises')).writeFile(junk, 'not fits '.repeat(400));
  const early = await rejection({ frames: [...files, junk], output: path.join(dir, 't.mp4'), format: 'mp4', fps: 10, size: 500 });
  assert.equal(early.message, "Error in file 'junk.fits': not a FITS file (it does not start with a SIMPLE card in a 2880-byte block)");

  // BLANK is only read when pixels are decoded, so this frame fails after ffmpeg has
  // received the frames before it: the partial output must still disappear.
  const late = await fitsFile(dir, 'late.fits', {
    width: 50, height: 20, bitpix: 16, pixels: skyWithBlock(50, 20, 6),
    header: { BLANK: 'none', 'DATE-OBS': '2019-01-02T03:06:30' },
  });
  const error = await rejection({ frames: [...files, late], output: path.join(dir, 't.mp4'), format: 'mp4', fps: 10, size: 500 });
  assert.ok(error instanceof TimelapseError);
  assert.match(error.message, /^Error in file 'late\.fits': keyword BLANK is not an integer/);
  assert.deepEqual(await listDir(dir), [...files.map((f) => path.basename(f)), 'junk.fits', 'late.fits'].sort());
  assert.deepEqual(childFfmpegPids(), [], 'ffmpeg was stopped');
});

for (const workers of [0, 2]) {
  test(`abort (${workers} workers): kills ffmpeg, rejects with the reason and leaves no file`, async (t) => {
    const dir = await scratch(t);
    const frame = await fitsFile(dir, 'frame.fits', {
      width: 512, height: 512, pixels: skyWithBlock(512, 512, 7, { x0: 100, x1: 120, y0: 100, y1: 120 }),
      header: { 'DATE-OBS': '2019-01-01' },
    });
    const controller = new AbortController();
    let running: number[] = [];
    const error = await rejection({
      frames: Array.from({ length: 40 }, (_, i) => ({ path: frame, name: `f${i}.fits` })),
      output: path.join(dir, 'aborted.webm'),
      format: 'webm', fps: 10, size: 500, workers,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 3) {
          running = childFfmpegPids();
          controller.abort();
        }
      },
    });
    assert.equal(error.name, 'AbortError');
    assert.equal(running.length, 1, 'ffmpeg was running when the abort came');
    assert.deepEqual(childFfmpegPids(), [], 'and is gone now');
    assert.deepEqual(await listDir(dir), ['frame.fits']);

    const already = new AbortController();
    already.abort(new Error('shutting down'));
    const early = await rejection({ frames: [frame], output: path.join(dir, 'x.gif'), format: 'gif', fps: 10, size: 500, signal: already.signal });
    assert.equal(early.message, 'shutting down');
    assert.deepEqual(await listDir(dir), ['frame.fits']);
  });
}

test('output: replaces an existing file only when the new one is complete', async (t) => {
  const dir = await scratch(t);
  const files = await specFrames(dir, 50, 20);
  const output = path.join(dir, 't.gif');
  await (await import('node:fs/promises')).writeFile(output, 'previous timelapse');
  const error = await rejection({ frames: files, output, format: 'gif', fps: 0, size: 500 });
  assert.equal(error.message, 'Invalid FPS 0');
  assert.equal(await readFile(output, 'utf8'), 'previous timelapse', 'a failed run leaves the old file alone');
  await renderTimelapse({ frames: files, output, format: 'gif', fps: 10, size: 500 });
  assert.equal((await readFile(output)).subarray(0, 6).toString(), 'GIF89a');
});

test('workers: frames decoded on worker threads give the same file, and errors keep their message', async (t) => {
  const dir = await scratch(t);
  const files = await specFrames(dir, 120, 60);
  const inline = await renderTimelapse({ frames: files, output: path.join(dir, 'inline.gif'), format: 'gif', fps: 10, size: 500, workers: 0 });
  const pooled = await renderTimelapse({ frames: files, output: path.join(dir, 'pooled.gif'), format: 'gif', fps: 10, size: 500, workers: 2 });
  assert.deepEqual(pooled, { ...inline, bytes: pooled.bytes });
  assert.ok((await readFile(path.join(dir, 'pooled.gif'))).equals(await readFile(path.join(dir, 'inline.gif'))), 'identical GIFs');

  const late = await fitsFile(dir, 'late.fits', {
    width: 120, height: 60, bitpix: 16, pixels: skyWithBlock(120, 60, 6),
    header: { BLANK: 'none', 'DATE-OBS': '2019-01-02T03:06:30' },
  });
  const error = await rejection({ frames: [...files, late], output: path.join(dir, 'bad.gif'), format: 'gif', fps: 10, size: 500, workers: 2 });
  assert.ok(error instanceof TimelapseError, `got ${error}`);
  assert.match(error.message, /^Error in file 'late\.fits': keyword BLANK is not an integer/);
  assert.equal(error.file, 'late.fits');
  assert.ok(!(await listDir(dir)).some((f) => f.startsWith('bad.') || f.startsWith('.bad.')));
  assert.deepEqual(childFfmpegPids(), []);
});

test('tile-compressed frames (fpack .fits.fz) render like plain ones', async (t) => {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const run = promisify(execFile);
  if (!(await run('fpack', ['-V']).then(() => true, () => false))) {
    t.skip('fpack not installed (apt-get install libcfitsio-bin)');
    return;
  }
  const dir = await scratch(t);
  const files = await specFrames(dir, 200, 40);
  for (const file of files) await run('fpack', ['-D', '-Y', file]); // replaces x.fits by x.fits.fz
  const compressed = files.map((f) => `${f}.fz`);
  const result = await renderTimelapse({ frames: compressed, output: path.join(dir, 't.webm'), format: 'webm', fps: 10, size: 500 });
  assert.deepEqual(result.order, ['test0.fits.fz', 'test1.fits.fz', 'test3.fits.fz', 'test2.fits.fz']);
  assert.deepEqual(await probe(path.join(dir, 't.webm')), { codec: 'vp9', width: 200, height: 40, frames: 4 });
  const video = await decodeFrames(path.join(dir, 't.webm'));
  const xs = video.frames.map((frame) => brightCentroidX(frame, video.width));
  for (let i = 1; i < xs.length; i++) assert.ok(xs[i] > xs[i - 1] + 20, `block positions ${xs.map(Math.round)}`);
});

test('ffmpeg failing mid-run: FfmpegError with its stderr, no output, no temporary file', async (t) => {
  const { chmod, writeFile } = await import('node:fs/promises');
  const { FfmpegError } = await import('../../../src/platform/media/ffmpeg.ts');
  const dir = await scratch(t);
  const files = await specFrames(dir, 50, 20);
  const fake = path.join(dir, 'fake-ffmpeg');
  // Reads one frame's worth of input, complains and quits, like an encoder that gave up.
  await writeFile(fake, '#!/bin/sh\nhead -c 1000 >/dev/null\necho "boom: encoder exploded" >&2\nexit 3\n');
  await chmod(fake, 0o755);
  const error = await rejection({ frames: files, output: path.join(dir, 't.webm'), format: 'webm', fps: 10, size: 500, ffmpegPath: fake });
  assert.ok(error instanceof FfmpegError, `got ${error}`);
  assert.equal(error.exitCode, 3);
  assert.equal(error.message, 'ffmpeg failed (exit code 3): boom: encoder exploded');
  assert.deepEqual(await listDir(dir), [...files.map((f) => path.basename(f)), 'fake-ffmpeg'].sort());
});

test('stretch options reach the renderer: a median black point darkens the sky', async (t) => {
  const dir = await scratch(t);
  const file = await fitsFile(dir, 'sky.fits', { width: 80, height: 80, pixels: skyWithBlock(80, 80, 12), header: { 'DATE-OBS': '2019-01-01' } });
  await renderTimelapse({ frames: [file], output: path.join(dir, 'iraf.gif'), format: 'gif', fps: 1, size: 500 });
  await renderTimelapse({ frames: [file], output: path.join(dir, 'orig.gif'), format: 'gif', fps: 1, size: 500, stretch: { contrast: 0.1, blackPoint: 'median' } });
  const iraf = meanOf((await decodeFrames(path.join(dir, 'iraf.gif'))).frames[0], 80, 0, 80, 0, 80);
  const orig = meanOf((await decodeFrames(path.join(dir, 'orig.gif'))).frames[0], 80, 0, 80, 0, 80);
  assert.ok(orig < iraf - 30, `median black point ${orig} vs zscale ${iraf}`);
});
