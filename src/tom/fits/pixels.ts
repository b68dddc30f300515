/**
 * The decoded image type shared by plain and tile-compressed images, and the
 * rule for which float array holds the pixels.
 */
import type { Header } from './header.ts';

export type PixelArray = Float32Array | Float64Array;

export interface FitsImage {
  /** NAXIS1 (1 if NAXIS = 0). */
  width: number;
  /** NAXIS2 (1 if NAXIS < 2). */
  height: number;
  /** NAXIS1..NAXISn. A cube's planes follow each other in `data`. */
  naxes: number[];
  /** The image's BITPIX (ZBITPIX for a compressed image). */
  bitpix: number;
  /**
   * Physical values (BSCALE/BZERO applied, BLANK and NaN as NaN), in file
   * order: index = x + width * y (+ width * height * plane), x and y 0-based.
   * FITS puts the first row at the bottom of a displayed image; nothing is
   * flipped here, callers decide.
   */
  data: PixelArray;
  /** The image header (the restored one for a compressed image). */
  header: Header;
}

/**
 * Float32Array for BITPIX 8, 16 and -32: float32 holds every 8- and 16-bit
 * integer exactly and -32 is float32 to begin with. Float64Array for BITPIX
 * 32, 64 and -64, whose values float32 would round (int32 needs 31 bits of
 * mantissa; float32 has 24). `forceFloat64` always gives Float64Array.
 */
export function allocatePixels(bitpix: number, count: number, forceFloat64 = false): PixelArray {
  const wide = forceFloat64 || bitpix === 32 || bitpix === 64 || bitpix === -64;
  return wide ? new Float64Array(count) : new Float32Array(count);
}

export interface ImageOptions {
  /** Always return a Float64Array. */
  forceFloat64?: boolean;
}
