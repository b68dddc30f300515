/**
 * Centre crop (spec §3, `crop` flag): with scale s, an h x w image keeps rows
 * cy - floor(h*s/2) ... cy + floor(h*s/2) - 1 around cy = floor(h/2), and likewise columns,
 * giving 2*floor(h*s/2) x 2*floor(w*s/2) pixels (6x10 at 0.5 -> 2x4; 500x50 at 0.8 -> 400x40).
 * Rows are counted in file order (the original cropped the numpy array before flipping);
 * for an odd height, cropping after the flip would keep a window one row off.
 */
import type { Plane } from './plane.ts';

export interface CropBox {
  x0: number;
  y0: number;
  width: number;
  height: number;
}

/** The kept window; width or height 0 when the scale is too small for the image. */
export function cropBox(width: number, height: number, scale: number): CropBox {
  const halfW = Math.floor((width * scale) / 2);
  const halfH = Math.floor((height * scale) / 2);
  return {
    x0: Math.floor(width / 2) - halfW,
    y0: Math.floor(height / 2) - halfH,
    width: 2 * halfW,
    height: 2 * halfH,
  };
}

/** Copies the window out (a quarter of the image at the default 0.5, so cheap next to decoding). */
export function cropPlane(plane: Plane, box: CropBox): Plane {
  const out = plane.data instanceof Float64Array ? new Float64Array(box.width * box.height) : new Float32Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    const from = (box.y0 + y) * plane.width + box.x0;
    out.set(plane.data.subarray(from, from + box.width), y * box.width);
  }
  return { data: out, width: box.width, height: box.height };
}
