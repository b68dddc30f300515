/**
 * One FITS file -> one gray8 frame: decode the image HDU, take its first plane, optionally
 * crop and normalise the background, find the display range (zscale), then stretch,
 * resample, gamma-correct and flip in one pass. Only this frame's pixels are held.
 */
import { FitsError, readFirstImage, readFitsFile } from '../fits/index.ts';
import { normaliseBackground } from './background.ts';
import { cropBox, cropPlane } from './crop.ts';
import { DIFFERENT_SIZES_MESSAGE, fileError, TimelapseError } from './errors.ts';
import type { FrameSource } from './frame-scan.ts';
import type { FrameSize } from './geometry.ts';
import type { Plane } from './plane.ts';
import { renderGray8 } from './resample.ts';
import { zscale, type ZscaleOptions } from './zscale.ts';

export interface FrameRecipe {
  /** Centre-crop scale, or null for no crop. */
  cropScale: number | null;
  normaliseBackground: boolean;
  /** Size every frame is rendered at. */
  output: FrameSize;
  /** Gamma lookup (gammaTable()). */
  gamma: Uint8Array;
  zscale?: ZscaleOptions;
}

/**
 * The expected image size comes from the header scan; a file that changed since is refused.
 * An abort while the file is read stops before the CPU-heavy part.
 */
export async function renderFrame(source: FrameSource, expected: { width: number; height: number }, recipe: FrameRecipe, signal?: AbortSignal): Promise<Uint8Array> {
  let plane = await decodeFirstPlane(source);
  signal?.throwIfAborted();
  if (plane.width !== expected.width || plane.height !== expected.height) throw new TimelapseError(DIFFERENT_SIZES_MESSAGE, source.name);
  if (recipe.cropScale !== null) {
    const box = cropBox(plane.width, plane.height, recipe.cropScale);
    if (box.width === 0 || box.height === 0) throw fileError(source.name, emptyCropDetail(plane, recipe.cropScale));
    plane = cropPlane(plane, box);
  }
  if (recipe.normaliseBackground) normaliseBackground(plane);
  return renderGray8(plane, zscale(plane, recipe.zscale), recipe.output, recipe.gamma);
}

export function emptyCropDetail(size: { width: number; height: number }, scale: number): string {
  return `crop scale ${scale} leaves no pixels of a ${size.width}x${size.height} image`;
}

export async function decodeFirstPlane(source: FrameSource): Promise<Plane> {
  try {
    const image = readFirstImage(await readFitsFile(source.path));
    const count = image.width * image.height;
    // A cube shows its first plane, as fits2image did.
    const data = image.data.length > count ? image.data.subarray(0, count) : image.data;
    return { data, width: image.width, height: image.height };
  } catch (error) {
    if (error instanceof FitsError) throw fileError(source.name, error.detail, error);
    throw error;
  }
}
