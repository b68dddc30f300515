/**
 * One image plane as the renderer handles it: physical values in FITS file order
 * (index x + width * y, row 0 = bottom of the picture), NaN for blank pixels.
 */
import type { PixelArray } from '../fits/index.ts';

export interface Plane {
  data: PixelArray;
  width: number;
  height: number;
}
