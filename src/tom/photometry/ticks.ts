/**
 * "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten, so labels read
 * 14.0 14.1 14.2 rather than 14.03 14.17 14.31.
 */

export interface Ticks {
  /** Tick values inside [min, max], ascending. */
  values: number[];
  step: number;
  /** Decimals needed to print every tick distinctly (0 for whole steps). */
  decimals: number;
}

/** About `target` (at least 2) ticks covering [min, max]; min < max required. */
export function niceTicks(min: number, max: number, target = 6): Ticks {
  if (!(Number.isFinite(min) && Number.isFinite(max) && max > min)) {
    throw new RangeError(`tick range must be finite with max > min, got [${min}, ${max}]`);
  }
  const rough = (max - min) / Math.max(1, target - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  const step = nice * power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  const values: number[] = [];
  // Multiply rather than accumulate, so 0.1 steps do not drift (0.30000000000000004).
  for (let k = first; k <= last; k++) values.push(Number((k * step).toFixed(decimals)));
  return { values, step, decimals };
}
