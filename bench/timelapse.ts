// Timelapse rendering: 50 tile-compressed 2048×2048 float32 frames into a 500-pixel WebM through
// renderTimelapse (decode, zscale, resample, gamma, ffmpeg), against the floor: the same ffmpeg,
// arguments and frame feeding, given the same 500-pixel gray frames already rendered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
import type { Repeated } from './lib/repeat.ts';
import type { Row } from './lib/table.ts';

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

async function encodeOnly(ffmpeg: string, frames: Uint8Array[], output: string): Promise<void> {
  const encoder = startFfmpeg(ffmpeg, ffmpegArguments('webm', fitWithin(SIDE, SIDE, SIZE, false), FPS, output), { stdin: 'pipe' });
  const sink = new FrameSink(encoder);
  for (const frame of frames) await sink.write(frame);
  await sink.end();
}

export async function timelapse(seconds: number): Promise<Row[]> {
  const { compressed } = await benchFrames();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lightpath-bench-timelapse-'));
  try {
    const tools = await locateMediaTools();
    let bytes = 0;
    const lightpath = await repeatFor(seconds, async () => {
      const result = await renderTimelapse({ frames: compressed, output: path.join(out, 'timelapse.webm'), format: 'webm', fps: FPS, size: SIZE });
      bytes = result.bytes;
    });
    const gray = await grayFrames(compressed);
    const floor = await repeatFor(Math.min(seconds, 5), () => encodeOnly(tools.ffmpeg, gray, path.join(out, 'floor.webm')), 3);
    const row = (contender: string, measured: Repeated): Row => ({
      benchmark: `${FRAMES} frames ${SIDE}×${SIDE} .fits.fz → ${SIZE}-px WebM`, contender, runs: measured.runs,
      's per run (median)': measured.median, 'frames/s': FRAMES / measured.median, 'time vs floor': `${(measured.median / floor.median).toFixed(1)}×`,
    });
    console.error(`  WebM: ${bytes} bytes; ffmpeg ${tools.ffmpeg} (${tools.source})`);
    return [
      row('ffmpeg alone, gray frames prepared (floor)', floor),
      row(`renderTimelapse (${os.availableParallelism()} CPUs → ${os.availableParallelism() < 3 ? 'no' : 'with'} worker threads)`, lightpath),
    ];
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
