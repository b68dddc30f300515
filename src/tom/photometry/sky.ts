/**
 * Local sky background from an annulus around a star: the sigma-clipped
 * median of the pixels whose centres fall in rIn <= d < rOut. The median
 * after clipping resists faint stars and cosmic rays that land in the
 * annulus, which a mean would not.
 */
import { PhotometryError } from './errors.ts';
import type { PhotometryFrame } from './frame.ts';

export interface SkyEstimate {
  /** Background level per pixel (ADU). */
  level: number;
  /** Standard deviation of the kept pixels (ADU): the per-pixel noise. */
  sigma: number;
  /** Pixels kept after clipping. */
  count: number;
  /** Pixels rejected by clipping. */
  rejected: number;
}

export interface SkyOptions {
  /** Clip at this many standard deviations from the median (default 3). */
  clipSigma?: number;
  /** Clipping rounds at most (default 5). */
  maxIterations?: number;
  /** Fewest pixels left for an estimate (default 10). */
  minPixels?: number;
}

export function annulusSky(
  frame: PhotometryFrame,
  cx: number,
  cy: number,
  rIn: number,
  rOut: number,
  options: SkyOptions = {},
): SkyEstimate {
  const clipSigma = options.clipSigma ?? 3;
  const maxIterations = options.maxIterations ?? 5;
  const minPixels = options.minPixels ?? 10;
  if (!(rOut > rIn) || rIn < 0) {
    throw new PhotometryError('bad-input', `sky annulus [${rIn}, ${rOut}) is empty`, { file: frame.file });
  }

  // The annulus may run off the image: the pixels that are on it still give the sky.
  const values: number[] = [];
  const x0 = Math.max(0, Math.ceil(cx - rOut));
  const x1 = Math.min(frame.width - 1, Math.floor(cx + rOut));
  const y0 = Math.max(0, Math.ceil(cy - rOut));
  const y1 = Math.min(frame.height - 1, Math.floor(cy + rOut));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const d2 = (x - cx) ** 2 + (y - cy) ** 2;
      if (d2 < rIn * rIn || d2 >= rOut * rOut) continue;
      const v = frame.data[x + frame.width * y];
      if (Number.isFinite(v)) values.push(v);
    }
  }
  const total = values.length;
  if (total < minPixels) {
    throw new PhotometryError('no-sky', `only ${total} usable pixel(s) in the sky annulus at (${cx.toFixed(2)}, ${cy.toFixed(2)})`, {
      file: frame.file,
    });
  }

  const clipped = sigmaClip(values, clipSigma, maxIterations);
  if (clipped.length < minPixels) {
    throw new PhotometryError('no-sky', `only ${clipped.length} sky pixel(s) left after clipping`, { file: frame.file });
  }
  return { level: median(clipped), sigma: standardDeviation(clipped), count: clipped.length, rejected: total - clipped.length };
}

/**
 * Iteratively drops values more than k standard deviations from the median
 * (centre: median, spread: standard deviation, as astropy's sigma_clip
 * defaults) until nothing changes or maxIterations rounds have run.
 */
export function sigmaClip(values: readonly number[], k: number, maxIterations: number): number[] {
  let kept = values.slice();
  for (let i = 0; i < maxIterations; i++) {
    const centre = median(kept);
    const spread = standardDeviation(kept);
    if (!(spread > 0)) break;
    const next = kept.filter((v) => Math.abs(v - centre) <= k * spread);
    if (next.length === kept.length) break;
    kept = next;
  }
  return kept;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
}

/** Sample standard deviation (n - 1). */
export function standardDeviation(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return Math.sqrt(ss / (n - 1));
}
