/**
 * Turning a plane into one gray8 video frame, in a single streaming pass:
 *   linear stretch to [0, 1] between z1 and z2 (clipped; NaN shows black)
 *   -> area-averaging resample to the output size (each output pixel is the mean of the
 *      source area it covers, partial pixels weighted by overlap - no aliasing when
 *      shrinking 2048 -> 500, exact copies when the size does not change)
 *   -> gamma lookup -> 8-bit, written bottom row first (the vertical flip: FITS row 0 is
 *      the bottom of the picture, a video's first row is the top).
 * Stretching before averaging matches the original, which scaled to 8 bits before
 * shrinking: a saturated star core cannot bloom into its neighbours.
 *
 * Cost when shrinking: each source pixel is stretched once and added into at most two
 * output columns; each source row into at most two output rows. Memory: a few rows.
 */
import { GAMMA_LEVELS } from './gamma.ts';
import type { FrameSize } from './geometry.ts';
import type { PixelArray } from '../fits/index.ts';
import type { Plane } from './plane.ts';
import type { DisplayRange } from './zscale.ts';

/** Which source pixels make up each output pixel along one axis, and with what weights. */
export interface AxisWeights {
  /** First source index for each output index. */
  start: Int32Array;
  /** Number of source pixels for each output index. */
  count: Int32Array;
  /** Weights, `stride` per output index (those past `count` are unused). */
  weights: Float64Array;
  stride: number;
}

/** Box-filter weights mapping `source` pixels onto `target` pixels (either way round). */
export function areaWeights(source: number, target: number): AxisWeights {
  const scale = source / target;
  const stride = Math.ceil(scale) + 1;
  const start = new Int32Array(target);
  const count = new Int32Array(target);
  const weights = new Float64Array(target * stride);
  for (let o = 0; o < target; o++) {
    const left = o * scale;
    const right = Math.min(source, (o + 1) * scale);
    const first = Math.floor(left);
    let k = 0;
    for (let i = first; i < right && k < stride; i++) {
      const overlap = Math.min(i + 1, right) - Math.max(i, left);
      if (overlap <= 1e-12) continue;
      if (k === 0) start[o] = i;
      weights[o * stride + k] = overlap / scale;
      k++;
    }
    count[o] = k;
  }
  return { start, count, weights, stride };
}

/**
 * Stretch, resample to `size`, gamma, flip. Shrinking (the usual case) takes a fast path in
 * which every source pixel feeds at most two output pixels per axis; growing an axis (only
 * ever by the 1 -> 2 pixels H.264 needs) takes the general one. Both compute the same
 * area averages.
 */
export function renderGray8(plane: Plane, range: DisplayRange, size: FrameSize, lut: Uint8Array): Uint8Array {
  if (size.width <= plane.width && size.height <= plane.height) return shrinkGray8(plane, range, size, lut);
  return resampleGray8(plane, range, size, lut);
}

/** For one axis when shrinking: each source pixel's output pixel and its weights there and in the next. */
export interface Split {
  target: Int32Array;
  first: Float64Array;
  second: Float64Array;
  /** starts[o] = first source pixel whose target is o; starts[outputs] = source length. */
  starts: Int32Array;
}

/**
 * Source pixel i spans [i, i+1) * target/source in output coordinates, at most one output
 * pixel long, so it overlaps output pixel floor(i * target/source) and perhaps the next;
 * the overlap lengths (in output pixels) are its weights. Integer products keep the
 * boundaries exact when the sizes divide.
 */
export function splitAxis(source: number, target: number): Split {
  const split: Split = {
    target: new Int32Array(source),
    first: new Float64Array(source),
    second: new Float64Array(source),
    starts: new Int32Array(target + 1),
  };
  let next = 0;
  for (let i = 0; i < source; i++) {
    const lo = (i * target) / source;
    const hi = ((i + 1) * target) / source;
    const o = Math.min(target - 1, Math.floor(lo));
    split.target[i] = o;
    while (next <= o) split.starts[next++] = i;
    if (hi > o + 1 && o + 1 < target) {
      split.first[i] = o + 1 - lo;
      split.second[i] = hi - (o + 1);
    } else {
      split.first[i] = hi - lo;
    }
  }
  while (next <= target) split.starts[next++] = source;
  return split;
}

