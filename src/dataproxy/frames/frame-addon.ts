// The C inner loops of a preview (native/frame_render.c, compiled by scripts/build-native.js at
// install), or null where they are not there: not built (no compiler), not Linux, or switched off
// with LIGHTPATH_NATIVE=off. The JavaScript loops beside each call do the same arithmetic, so the
// pixels are the same either way; the addon only makes them several times faster.
import { nativeAddon } from '../../platform/native-addon.ts';
import type { PixelArray } from './frame.ts';

export interface FrameRenderAddon {
  /**
   * Decodes byte_offset data from bytes[start…] into `pixels` (rows of `width`) and measures the
   * statistics region on the way: the count of its valid values (lo, hi written into `contrast`
   * when > 0), or −1 − n when the data ended after n values. With `carry` ([last value before,
   * unused]) the values continue from carry[0], and carry becomes [last value, byte offset after it]:
   * a frame decoded in two calls.
   */
  decodeByteOffset(bytes: Uint8Array, start: number, pixels: Int32Array, width: number, regionRows: number, regionCols: number, cutoff: number, contrast: Float64Array, carry?: Float64Array): number;
  /** The percentiles of the statistics region of any frame into `contrast`; the count of valid values. */
  regionContrast(pixels: PixelArray, width: number, regionRows: number, regionCols: number, cutoff: number, contrast: Float64Array): number;
  /** Output rows [from, to) of the grey map area-resized to outWidth × outHeight, into `out`. */
  greyResizeRows(pixels: PixelArray, width: number, height: number, outWidth: number, outHeight: number, from: number, to: number, lo: number, gain: number, out: Uint8Array): void;
  /** PNG rows filtered (first None, then Up) into `filtered`; returns their Adler-32. */
  pngFilterUp(grey: Uint8Array, width: number, filtered: Uint8Array): number;
}

/** The addon, unless it is missing or this thread runs with LIGHTPATH_NATIVE=off (asked on every call: cheap, and tests switch it). */
export function frameRenderAddon(): FrameRenderAddon | null {
  if (process.env.LIGHTPATH_NATIVE === 'off') return null;
  return nativeAddon<FrameRenderAddon>('frame_render');
}
