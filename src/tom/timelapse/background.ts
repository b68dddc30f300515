/**
 * Background normalisation (spec §3, `normalise_background` flag): make the sky look the
 * same in every frame, whatever the moon, twilight or thin cloud did to its level.
 *
 * The original clipped negatives, removed cosmic rays (astroscrappy), sigma-clipped the
 * image (3 sigma, up to 10 iterations) and set every non-outlier pixel to 0, keeping
 * outliers at their full value. Lightpath does the same in spirit, cheaply:
 *   - sky level and noise from a sigma-clipped sample (median and standard deviation of a
 *     ~20000-pixel grid sample, 3 sigma, up to 10 iterations);
 *   - pixels within 3 sigma above the sky (and everything below it) become 0;
 *   - brighter pixels keep their height above the sky (v - sky), so a star has the same
 *     value on a bright sky as on a dark one (the original kept v, sky included).
 * Not done: cosmic-ray removal (L.A.Cosmic is a project of its own); single hot pixels
 * are softened by the downscale's averaging. With the sky at exactly 0, zscale's range
 * starts at 0 (black) and the frame shows the sources only.
 */
import type { Plane } from './plane.ts';
import { sampleGrid } from './zscale.ts';

export interface SkyEstimate {
  /** Sigma-clipped median. */
  level: number;
  /** Sigma-clipped standard deviation. */
  noise: number;
}

const SKY_SAMPLES = 20000;
const CLIP_SIGMA = 3;
const CLIP_ITERATIONS = 10;

/** Sky level and noise of a plane (NaN-free sample; {0, 0} if there is nothing finite). */
export function estimateSky(plane: Plane): SkyEstimate {
  return clippedStats(sampleGrid(plane, SKY_SAMPLES).sort(), CLIP_SIGMA, CLIP_ITERATIONS);
}

/**
 * Sigma clipping on an ascending array: what survives |v - median| <= k * std is always a
 * contiguous run of it, so each iteration only moves two indices.
 */
export function clippedStats(sorted: Float64Array, k: number, iterations: number): SkyEstimate {
  let lo = 0;
  let hi = sorted.length; // exclusive
  if (hi === 0) return { level: 0, noise: 0 };
  let level = 0;
  let noise = 0;
  for (let i = 0; i <= iterations; i++) {
    const n = hi - lo;
    const mid = lo + Math.floor((n - 1) / 2);
    level = n % 2 === 1 ? sorted[mid] : (sorted[mid] + sorted[mid + 1]) / 2;
    let sum = 0;
    for (let j = lo; j < hi; j++) sum += sorted[j];
    const mean = sum / n;
    let squares = 0;
    for (let j = lo; j < hi; j++) squares += (sorted[j] - mean) ** 2;
    noise = Math.sqrt(squares / n);
    if (i === iterations) break;
    const newLo = lowerBound(sorted, level - k * noise, lo, hi);
    const newHi = upperBound(sorted, level + k * noise, lo, hi);
    if ((newLo === lo && newHi === hi) || newHi - newLo < 2) break;
    lo = newLo;
    hi = newHi;
  }
  return { level, noise };
}

/** In place: background (and NaN) to 0, sources to their height above the sky. */
export function normaliseBackground(plane: Plane): SkyEstimate {
  const sky = estimateSky(plane);
  const threshold = CLIP_SIGMA * sky.noise;
  const data = plane.data;
  const level = sky.level;
  for (let i = 0; i < data.length; i++) {
    const d = data[i] - level;
    // NaN fails the comparison and becomes 0 too.
    data[i] = d > threshold ? d : 0;
  }
  return sky;
}

/** First index in [lo, hi) with a[i] >= value. */
function lowerBound(a: Float64Array, value: number, lo: number, hi: number): number {
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (a[m] < value) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/** First index in [lo, hi) with a[i] > value. */
function upperBound(a: Float64Array, value: number, lo: number, hi: number): number {
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (a[m] <= value) lo = m + 1;
    else hi = m;
  }
  return lo;
}
