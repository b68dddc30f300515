// The frame preview of MxLIVE's Data Proxy, step by step as spec mxlive-v2 §5.3 (decision D18)
// has it, quirks kept so previews look as they always did: statistics from a region whose row and
// column extents are swapped, a gain of 255/hi (not 255/(hi−lo)), an absolute value that turns
// gaps light grey, and an inverted grey map (strong = black).
import { frameRenderAddon } from './frame-addon.ts';
import type { Frame } from './frame.ts';

/** Brightness codes of the frame URL; any other code scales by 0, which draws all white. */
export const BRIGHTNESS: Record<string, number> = { nm: 1.0, dk: 1.5, lt: 0.5, xl: 0.25 };

export function brightnessOf(code: string): number {
  return Object.hasOwn(BRIGHTNESS, code) ? BRIGHTNESS[code] : 0;
}

/** The p-th percentile of `count` values known by rank, interpolated linearly between the two nearest ranks (numpy's default). */
function interpolated(rankedValue: (k: number) => number, count: number, p: number): number {
  const position = ((count - 1) * p) / 100;
  const below = Math.floor(position);
  const low = rankedValue(below);
  const high = below + 1 < count ? rankedValue(below + 1) : low;
  return low + (high - low) * (position - below);
}

/**
 * Ranked values of the non-negative integers below a cutoff, counted rather than sorted: most
 * counts are small, so a histogram of the values below 65536 plus a sorted list of the few larger
 * ones answers "the k-th smallest" without copying or reordering megapixels.
 */
class CountedValues {
  readonly histogram = new Uint32Array(65536);
  readonly large: number[] = [];
  count = 0;

  percentile(p: number): number {
    this.large.sort((a, b) => a - b);
    return interpolated((k) => this.ranked(k), this.count, p);
  }

  private ranked(k: number): number {
    let seen = 0;
    for (let value = 0; value < 65536; value++) {
      seen += this.histogram[value];
      if (seen > k) return value;
    }
    return this.large[k - seen];
  }
}

/** The values drawn white (lo) and black (hi) at brightness 1. */
export interface Contrast {
  lo: number;
  hi: number;
}

/** Contrast of the frames a worker keeps decoded (recent-frame.ts): regions of one frame reuse it. */
const knownContrast = new WeakMap<Frame, Contrast>();

/** Step 1–2: the 1st and 99.85th percentiles of the valid values of the statistics region. */
export function contrastRange(frame: Frame): Contrast {
  let range = knownContrast.get(frame);
  if (range === undefined) {
    range = measureContrast(frame);
    knownContrast.set(frame, range);
  }
  return range;
}

/** Remembers a contrast measured elsewhere (while decoding, cbf.ts) for `frame`. */
export function rememberContrast(frame: Frame, contrast: Contrast): void {
  knownContrast.set(frame, contrast);
}

/** Rows [0, cols/2) × columns [0, rows/2): the original swaps the two (top-left quadrant when square). */
export function statisticsRegion(cols: number, rows: number): { regionRows: number; regionCols: number } {
  return { regionRows: Math.min(rows, Math.floor(cols / 2)), regionCols: Math.min(cols, Math.floor(rows / 2)) };
}

function measureContrast(frame: Frame): Contrast {
  const { regionRows, regionCols } = statisticsRegion(frame.width, frame.height);
  return validContrast(frame, regionRows, regionCols) ?? wholeRegionContrast(frame, regionRows, regionCols);
}

/** The percentiles of the valid values of the region, null when it has none. */
function validContrast({ width: cols, pixels, cutoff }: Frame, regionRows: number, regionCols: number): Contrast | null {
  const addon = frameRenderAddon();
  if (addon !== null) {
    const measured = new Float64Array(2);
    return addon.regionContrast(pixels, cols, regionRows, regionCols, cutoff, measured) > 0 ? { lo: measured[0], hi: measured[1] } : null;
  }
  const valid = new CountedValues();
  const { histogram, large } = valid;
  let count = 0;
  // The hottest loop of the statistics: counted inline, without a call per pixel.
  for (let r = 0; r < regionRows; r++) {
    const row = r * cols;
    for (let c = 0; c < regionCols; c++) {
      const v = pixels[row + c];
      if (v >= 0 && v < cutoff) {
        if (v < 65536) histogram[v]++;
        else large.push(v);
        count++;
      }
    }
  }
  valid.count = count;
  return count > 0 ? { lo: valid.percentile(1), hi: valid.percentile(99.85) } : null;
}

/** No valid pixel at all (rare): the whole region counts, gaps and overloads included. */
function wholeRegionContrast({ width: cols, pixels }: Frame, regionRows: number, regionCols: number): Contrast {
  const all = new Float64Array(regionRows * regionCols);
  for (let r = 0; r < regionRows; r++) all.set(pixels.subarray(r * cols, r * cols + regionCols), r * regionCols);
  all.sort();
  if (all.length === 0) return { lo: 0, hi: 0 };
  return { lo: interpolated((k) => all[k], all.length, 1), hi: interpolated((k) => all[k], all.length, 99.85) };
}

/** A rectangle of a frame, in pixels. */
export interface Rectangle {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Steps 3–4, row by row: fills `into` with the inverted grey values of frame row `row` from column `x`
 * into `into` (the contrast is always the whole frame's).
 */
export function greyRows(frame: Frame, brightness: number, contrast?: Contrast): (row: number, into: Uint8Array, x?: number) => void {
  if (brightness === 0) return (_row, into) => { into.fill(255); };
  const { lo, gain } = greyScale(brightness, contrast ?? contrastRange(frame));
  return (row, into, x = 0) => greyRow(frame.pixels, row * frame.width + x, into, lo, gain);
}

/** The offset and factor of the grey map; a gain of 0 (brightness 0, an unknown code) draws all white. */
export function greyScale(brightness: number, { lo, hi }: Contrast): { lo: number; gain: number } {
  if (brightness === 0) return { lo: 0, gain: 0 };
  return { lo, gain: (brightness * 255) / Math.max(hi, 1) };
}

function greyRow(pixels: Frame['pixels'], from: number, into: Uint8Array, lo: number, gain: number): void {
  const length = into.length;
  for (let i = 0; i < length; i++) {
    const scaled = (pixels[from + i] - lo) * gain;
    const magnitude = scaled < 0 ? -scaled : scaled;
    // round(|x|), clamped to 255: for x ≥ 0 rounding is adding a half and truncating.
    into[i] = magnitude >= 254.5 ? 0 : 255 - ((magnitude + 0.5) | 0);
  }
}

/** The grey image of one rectangle of a frame at the frame's own resolution (the region route). */
export function greyImage(frame: Frame, brightness: number, part: Rectangle): Uint8Array {
  const grey = new Uint8Array(part.w * part.h);
  const rowOf = greyRows(frame, brightness);
  for (let row = 0; row < part.h; row++) rowOf(part.y + row, grey.subarray(row * part.w, (row + 1) * part.w), part.x);
  return grey;
}
