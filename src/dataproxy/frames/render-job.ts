// One preview, from path to PNG bytes: what a frame worker thread does for each request.
import { bandElsewhere } from './band-helper.ts';
import { frameRenderAddon } from './frame-addon.ts';
import type { Frame } from './frame.ts';
import { encodeGreyPng, joinPngBands } from './png.ts';
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
export async function jobFrame(dir: string, relative: string): Promise<FoundFrame | { kind: 'missing'; sources: SourceStamp[]; reason?: string }> {
  try {
    return await readRecentFrame(dir, relative);
  } catch (error) {
    // A damaged or unsupported file looks like a missing one to the viewer; the reason is logged.
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'missing', sources: [], reason: reason.length > 500 ? `${reason.slice(0, 500)}…` : reason };
  }
}

export async function renderJob(job: RenderJob): Promise<RenderOutcome> {
  const found = await jobFrame(job.dir, job.relative);
  if ('kind' in found) return found;
  const { frame, sources } = found;
  if (frame === null) return { kind: 'missing', sources };
  const { region } = job;
  if (region !== null && (region.x + region.w > frame.width || region.y + region.h > frame.height)) {
    return { kind: 'outside-frame', width: frame.width, height: frame.height };
  }
  const brightness = brightnessOf(job.brightness);
  const png = region === null ? await previewPng(frame, brightness) : encodeGreyPng(greyImage(frame, brightness, region), region.w, region.h);
  return { kind: 'png', png, sources, native: frameRenderAddon() !== null };
}

/** The 1024×1024 preview in two bands of rows: the lower one on the band helper thread, the upper one here, at the same time. */
async function previewPng(frame: Frame, brightness: number): Promise<Buffer> {
  // At brightness 0 (an unknown code) everything is white: no contrast to measure.
  const contrast = brightness === 0 ? { lo: 0, hi: 0 } : contrastRange(frame);
  const half = PREVIEW_SIZE / 2;
  const lower = bandElsewhere({ frame, brightness, contrast, from: half, to: PREVIEW_SIZE });
  const upper = renderBand({ frame, brightness, contrast, from: 0, to: half });
  return joinPngBands(PREVIEW_SIZE, PREVIEW_SIZE, [upper, await lower.finish()]);
}