function shrinkGray8(plane: Plane, range: DisplayRange, size: FrameSize, lut: Uint8Array): Uint8Array {
  const { data, width, height } = plane;
  const outW = size.width;
  const outH = size.height;
  const columns = splitAxis(width, outW);
  const rows = splitAxis(height, outH);
  const out = new Uint8Array(outW * outH);
  const z1 = range.z1;
  const inverse = 1 / (range.z2 - range.z1);
  const row = new Float64Array(outW);
  let current = new Float64Array(outW);
  let next = new Float64Array(outW);
  let currentRow = 0;

  for (let y = 0; y < height; y++) {
    const o = rows.target[y];
    while (currentRow < o) {
      emitRow(current, out, outW, outH, currentRow, lut);
      const done = current;
      current = next;
      next = done;
      next.fill(0);
      currentRow++;
    }
    stretchShrinkRow(data, y * width, z1, inverse, columns, row);
    const w1 = rows.first[y];
    const w2 = rows.second[y];
    for (let x = 0; x < outW; x++) current[x] += w1 * row[x];
    if (w2 > 0) for (let x = 0; x < outW; x++) next[x] += w2 * row[x];
  }
  emitRow(current, out, outW, outH, currentRow, lut);
  return out;
}

/**
 * row[o] = sum of weight * stretched pixel over the source pixels of output column o.
 * Every pixel of a column but its last has the same weight (target/source, a whole pixel
 * inside the column), so the inner loop is a plain sum; only the last pixel may straddle
 * the boundary, and its share of the next column is carried over. Gathering per column
 * keeps the sums in registers (scattering into row[] per pixel measured 2-3x slower).
 */
function stretchShrinkRow(data: PixelArray, base: number, z1: number, inverse: number, columns: Split, row: Float64Array): void {
  const { first, second, starts } = columns;
  const outputs = row.length;
  const whole = outputs / first.length; // weight of a pixel lying wholly inside one column
  let carry = 0;
  for (let o = 0; o < outputs; o++) {
    const begin = base + starts[o];
    const last = base + starts[o + 1] - 1;
    let inside = 0;
    for (let i = begin; i < last; i++) {
      const t = (data[i] - z1) * inverse;
      inside += Math.min(t > 0 ? t : 0, 1); // NaN -> 0
    }
    const t = (data[last] - z1) * inverse;
    const v = Math.min(t > 0 ? t : 0, 1);
    const x = last - base;
    row[o] = carry + whole * inside + first[x] * v;
    carry = second[x] * v;
  }
}

/** Gamma and 8 bits for output row `oy`, stored upside down (the vertical flip). */
function emitRow(values: Float64Array, out: Uint8Array, outW: number, outH: number, oy: number, lut: Uint8Array): void {
  const top = GAMMA_LEVELS - 1;
  const base = (outH - 1 - oy) * outW;
  for (let x = 0; x < outW; x++) {
    const level = (values[x] * top + 0.5) | 0;
    out[base + x] = lut[level > top ? top : level];
  }
}

/** The general path: any sizes, weights from areaWeights(). */
export function resampleGray8(plane: Plane, range: DisplayRange, size: FrameSize, lut: Uint8Array): Uint8Array {
  const { data, width } = plane;
  const outW = size.width;
  const outH = size.height;
  const columns = areaWeights(width, outW);
  const rows = areaWeights(plane.height, outH);
  const out = new Uint8Array(outW * outH);

  const z1 = range.z1;
  const inverse = 1 / (range.z2 - range.z1);
  const stretched = new Float32Array(width);
  const rowBuffer = new Float64Array(outW);
  const accumulator = new Float64Array(outW);
  let bufferedRow = -1;

  // Stretches source row y and resamples it horizontally into rowBuffer.
  const horizontal = (y: number): void => {
    const base = y * width;
    for (let x = 0; x < width; x++) {
      const t = (data[base + x] - z1) * inverse;
      stretched[x] = t > 0 ? (t < 1 ? t : 1) : 0; // NaN -> 0
    }
    const { start, count, weights, stride } = columns;
    for (let o = 0; o < outW; o++) {
      const s = start[o];
      const w = o * stride;
      let sum = 0;
      for (let k = 0; k < count[o]; k++) sum += weights[w + k] * stretched[s + k];
      rowBuffer[o] = sum;
    }
    bufferedRow = y;
  };

  for (let oy = 0; oy < outH; oy++) {
    accumulator.fill(0);
    const s = rows.start[oy];
    for (let k = 0; k < rows.count[oy]; k++) {
      // Consecutive output rows share at most their boundary source row: keep the last one.
      if (bufferedRow !== s + k) horizontal(s + k);
      const weight = rows.weights[oy * rows.stride + k];
      for (let o = 0; o < outW; o++) accumulator[o] += weight * rowBuffer[o];
    }
    emitRow(accumulator, out, outW, outH, oy, lut);
  }
  return out;
}
