/**
 * Gamma correction as the original applied it (fits2image's lookup with gamma 2.5): a
 * linear level t in [0, 1] is shown as 255 * t^(1/2.5), which lifts faint sky structure
 * and nebulosity while keeping black black and white white.
 *
 * A table of 65536 levels (64 KB) replaces a Math.pow per output pixel. The curve is steep
 * near 0, so the table must be fine there: its first step lands on output level 3, where a
 * 4096-level table would jump straight to 9.
 */
export const DEFAULT_GAMMA = 2.5;
export const GAMMA_LEVELS = 65536;

const cache = new Map<number, Uint8Array>();

/** table[i] = round(255 * (i / (GAMMA_LEVELS - 1)) ^ (1 / gamma)). */
export function gammaTable(gamma = DEFAULT_GAMMA): Uint8Array {
  let table = cache.get(gamma);
  if (!table) {
    table = new Uint8Array(GAMMA_LEVELS);
    const top = GAMMA_LEVELS - 1;
    for (let i = 0; i < GAMMA_LEVELS; i++) table[i] = Math.round(255 * Math.pow(i / top, 1 / gamma));
    cache.set(gamma, table);
  }
  return table;
}
