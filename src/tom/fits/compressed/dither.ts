/**
 * Turning quantized integers back into floats (FITS 4.0 section 10.2 and
 * Appendix I): value = (i - r + 0.5) * ZSCALE + ZZERO with subtractive
 * dithering, or i * ZSCALE + ZZERO without it.
 *
 * The dither offsets r come from a fixed sequence of 10000 numbers made by
 * the Park-Miller generator (a = 16807, m = 2^31 - 1, seed 1) and stored as
 * 32-bit floats, as CFITSIO does; writers and readers must agree exactly.
 */
import type { PixelArray } from '../pixels.ts';

export const N_RANDOM = 10000;

/**
 * The quantized value SUBTRACTIVE_DITHER_2 uses for an exact 0.0. The FITS
 * 4.0 text says -2147483647, but that is also the usual null value; CFITSIO
 * (and so every fpack file) uses -2147483646.
 */
export const ZERO_VALUE = -2147483646;

export type QuantizeMethod = 'NO_DITHER' | 'SUBTRACTIVE_DITHER_1' | 'SUBTRACTIVE_DITHER_2';

let sequence: Float32Array | undefined;

export function randomSequence(): Float32Array {
  if (sequence) return sequence;
  const a = 16807;
  const m = 2147483647;
  const values = new Float32Array(N_RANDOM);
  let seed = 1;
  for (let i = 0; i < N_RANDOM; i++) {
    // a * seed < 2^46, exact in a double, so this is the exact modulus.
    const t = a * seed;
    seed = t - m * Math.floor(t / m);
    values[i] = seed / m;
  }
  sequence = values;
  return values;
}

export interface DequantizeParams {
  method: QuantizeMethod;
  scale: number;
  zero: number;
  /** Quantized null value (ZBLANK), if any. */
  blank: number | undefined;
  /** 1-based tile (table row) number: the dither sequence restarts per tile. */
  tile: number;
  /** ZDITHER0, the writer's seed (1..10000). */
  dither0: number;
}

export function dequantize(src: Int32Array, dst: PixelArray, p: DequantizeParams): void {
  const n = src.length;
  const blank = p.blank ?? Number.NaN;
  const { scale, zero } = p;
  if (p.method === 'NO_DITHER') {
    for (let i = 0; i < n; i++) {
      const v = src[i];
      dst[i] = v === blank ? Number.NaN : v * scale + zero;
    }
    return;
  }
  const rand = randomSequence();
  const keepZero = p.method === 'SUBTRACTIVE_DITHER_2';
  let seedIndex = mod(p.tile - 1 + p.dither0 - 1, N_RANDOM);
  let next = Math.floor(rand[seedIndex] * 500);
  for (let i = 0; i < n; i++) {
    const v = src[i];
    if (v === blank) dst[i] = Number.NaN;
    else if (keepZero && v === ZERO_VALUE) dst[i] = 0;
    else dst[i] = (v - rand[next] + 0.5) * scale + zero;
    // Every pixel, null or zero included, uses up one offset.
    if (++next === N_RANDOM) {
      seedIndex = (seedIndex + 1) % N_RANDOM;
      next = Math.floor(rand[seedIndex] * 500);
    }
  }
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
