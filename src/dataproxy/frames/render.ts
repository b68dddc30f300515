// The frame preview of MxLIVE's Data Proxy, step by step as spec mxlive-v2 §5.3 (decision D18)
// has it, quirks kept so previews look as they always did: statistics from a region whose row and
// column extents are swapped, a gain of 255/hi (not 255/(hi−lo)), an absolute value that turns
// gaps light grey, and an inverted grey map (strong = black).
import type { Frame } from './frame.ts';

/** Brightness codes of the frame URL; any other code scales by 0, which draws all white. */
export const BRIGHTNESS: Record<string, number> = { nm: 1.0, dk: 1.5, lt: 0.5, xl: 0.25 };

export function brightnessOf(code: string): number {
  return Object.hasOwn(BRIGHTNESS, code) ? BRIGHTNESS[code] : 0;
}

/** The k-th smallest value (0-based) of `values`, which it reorders (Hoare's selection). */
function select(values: Float64Array, k: number, from = 0, to = values.length - 1): number {
  let lo = from;
  let hi = to;
  while (hi > lo) {
    const pivot = values[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i++] = values[j];
        values[j--] = swap;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}

/** The p-th percentile with linear interpolation between the two nearest ranks (numpy's default). */
export function percentile(values: Float64Array, p: number): number {
  if (values.length === 0) return 0;
  const position = ((values.length - 1) * p) / 100;
  const below = Math.floor(position);
  const low = select(values, below);
  if (below + 1 >= values.length) return low;
  // After the selection everything above `below` is ≥ low: the next rank is their minimum.
  let next = Infinity;
  for (let i = below + 1; i < values.length; i++) if (values[i] < next) next = values[i];
  return low + (next - low) * (position - below);
}

/** Step 1–2: the values the contrast is taken from, and their 1st and 99.85th percentiles. */
export function contrastRange(frame: Frame): { lo: number; hi: number } {
  const { width: cols, height: rows, pixels, cutoff } = frame;
  // Rows [0, cols/2) × columns [0, rows/2): the original swaps the two (top-left quadrant when square).
  const regionRows = Math.min(rows, Math.floor(cols / 2));
  const regionCols = Math.min(cols, Math.floor(rows / 2));
  const all = new Float64Array(regionRows * regionCols);
  const valid = new Float64Array(regionRows * regionCols);
  let count = 0;
  let validCount = 0;
  for (let r = 0; r < regionRows; r++) {
    const row = r * cols;
    for (let c = 0; c < regionCols; c++) {
      const v = pixels[row + c];
      all[count++] = v;
      if (v >= 0 && v < cutoff) valid[validCount++] = v;
    }
  }
  const sample = validCount > 0 ? valid.subarray(0, validCount) : all;
  const lo = percentile(sample, 1);
  const hi = percentile(sample, 99.85);
  return { lo, hi };
}

/** Steps 3–4: the inverted grey image at the frame's own resolution. */
export function greyImage(frame: Frame, brightness: number): Uint8Array {
  const grey = new Uint8Array(frame.width * frame.height);
  if (brightness === 0) return grey.fill(255);
  const { lo, hi } = contrastRange(frame);
  const gain = (brightness * 255) / Math.max(hi, 1);
  const { pixels } = frame;
  for (let i = 0; i < grey.length; i++) {
    const index = Math.round(Math.abs((pixels[i] - lo) * gain));
    grey[i] = 255 - (index > 255 ? 255 : index);
  }
  return grey;
}
