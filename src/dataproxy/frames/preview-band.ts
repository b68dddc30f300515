// One band of output rows of a 1024×1024 preview, from frame pixels to a piece of the PNG: grey
// map, area resize and deflate (steps 3–6 of spec mxlive-v2 §5.3). A preview is made of two such
// bands, one rendered by the frame worker, the other at the same time by its band helper thread.
import { AreaResize } from './area-resize.ts';
import { frameRenderAddon } from './frame-addon.ts';
import type { Frame } from './frame.ts';
import { pngBand } from './png.ts';
import type { PngBand } from './png.ts';
import { greyRows, greyScale } from './render.ts';
import type { Contrast } from './render.ts';

/** The side of the square previews, as in MxLIVE. */
export const PREVIEW_SIZE = 1024;

export interface BandTask {
  frame: Frame;
  brightness: number;
  /** The whole frame's, measured once by the frame worker. */
  contrast: Contrast;
  /** Output rows [from, to); `to` = PREVIEW_SIZE ends the PNG stream. */
  from: number;
  to: number;
}

export function renderBand(task: BandTask): PngBand {
  return pngBand(greyBand(task), PREVIEW_SIZE, task.to === PREVIEW_SIZE);
}

/** The band's grey rows: the frame mapped to grey and area-resized (natively where the addon is there). */
export function greyBand({ frame, brightness, contrast, from, to }: BandTask): Uint8Array {
  const grey = new Uint8Array((to - from) * PREVIEW_SIZE);
  const addon = frameRenderAddon();
  if (addon !== null) {
    const { lo, gain } = greyScale(brightness, contrast);
    addon.greyResizeRows(frame.pixels, frame.width, frame.height, PREVIEW_SIZE, PREVIEW_SIZE, from, to, lo, gain, grey);
  } else {
    new AreaResize(frame.width, frame.height, PREVIEW_SIZE, PREVIEW_SIZE).rows(greyRows(frame, brightness, contrast), from, to, grey);
  }
  return grey;
}
