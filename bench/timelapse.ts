// Timelapse rendering: 50 tile-compressed 2048×2048 float32 frames into a 500-pixel WebM through
// renderTimelapse (decode, zscale, resample, gamma, ffmpeg), in process as before and with its
// default worker threads, run in turn; against the floor: the same ffmpeg, arguments and frame
// feeding, given the same 500-pixel gray frames already rendered.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { renderTimelapse } from '../src/tom/timelapse/index.ts';
import { ffmpegArguments } from '../src/tom/timelapse/encoders.ts';
import { FrameSink } from '../src/tom/timelapse/frame-sink.ts';
import { scanFrame } from '../src/tom/timelapse/frame-scan.ts';
import { renderFrame } from '../src/tom/timelapse/render-frame.ts';
import { gammaTable } from '../src/tom/timelapse/gamma.ts';
import { fitWithin } from '../src/tom/timelapse/geometry.ts';
import { locateMediaTools, startFfmpeg } from '../src/platform/media/ffmpeg.ts';
import { benchFrames, FRAMES, SIDE } from './lib/fits-frames.ts';
import { repeatFor } from './lib/repeat.ts';
import type { Outcome, Row } from './lib/table.ts';

const run = promisify(execFile);
const SIZE = 500;
const FPS = 10;

/** The gray frames renderTimelapse hands to ffmpeg, rendered once with the same recipe. */
async function grayFrames(files: string[]): Promise<Uint8Array[]> {
  const recipe = { cropScale: null, normaliseBackground: false, output: fitWithin(SIDE, SIDE, SIZE, false), gamma: gammaTable() };
  const frames: Uint8Array[] = [];
  for (const [index, file] of files.entries()) {
    const info = await scanFrame({ path: file, name: path.basename(file) }, index);
    frames.push(await renderFrame(info, info, recipe));
  }
  return frames;
}

/** A video's frames as raw gray pixels (the container's bytes differ from run to run). */
async function decodedFrames(ffmpeg: string, file: string): Promise<Buffer> {
  const { stdout } = await run(ffmpeg, ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'], { encoding: 'buffer', maxBuffer: 64 * 2 ** 20 });
  return stdout;
}

async function encodeOnly(ffmpeg: string, frames: Uint8Array[], output: string): Promise<void> {
  const encoder = startFfmpeg(ffmpeg, ffmpegArguments('webm', fitWithin(SIDE, SIDE, SIZE, false), FPS, output), { stdin: 'pipe' });
  const sink = new FrameSink(encoder);
  for (const frame of frames) await sink.write(frame);
  await sink.end();
}

interface Timed {
  seconds: number[];
  /** CPU seconds of this process (all its threads, not ffmpeg) per run. */
  cpu: number[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The two ways of rendering, run in turn (in-process, workers, in-process, ...) for twice the
 * budget and at least three times each, so a change in the machine's load hits both alike.
 */
async function alternate(seconds: number, ways: Array<() => Promise<unknown>>): Promise<Timed[]> {
  const timed: Timed[] = ways.map(() => ({ seconds: [], cpu: [] }));
  const started = performance.now();
  while (timed[0].seconds.length < 3 || performance.now() - started < seconds * 2000) {
    for (const [i, way] of ways.entries()) {
      const cpu = process.cpuUsage();
      const t = performance.now();
      await way();
      timed[i].seconds.push((performance.now() - t) / 1000);
      const used = process.cpuUsage(cpu);
      timed[i].cpu.push((used.user + used.system) / 1e6);
    }
  }
  return timed;
}

export async function timelapse(seconds: number): Promise<Outcome> {
  const { compressed } = await benchFrames();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lightpath-bench-timelapse-'));
  try {
    const tools = await locateMediaTools();
    const render = (workers: number | undefined, name: string) => () =>
      renderTimelapse({ frames: compressed, output: path.join(out, name), format: 'webm', fps: FPS, size: SIZE, workers });
    const [inProcess, pooled] = await alternate(seconds, [render(0, 'in-process.webm'), render(undefined, 'workers.webm')]);
    const gray = await grayFrames(compressed);
    const floor = await repeatFor(Math.min(seconds, 5), () => encodeOnly(tools.ffmpeg, gray, path.join(out, 'floor.webm')), 3);
    const [a, b] = await Promise.all(['in-process.webm', 'workers.webm'].map((name) => decodedFrames(tools.ffmpeg, path.join(out, name))));
    const same = a.equals(b);
    const today = median(inProcess.seconds);
    const row = (contender: string, runs: number, time: number, cpu: string): Row => ({
      benchmark: `${FRAMES} frames ${SIDE}×${SIDE} .fits.fz → ${SIZE}-px WebM`, contender, runs,
      's per run (median)': time, 'frames/s': FRAMES / time, 'CPU s per run': cpu,
      'time vs floor': `${(time / floor.median).toFixed(1)}×`, 'speed vs in-process': `${(today / time).toFixed(2)}×`,
    });
    const cpus = os.availableParallelism();
    const speedup = today / median(pooled.seconds);
    return {
      rows: [
        row('ffmpeg alone, gray frames prepared (floor)', floor.runs, floor.median, '–'),
        row('renderTimelapse in process (workers: 0, as before)', inProcess.seconds.length, today, median(inProcess.cpu).toFixed(2)),
        row(`renderTimelapse with its default (${cpus} CPUs → worker threads)`, pooled.seconds.length, median(pooled.seconds), median(pooled.cpu).toFixed(2)),
      ],
      notes: [
        `Worker threads vs in process, same run: ${speedup.toFixed(2)}× (goal ≥ 1.5×: ${speedup >= 1.5 ? 'met' : 'not met'}).`,
        `Runs in turn, seconds: in process ${inProcess.seconds.map((s) => s.toFixed(2)).join(', ')}; workers ${pooled.seconds.map((s) => s.toFixed(2)).join(', ')}.`,
        `Decoded to gray frames, the two WebM files are ${same ? 'identical' : 'NOT identical'}; ffmpeg ${tools.ffmpeg} (${tools.source}).`,
      ].join('\n'),
    };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
