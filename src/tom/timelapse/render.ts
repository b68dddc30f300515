/**
 * renderTimelapse: FITS frames -> GIF / MP4 / WebM (spec §3).
 *
 *   1. check the settings (fps first: `Invalid FPS <fps>`);
 *   2. read every file's headers: DATE-OBS and image size (missing date -> `Error in file
 *      '<name>': could not find observation date in FITS header 'DATE-OBS'`);
 *   3. sort by DATE-OBS; work out each frame's output size (crop, then fit within size);
 *      if they differ -> `Invalid parameters. Are all images the same size?` - all before
 *      ffmpeg starts, so a doomed run costs header reads only;
 *   4. start ffmpeg writing to a temporary file next to the output, then decode, render and
 *      pipe one frame at a time, in order, while the next frames are decoded: on worker
 *      threads for big frames (started as soon as the first header is read, up to two frames
 *      per worker in work), or in this thread, one frame ahead of ffmpeg;
 *   5. rename the temporary file onto the output once ffmpeg has succeeded.
 * Any failure or abort kills ffmpeg, waits for it to exit and deletes the temporary file,
 * so a failed run leaves nothing behind and never a half-written output.
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { locateMediaTools, startFfmpeg, type FfmpegProcess } from '../../platform/media/ffmpeg.ts';
import { cropBox } from './crop.ts';
import { ffmpegArguments, needsEvenDimensions } from './encoders.ts';
import { DIFFERENT_SIZES_MESSAGE, fileError, TimelapseError } from './errors.ts';
import { scanFrame, type FrameInfo, type FrameSource } from './frame-scan.ts';
import { FramePool } from './frame-pool.ts';
import { FrameSink } from './frame-sink.ts';
import { gammaTable } from './gamma.ts';
import { fitWithin, type FrameSize } from './geometry.ts';
import { orderByDate } from './order.ts';
import { emptyCropDetail, renderFrame, type FrameRecipe } from './render-frame.ts';
import { requireTimelapseSettings, type TimelapseFormat } from './settings.ts';
import type { ZscaleOptions } from './zscale.ts';
import { timelapsesMade } from '../../platform/metrics/process-metrics.ts';

export interface TimelapseFrameInput {
  path: string;
  /** Name for messages; defaults to the file's base name. */
  name?: string;
}

export interface RenderTimelapseOptions {
  /** FITS files (.fits / .fz), in any order. */
  frames: ReadonlyArray<string | TimelapseFrameInput>;
  /** Where the timelapse goes; its directory must exist. */
  output: string;
  format: TimelapseFormat;
  fps: number;
  /** Frames are fitted within size x size pixels (never enlarged). */
  size: number;
  /** Centre crop keeping this fraction of width and height; no crop when absent. */
  cropScale?: number;
  /** Sky-subtract each frame so every frame has the same (black) background. */
  normaliseBackground?: boolean;
  /** config.ffmpegPath: an explicit ffmpeg, or null/absent for the automatic lookup. */
  ffmpegPath?: string | null;
  /** Aborting stops decoding, kills ffmpeg and removes the partial file; the promise rejects with the reason. */
  signal?: AbortSignal;
  /** Called after each frame has been handed to ffmpeg (1-based count). */
  onProgress?: (done: number, total: number) => void;
  /** Display-range options (zscale.ts); default IRAF zscale, contrast 0.25. */
  stretch?: ZscaleOptions;
  /**
   * Worker threads decoding frames in parallel; 0 renders in this thread. Default: for
   * three or more frames of a megapixel or more on a machine with 2+ CPUs, two workers, or
   * one per CPU but one on bigger machines (at most 4); otherwise 0.
   */
  workers?: number;
}

export interface TimelapseResult {
  format: TimelapseFormat;
  frames: number;
  width: number;
  height: number;
  /** Size of the written file. */
  bytes: number;
  /** Frame names in the order they appear in the timelapse. */
  order: string[];
}

