/**
 * One FITS file -> a small grayscale PNG: the first plane of its image, with the timelapse's
 * look (zscale display range, its gamma, shrunk to fit a square, never enlarged). Runs on a
 * worker thread (worker.ts); the benchmark calls it directly.
 */
import { encodePng } from '../photometry/png.ts';
import { decodeFirstPlane } from '../timelapse/render-frame.ts';
import { fitWithin } from '../timelapse/geometry.ts';
import { gammaTable } from '../timelapse/gamma.ts';
import { renderGray8 } from '../timelapse/resample.ts';
import { zscale } from '../timelapse/zscale.ts';
import { TimelapseError, fileError } from '../timelapse/errors.ts';

/** The longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 256;

let gamma: Uint8Array | null = null;

export async function renderThumbnail(source: { path: string; name: string }, size = THUMBNAIL_SIZE): Promise<Buffer> {
  const plane = await decodeFirstPlane(source);
  if (plane.width === 0 || plane.height === 0) throw fileError(source.name, `image has no pixels (${plane.width}x${plane.height})`);
  const output = fitWithin(plane.width, plane.height, size, false);
  gamma ??= gammaTable();
  const pixels = renderGray8(plane, zscale(plane), output, gamma);
  return encodePng({ width: output.width, height: output.height, channels: 1, pixels });
}

/** Whether a rendering error is about the file itself (it will never render), not this attempt. */
export function isFileProblem(error: unknown): boolean {
  return error instanceof TimelapseError;
}
