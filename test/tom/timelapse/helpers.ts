/** Shared by the timelapse tests: scratch directories, frame files, and reading videos back. */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';
import { locateMediaTools, type MediaTools } from '../../../src/platform/media/ffmpeg.ts';
import { renderTimelapse, type RenderTimelapseOptions } from '../../../src/tom/timelapse/index.ts';
import { writeFits, type FitsImageSpec } from '../../support/fits-writer.ts';

const run = promisify(execFile);

export async function scratch(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lightpath-timelapse-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export async function listDir(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

/** Deterministic noise in [0, 1), so tests do not depend on Math.random. */
export function noise(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

/** A sky of ~100 +- 10 with an optional bright rectangle (FITS coordinates, row 0 = bottom). */
export function skyWithBlock(
  width: number,
  height: number,
  seed: number,
  block?: { x0: number; x1: number; y0: number; y1: number; value?: number },
): (x: number, y: number) => number {
  const next = noise(seed);
  return (x, y) => {
    const sky = 100 + (next() - 0.5) * 20;
    if (block && x >= block.x0 && x < block.x1 && y >= block.y0 && y < block.y1) return block.value ?? 10000;
    return sky;
  };
}

/** The error a render that must fail rejects with. */
export async function rejection(options: RenderTimelapseOptions): Promise<Error> {
  try {
    await renderTimelapse(options);
  } catch (error) {
    return error as Error;
  }
  assert.fail('renderTimelapse should have failed');
}

export async function fitsFile(dir: string, name: string, spec: FitsImageSpec): Promise<string> {
  const file = path.join(dir, name);
  await writeFits(file, spec);
  return file;
}

export async function tools(): Promise<MediaTools> {
  return locateMediaTools();
}

export interface ProbeResult {
  codec: string;
  width: number;
  height: number;
  frames: number;
}

/** ffprobe's decoded-frame count and size of the first video stream. */
export async function probe(file: string): Promise<ProbeResult> {
  const { ffprobe } = await tools();
  if (!ffprobe) throw new Error('these tests need ffprobe (apt-get install ffmpeg)');
  const { stdout } = await run(ffprobe, [
    '-v', 'error', '-count_frames', '-select_streams', 'v:0',
    '-show_entries', 'stream=codec_name,nb_read_frames,width,height', '-of', 'json', file,
  ]);
  const stream = JSON.parse(stdout).streams[0];
  return { codec: stream.codec_name, width: stream.width, height: stream.height, frames: Number(stream.nb_read_frames) };
}

/** Every frame of a video as 8-bit gray pixels (top row first). */
export async function decodeFrames(file: string): Promise<{ width: number; height: number; frames: Uint8Array[] }> {
  const { width, height } = await probe(file);
  const { ffmpeg } = await tools();
  const { stdout } = await run(ffmpeg, ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'], {
    encoding: 'buffer',
    maxBuffer: 512 * 1024 * 1024,
  });
  const size = width * height;
  const frames: Uint8Array[] = [];
  for (let offset = 0; offset + size <= stdout.length; offset += size) frames.push(new Uint8Array(stdout.subarray(offset, offset + size)));
  return { width, height, frames };
}

/** Mean of a rectangle of a decoded frame (display coordinates, row 0 = top). */
export function meanOf(frame: Uint8Array, width: number, x0: number, x1: number, y0: number, y1: number): number {
  let sum = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += frame[y * width + x];
  return sum / ((x1 - x0) * (y1 - y0));
}

/** x of the brightness-weighted centre of the pixels above `threshold`. */
export function brightCentroidX(frame: Uint8Array, width: number, threshold = 200): number {
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < frame.length; i++) {
    if (frame[i] > threshold) {
      sum += (i % width) * frame[i];
      weight += frame[i];
    }
  }
  return weight === 0 ? Number.NaN : sum / weight;
}

/**
 * PIDs of this process's children whose command is ffmpeg (Linux /proc). Synchronous, so
 * a test can look from inside a callback without the render moving on meanwhile.
 */
export function childFfmpegPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid ...
      const match = /^\d+ \((.*)\) \S+ (\d+)/.exec(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      if (match && match[1] === 'ffmpeg' && Number(match[2]) === process.pid) pids.push(Number(entry));
    } catch {
      // the process went away while we looked
    }
  }
  return pids;
}

/** Threads of this process (Linux /proc): each worker thread adds at least one. */
export function threadCount(): number {
  return readdirSync('/proc/self/task').length;
}

/**
 * The thread count once it is back to `baseline`, or the last one seen after a bounded
 * wait: a terminated worker's thread is joined, but the count is read from outside.
 */
export async function threadCountSettling(baseline: number): Promise<number> {
  let count = threadCount();
  for (let i = 0; i < 100 && count > baseline; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    count = threadCount();
  }
  return count;
}

/**
 * A stand-in for ffmpeg that copies its input to its output file (its last argument), so a
 * "video" is exactly the gray frames the renderer fed it.
 */
export async function rawFrameFfmpeg(dir: string): Promise<string> {
  const { chmod, writeFile } = await import('node:fs/promises');
  const fake = path.join(dir, 'raw-ffmpeg');
  await writeFile(fake, '#!/bin/sh\nfor last; do :; done\nexec cat > "$last"\n');
  await chmod(fake, 0o755);
  return fake;
}
