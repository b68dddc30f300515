// One preview, from path to PNG bytes: what a frame worker thread does for each request.
import { bandElsewhere } from './band-helper.ts';
import type { EarlyRows } from './cbf.ts';
import { frameRenderAddon } from './frame-addon.ts';
import type { Frame } from './frame.ts';
import { encodeGreyPng, joinPngBands } from './png.ts';
import type { PngBand } from './png.ts';
import { PREVIEW_SIZE, renderBand } from './preview-band.ts';
import { readRecentFrame } from './recent-frame.ts';
import { brightnessOf, contrastRange, greyImage } from './render.ts';
import type { Rectangle } from './render.ts';
import type { SourceStamp } from './source-files.ts';
import type { FoundFrame } from './read-frame.ts';

/** A rectangle of the frame at its own resolution (the region route). */
export type Region = Rectangle;

export interface RenderJob {
  /** The key's directory (real path) and the path inside it, as the URL names it. */
  dir: string;
  relative: string;
  brightness: string;
  region: Region | null;
}

export type RenderOutcome =
  | { kind: 'png'; png: Uint8Array; sources: SourceStamp[]; native: boolean }
  | { kind: 'missing'; sources: SourceStamp[]; reason?: string }
  | { kind: 'outside-frame'; width: number; height: number };

/** The decoded frame a job names, or the "missing" outcome with the reason a file could not be read. */
export async function jobFrame(dir: string, relative: string, early?: EarlyRows): Promise<FoundFrame | { kind: 'missing'; sources: SourceStamp[]; reason?: string }> {
  try {
    return await readRecentFrame(dir, relative, early);
  } catch (error) {
    // A damaged or unsupported file looks like a missing one to the viewer; the reason is logged.
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'missing', sources: [], reason: reason.length > 500 ? `${reason.slice(0, 500)}…` : reason };
  }
}

/**
 * The output rows of a preview's upper band: a little more than half, as the thread drawing it
 * starts first (for a CBF, the band helper on the first rows decoded while this thread decodes the
 * rest). The split is the same however a preview is drawn, so its bytes (and ETag) are too.
 */
const UPPER_ROWS = 542;

export async function renderJob(job: RenderJob): Promise<RenderOutcome> {
  const brightness = brightnessOf(job.brightness);
  // At brightness 0 (an unknown code) everything is white: no contrast to wait for.
  let upper: { finish: () => Promise<PngBand> } | null = null;
  const early: EarlyRows | undefined = job.region !== null || brightness === 0 ? undefined : {
    share: (UPPER_ROWS + 1) / PREVIEW_SIZE,
    ready: (frame, rows) => {
      // The upper band reads source rows below ceil(UPPER_ROWS × step) only (a row to spare for rounding).
      if (Math.ceil((UPPER_ROWS * frame.height) / PREVIEW_SIZE) < rows) {
        upper = bandElsewhere({ frame, brightness, contrast: contrastRange(frame), from: 0, to: UPPER_ROWS });
      }
    },
  };
  const found = await jobFrame(job.dir, job.relative, early);
  if ('kind' in found) return found;
  const { frame, sources } = found;
  if (frame === null) return { kind: 'missing', sources };
  const { region } = job;
  if (region !== null && (region.x + region.w > frame.width || region.y + region.h > frame.height)) {
    return { kind: 'outside-frame', width: frame.width, height: frame.height };
  }
  const png = region === null ? await previewPng(frame, brightness, upper) : encodeGreyPng(greyImage(frame, brightness, region), region.w, region.h);
  return { kind: 'png', png, sources, native: frameRenderAddon() !== null };
}

/**
 * The 1024×1024 preview in two bands of rows drawn at the same time: the upper one by the band
 * helper when it was started while the frame decoded (`upper`), the lower one here; otherwise the
 * lower one by the helper and the upper one here.
 */
async function previewPng(frame: Frame, brightness: number, upper: { finish: () => Promise<PngBand> } | null): Promise<Buffer> {
  const contrast = brightness === 0 ? { lo: 0, hi: 0 } : contrastRange(frame);
  const band = (from: number, to: number) => ({ frame, brightness, contrast, from, to });
  if (upper !== null) {
    const lower = renderBand(band(UPPER_ROWS, PREVIEW_SIZE));
    return joinPngBands(PREVIEW_SIZE, PREVIEW_SIZE, [await upper.finish(), lower]);
  }
  const lower = bandElsewhere(band(UPPER_ROWS, PREVIEW_SIZE));
  const top = renderBand(band(0, UPPER_ROWS));
  return joinPngBands(PREVIEW_SIZE, PREVIEW_SIZE, [top, await lower.finish()]);
}
