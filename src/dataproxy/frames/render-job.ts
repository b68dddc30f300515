// One preview, from path to PNG bytes: what a frame worker thread does for each request.
import { areaResize } from './area-resize.ts';
import { encodeGreyPng } from './png.ts';
import { readFrame } from './read-frame.ts';
import { brightnessOf, greyImage } from './render.ts';
import type { SourceStamp } from './source-files.ts';

/** The side of the square previews, as in MxLIVE. */
export const PREVIEW_SIZE = 1024;

/** A rectangle of the frame at its own resolution (the region route). */
export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface RenderJob {
  /** The key's directory (real path) and the path inside it, as the URL names it. */
  dir: string;
  relative: string;
  brightness: string;
  region: Region | null;
}

export type RenderOutcome =
  | { kind: 'png'; png: Uint8Array; sources: SourceStamp[] }
  | { kind: 'missing'; sources: SourceStamp[]; reason?: string }
  | { kind: 'outside-frame'; width: number; height: number };

function crop(grey: Uint8Array, width: number, region: Region): Uint8Array {
  const out = new Uint8Array(region.w * region.h);
  for (let row = 0; row < region.h; row++) {
    const from = (region.y + row) * width + region.x;
    out.set(grey.subarray(from, from + region.w), row * region.w);
  }
  return out;
}

export async function renderJob(job: RenderJob): Promise<RenderOutcome> {
  let found;
  try {
    found = await readFrame(job.dir, job.relative);
  } catch (error) {
    // A damaged or unsupported file looks like a missing one to the viewer; the reason is logged.
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'missing', sources: [], reason: reason.length > 500 ? `${reason.slice(0, 500)}…` : reason };
  }
  const { frame, sources } = found;
  if (frame === null) return { kind: 'missing', sources };
  const { region } = job;
  if (region !== null && (region.x + region.w > frame.width || region.y + region.h > frame.height)) {
    return { kind: 'outside-frame', width: frame.width, height: frame.height };
  }
  const grey = greyImage(frame, brightnessOf(job.brightness));
  const png = region === null
    ? encodeGreyPng(areaResize(grey, frame.width, frame.height, PREVIEW_SIZE, PREVIEW_SIZE), PREVIEW_SIZE, PREVIEW_SIZE)
    : encodeGreyPng(crop(grey, frame.width, region), region.w, region.h);
  return { kind: 'png', png, sources };
}
