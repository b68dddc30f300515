/**
 * Automatic display range, after IRAF's `zscale` (the DISPLAY task's default):
 *
 *  1. sample about `samples` finite pixels on a regular grid over the image;
 *  2. sort them; the sorted values against their index form a curve whose middle part is
 *     the sky's distribution, close to a straight line;
 *  3. fit a line to it by least squares, repeatedly rejecting points further than
 *     `rejectSigma` standard deviations from the fit (and `grow` neighbours of each, since
 *     stars come in runs), at most `maxIterations` times or until nothing changes;
 *  4. if at least max(minPixels, maxReject * n) points survive, divide the slope by
 *     `contrast` and extend a line through the sample median to both ends of the sample:
 *     z1 = median - c * slope, z2 = median + (n - 1 - c) * slope (c = centre index),
 *     clamped to the sample's minimum and maximum; otherwise use that minimum and maximum.
 *
 * Lightpath uses IRAF's defaults (contrast 0.25, 1000 samples, 2.5 sigma, 5 iterations,
 * half the sample may be rejected). The original (fits2image 0.4.3) used a variant with
 * contrast 0.1 and the median as black point, which gives a darker sky; the issue asked
 * for zscale, so this is zscale by default; `blackPoint: 'median'` with `contrast: 0.1`
 * gives the original's look. Beyond IRAF: a fit with no spread left ends the
 * iterations (no rejections from rounding noise), and a range that collapsed (z2 <= z1,
 * e.g. a sky-subtracted frame that is mostly exact zeros) falls back to the sample's
 * minimum and maximum, and a constant image to [v, v + 1] (it renders black).
 * Known limit (IRAF's too): when bright pixels are more than ~10 % of the sample (a large
 * saturated region), the first fit's sigma is so inflated that nothing is rejected, the
 * range runs up to the sample maximum and the sky renders dark.
 */
import type { Plane } from './plane.ts';

export interface ZscaleOptions {
  contrast?: number;
  samples?: number;
  rejectSigma?: number;
  maxIterations?: number;
  /** Fraction of the sample that may be rejected before giving up on the fit. */
  maxReject?: number;
  minPixels?: number;
  /**
   * 'zscale' (default): z1 from the fit as above. 'median': z1 = the sample median, the
   * variant of the original (fits2image; with contrast 0.1), which shows a darker sky.
   */
  blackPoint?: 'zscale' | 'median';
}

export interface DisplayRange {
  /** Value shown black. */
  z1: number;
  /** Value shown white. */
  z2: number;
}

const DEFAULTS: Required<ZscaleOptions> = {
  contrast: 0.25,
  samples: 1000,
  rejectSigma: 2.5,
  maxIterations: 5,
  maxReject: 0.5,
  minPixels: 5,
  blackPoint: 'zscale',
};

export function zscale(plane: Plane, options: ZscaleOptions = {}): DisplayRange {
  const settings = { ...DEFAULTS, ...options };
  return zscaleSorted(sampleGrid(plane, settings.samples).sort(), settings);
}

/**
 * Finite pixels on a regular grid of about `count` points (at least `count` when the image
 * has that many), offset half a step from the edges where bias frames often misbehave.
 */
export function sampleGrid(plane: Plane, count: number): Float64Array {
  const { data, width, height } = plane;
  const step = Math.max(1, Math.floor(Math.sqrt((width * height) / count)));
  const first = Math.floor(step / 2);
  const out = new Float64Array(Math.ceil((width - first) / step) * Math.ceil((height - first) / step));
  let n = 0;
  for (let y = first; y < height; y += step) {
    const row = y * width;
    for (let x = first; x < width; x += step) {
      const v = data[row + x];
      if (Number.isFinite(v)) out[n++] = v;
    }
  }
  return out.subarray(0, n);
}

/** Steps 3 and 4 on an ascending sample. */
export function zscaleSorted(sorted: Float64Array, options: ZscaleOptions = {}): DisplayRange {
  const o = { ...DEFAULTS, ...options };
  const n = sorted.length;
  if (n === 0) return { z1: 0, z2: 1 }; // nothing finite: a black frame
  const zmin = sorted[0];
  const zmax = sorted[n - 1];
  const centre = Math.floor((n - 1) / 2);
  const median = n % 2 === 1 ? sorted[centre] : (sorted[centre] + sorted[centre + 1]) / 2;

  const minGood = Math.max(o.minPixels, Math.floor(n * o.maxReject));
  const slope = n >= minGood ? fitWithRejection(sorted, centre, minGood, o) : null;
  let z1 = zmin;
  let z2 = zmax;
  if (slope !== null) {
    const s = o.contrast > 0 ? slope / o.contrast : slope;
    z1 = o.blackPoint === 'median' ? median : Math.max(zmin, median - centre * s);
    z2 = Math.min(zmax, median + (n - 1 - centre) * s);
  } else if (o.blackPoint === 'median') {
    z1 = median;
  }
  if (!(z2 > z1)) {
    z1 = zmin;
    z2 = zmax > zmin ? zmax : zmin + 1;
  }
  return { z1, z2 };
}

/** The slope (value per sample index) of the clipped fit, or null if too few points are left. */
function fitWithRejection(y: Float64Array, centre: number, minGood: number, o: Required<ZscaleOptions>): number | null {
  const n = y.length;
  const bad = new Uint8Array(n);
  const grow = Math.max(1, Math.round(n * 0.01));
  // Below this spread the residuals are rounding noise, not outliers.
  const tiny = 64 * Number.EPSILON * Math.max(1, Math.abs(y[0]), Math.abs(y[n - 1]));
  let good = n;
  let slope = 0;
  for (let iteration = 0; iteration < o.maxIterations; iteration++) {
    // Least squares over the good points, x centred for precision.
    let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (let i = 0; i < n; i++) {
      if (bad[i]) continue;
      const x = i - centre;
      sw++; sx += x; sy += y[i]; sxx += x * x; sxy += x * y[i];
    }
    const det = sw * sxx - sx * sx;
    if (det <= 0) break;
    slope = (sw * sxy - sx * sy) / det;
    const intercept = (sy - slope * sx) / sw;

    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      if (bad[i]) continue;
      const r = y[i] - (intercept + slope * (i - centre));
      sumSquares += r * r;
    }
    const sigma = Math.sqrt(sumSquares / sw);
    if (sigma <= tiny) break;
    const limit = o.rejectSigma * sigma;

    // Reject, then grow each rejection to its neighbours (marked 2 so growth does not chain).
    let rejected = 0;
    for (let i = 0; i < n; i++) {
      if (bad[i]) continue;
      if (Math.abs(y[i] - (intercept + slope * (i - centre))) > limit) {
        bad[i] = 2;
        rejected++;
      }
    }
    if (rejected === 0) break;
    for (let i = 0; i < n; i++) {
      if (bad[i] !== 2) continue;
      for (let j = Math.max(0, i - grow); j <= Math.min(n - 1, i + grow); j++) if (!bad[j]) bad[j] = 3;
    }
    good = 0;
    for (let i = 0; i < n; i++) {
      if (bad[i]) bad[i] = 1;
      else good++;
    }
    if (good < minGood) return null;
  }
  return slope;
}
