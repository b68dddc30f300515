import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  FfmpegError,
  FfmpegNotFoundError,
  locateMediaTools,
  npmFfmpegPath,
  runFfmpeg,
  startFfmpeg,
} from '../../../src/platform/media/ffmpeg.ts';
import { renderTimelapse } from '../../../src/tom/timelapse/index.ts';
import { fitsFile, probe, scratch, skyWithBlock } from './helpers.ts';

test('locate: the system ffmpeg and ffprobe on the PATH come first', async () => {
  const tools = await locateMediaTools();
  assert.equal(tools.source, 'system');
  assert.equal(path.basename(tools.ffmpeg), 'ffmpeg');
  assert.ok(tools.ffprobe && path.basename(tools.ffprobe) === 'ffprobe');
});

test('locate: a configured path wins, and a wrong one is an error, not a silent fallback', async (t) => {
  const system = await locateMediaTools();
  const configured = await locateMediaTools({ configuredPath: system.ffmpeg });
  assert.deepEqual(configured, { ffmpeg: system.ffmpeg, ffprobe: system.ffprobe, source: 'configured' });

  const dir = await scratch(t);
  await assert.rejects(
    locateMediaTools({ configuredPath: path.join(dir, 'nope') }),
    (e: unknown) => e instanceof FfmpegNotFoundError && e.message === `LIGHTPATH_FFMPEG is set to ${path.join(dir, 'nope')}, which is not an executable file`,
  );
  const notExecutable = path.join(dir, 'ffmpeg');
  await writeFile(notExecutable, '#!/bin/sh\n');
  await chmod(notExecutable, 0o644);
  await assert.rejects(locateMediaTools({ configuredPath: notExecutable }), FfmpegNotFoundError);
  await assert.rejects(locateMediaTools({ configuredPath: dir }), FfmpegNotFoundError, 'a directory is not an ffmpeg');
});

test('locate: without a system ffmpeg the npm-shipped binary is used, and it encodes', async (t) => {
  const shipped = npmFfmpegPath();
  assert.ok(shipped, '@ffmpeg-installer/ffmpeg provides a binary for this platform');
  assert.match(shipped, /@ffmpeg-installer/);
  const tools = await locateMediaTools({ searchPath: '' });
  assert.deepEqual(tools, { ffmpeg: shipped, ffprobe: null, source: 'npm' });

  // A timelapse made with it plays (checked with the system ffprobe).
  const dir = await scratch(t);
  const frames = [];
  for (let i = 0; i < 3; i++) {
    frames.push(await fitsFile(dir, `f${i}.fits`, { width: 40, height: 30, pixels: skyWithBlock(40, 30, i + 1), header: { 'DATE-OBS': `2019-01-01T00:0${i}:00` } }));
  }
  for (const format of ['webm', 'mp4', 'gif'] as const) {
    const output = path.join(dir, `npm.${format}`);
    await renderTimelapse({ frames, output, format, fps: 5, size: 500, ffmpegPath: shipped });
    const info = await probe(output);
    assert.equal(info.frames, 3, format);
    assert.deepEqual([info.width, info.height], [40, 30], format);
  }
});

test('locate: nothing anywhere gives a message saying what to do', async () => {
  await assert.rejects(
    locateMediaTools({ searchPath: '', allowNpm: false }),
    (e: unknown) => e instanceof FfmpegNotFoundError && /LIGHTPATH_FFMPEG/.test(e.message) && /apt-get install ffmpeg/.test(e.message) && /@ffmpeg-installer\/ffmpeg/.test(e.message),
  );
});

test('run: a failing ffmpeg rejects with FfmpegError carrying its stderr', async () => {
  const { ffmpeg } = await locateMediaTools();
  await assert.rejects(runFfmpeg(ffmpeg, ['-v', 'error', '-i', '/nonexistent/input.fits', '-f', 'null', '-']), (e: unknown) => {
    assert.ok(e instanceof FfmpegError);
    assert.equal(e.exitCode, 1);
    assert.match(e.stderrTail, /No such file or directory/);
    assert.match(e.message, /^ffmpeg failed \(exit code 1\): .*No such file or directory/);
    return true;
  });
  await assert.rejects(runFfmpeg('/nonexistent/ffmpeg', ['-version']), (e: unknown) => e instanceof FfmpegError && /cannot run ffmpeg/.test(e.message));
});

test('run: aborting kills ffmpeg while it waits for input', async () => {
  const { ffmpeg } = await locateMediaTools();
  const controller = new AbortController();
  const proc = startFfmpeg(ffmpeg, ['-v', 'error', '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', '2x2', '-i', 'pipe:0', '-f', 'null', '-'], {
    signal: controller.signal,
    stdin: 'pipe',
  });
  proc.stdin!.write(Buffer.alloc(4)); // one frame, then silence: ffmpeg would wait for ever
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(proc.exited, false);
  controller.abort();
  await assert.rejects(proc.done, (e: unknown) => (e as Error).name === 'AbortError');
  assert.equal(proc.exited, true);
  assert.throws(() => process.kill(proc.pid!, 0), /ESRCH/, 'the process is gone');
});
