/**
 * Re-centring on a star: a WCS places a star to within a pixel or so, and
 * aperture photometry wants the light's centre. Flux-weighted centroid in a
 * square box around the guess, iterated with the box following the star.
 */
import type { PhotometryFrame } from './frame.ts';

export interface CentroidOptions {
  /** Half-width of the box in pixels: the box is (2h+1) pixels square (default 5). */
  halfWidth?: number;
  /**
   * Largest accepted distance (pixels) between the guess and the centroid
   * (default 3). Farther means the box caught another, brighter star or
   * only noise, and the guess is kept.
   */
  maxShift?: number;
  /** Background level per pixel, subtracted before weighting (default 0). */
  background?: number;
  /**
   * Only light more than this far above the background weighs (default 0).
   * One sky sigma keeps pure-noise pixels from pulling the centroid to the
   * box centre.
   */
  threshold?: number;
  /** Iterations at most (default 10). */
  maxIterations?: number;
}

export type CentroidStatus =
  /** The centroid was found and is within maxShift of the guess. */
  | 'refined'
  /** The centroid wandered farther than maxShift; the guess is returned. */
  | 'too-far'
  /** No pixel in the box rose above background + threshold; the guess is returned. */
  | 'no-signal';

export interface Centroid {
  /** 0-based pixel position: the centroid if refined, else the guess. */
  x: number;
  y: number;
  status: CentroidStatus;
  /** Distance of the found centroid from the guess (pixels), even when rejected. */
  shift: number;
  iterations: number;
}

export function refineCentroid(frame: PhotometryFrame, x0: number, y0: number, options: CentroidOptions = {}): Centroid {
  const h = Math.max(1, Math.round(options.halfWidth ?? 5));
  const maxShift = options.maxShift ?? 3;
  const floor = (options.background ?? 0) + (options.threshold ?? 0);
  const maxIterations = options.maxIterations ?? 10;

  let x = x0;
  let y = y0;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const bx = Math.round(x);
    const by = Math.round(y);
    let sw = 0;
    let sx = 0;
    let sy = 0;
    for (let j = Math.max(0, by - h); j <= Math.min(frame.height - 1, by + h); j++) {
      for (let i = Math.max(0, bx - h); i <= Math.min(frame.width - 1, bx + h); i++) {
        const w = frame.data[i + frame.width * j] - floor;
        // NaN fails the test too, so bad pixels carry no weight.
        if (!(w > 0)) continue;
        sw += w;
        sx += w * i;
        sy += w * j;
      }
    }
    if (sw === 0) return { x: x0, y: y0, status: 'no-signal', shift: 0, iterations };
    const nx = sx / sw;
    const ny = sy / sw;
    x = nx;
    y = ny;
    // Same box next time means the same answer: converged.
    if (Math.round(x) === bx && Math.round(y) === by) {
      iterations++;
      break;
    }
    if (Math.hypot(x - x0, y - y0) > maxShift + h) break; // lost: no point chasing it
  }
  const shift = Math.hypot(x - x0, y - y0);
  if (shift > maxShift) return { x: x0, y: y0, status: 'too-far', shift, iterations };
  return { x, y, status: 'refined', shift, iterations };
}