export async function renderTimelapse(options: RenderTimelapseOptions): Promise<TimelapseResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  const settings = requireTimelapseSettings({
    fps: options.fps,
    format: options.format,
    size: options.size,
    cropScale: options.cropScale,
  });
  const cropScale = options.cropScale === undefined ? null : settings.cropScale;
  const sources = options.frames.map(toSource);
  if (sources.length === 0) throw new TimelapseError('No input files to process');

  // Fail on a missing ffmpeg before reading anything.
  const tools = await locateMediaTools({ configuredPath: options.ffmpegPath });

  const temporary = temporaryPath(options.output);
  let ffmpeg: FfmpegProcess | undefined;
  let poolStarting: Promise<FramePool> | undefined;
  try {
    const scanned: FrameInfo[] = [];
    for (let i = 0; i < sources.length; i++) {
      signal?.throwIfAborted();
      scanned.push(await scanFrame(sources[i], i, signal));
      // The first header tells whether workers pay off; they boot while the other headers are read.
      if (i === 0) {
        const workers = workerCount(options.workers, scanned[0], sources.length);
        if (workers > 0) {
          poolStarting = FramePool.start(workers);
          poolStarting.catch(() => {}); // awaited below, or closed in `finally` if the scan fails first
        }
      }
    }
    const frames = orderByDate(scanned);
    const even = needsEvenDimensions(settings.format);
    const outputSize = commonOutputSize(frames, cropScale, settings.size, even);
    const recipe: FrameRecipe = {
      cropScale,
      normaliseBackground: options.normaliseBackground ?? false,
      output: outputSize,
      gamma: gammaTable(),
      zscale: options.stretch,
    };

    signal?.throwIfAborted();
    const pool = await poolStarting;
    ffmpeg = startFfmpeg(tools.ffmpeg, ffmpegArguments(settings.format, outputSize, settings.fps, temporary), { signal, stdin: 'pipe' });
    const sink = new FrameSink(ffmpeg);
    const render = (frame: FrameInfo) => (pool ? pool.render(frame, frame, recipe) : renderFrame(frame, frame, recipe, signal));
    // Frames i .. i+window-1 are in work while frame i is awaited and written, in order.
    const window = pool ? pool.capacity : 1;
    const inWork: Promise<Uint8Array>[] = [];
    let started = 0;
    for (let i = 0; i < frames.length; i++) {
      signal?.throwIfAborted();
      while (started < frames.length && started < i + window) {
        const next = render(frames[started++]);
        next.catch(() => {}); // awaited in turn below; a failure ahead of its turn must not go unhandled
        inWork.push(next);
      }
      const pixels = await inWork.shift()!;
      signal?.throwIfAborted();
      await sink.write(pixels);
      options.onProgress?.(i + 1, frames.length);
    }
    await sink.end();
    signal?.throwIfAborted();
    const { size: bytes } = await stat(temporary);
    await rename(temporary, options.output);
    timelapsesMade.inc({ format: settings.format });
    return {
      format: settings.format,
      frames: frames.length,
      width: outputSize.width,
      height: outputSize.height,
      bytes,
      order: frames.map((f) => f.name),
    };
  } catch (error) {
    if (ffmpeg) {
      ffmpeg.kill();
      await ffmpeg.done.catch(() => {});
    }
    await unlink(temporary).catch(() => {});
    throw error;
  } finally {
    await poolStarting?.then((pool) => pool.close(), () => {});
  }
}

/**
 * Worker threads pay off for big frames: decoding is most of the time (~100 ms a 2048² frame,
 * ffmpeg's share a tenth of that), so even on two cores both decode while ffmpeg takes its
 * share. Starting a worker still costs more than small frames take, so those stay here.
 */
function workerCount(asked: number | undefined, first: FrameInfo, frameCount: number): number {
  if (asked !== undefined) return Number.isFinite(asked) ? Math.min(frameCount, Math.max(0, Math.floor(asked))) : 0;
  const cpus = availableParallelism();
  if (frameCount < 3 || first.width * first.height < 1_000_000 || cpus < 2) return 0;
  return Math.min(4, Math.max(2, cpus - 1), frameCount);
}

function toSource(input: string | TimelapseFrameInput): FrameSource {
  const file = typeof input === 'string' ? input : input.path;
  const name = typeof input === 'string' ? undefined : input.name;
  return { path: file, name: name ?? path.basename(file) };
}

/** The size all frames render at, or the spec's error if they would not all match. */
function commonOutputSize(frames: readonly FrameInfo[], cropScale: number | null, size: number, even: boolean): FrameSize {
  let common: FrameSize | undefined;
  for (const frame of frames) {
    let { width, height } = frame;
    if (cropScale !== null) {
      const box = cropBox(width, height, cropScale);
      if (box.width === 0 || box.height === 0) throw fileError(frame.name, emptyCropDetail(frame, cropScale));
      ({ width, height } = box);
    }
    const fitted = fitWithin(width, height, size, even);
    if (!common) common = fitted;
    else if (fitted.width !== common.width || fitted.height !== common.height) throw new TimelapseError(DIFFERENT_SIZES_MESSAGE);
  }
  return common!;
}

/** Hidden, unique, and in the output's directory so the final rename is atomic. */
function temporaryPath(output: string): string {
  const dir = path.dirname(output);
  const base = path.basename(output);
  return path.join(dir, `.${base}.${process.pid}-${randomBytes(4).toString('hex')}.partial`);
}
