// Axis helpers shared by the charts: a second value axis drawn over the first one's scale, and
// ticks for power scales (inv-square resolution axes) placed evenly in the transformed space.
import * as Plot from '@observablehq/plot';
import { ticks } from 'd3-array';

export type Span = [number, number];

/** The data's [min, max] widened a little and rounded, or [0, 1] when there is nothing. */
export function extentOf(values: number[], pad = 0.05): Span {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  if (low === high) {
    low -= Math.abs(low) * 0.1 || 1;
    high += Math.abs(high) * 0.1 || 1;
  }
  const margin = (high - low) * pad;
  return [low >= 0 ? Math.max(0, low - margin) : low - margin, high + margin];
}

/**
 * Values of a second axis drawn on the first one's scale: a linear map from `from` onto `onto`,
 * the axis mark (on `anchor`, with ticks labelled in the second axis's own values), and back.
 */
export function secondAxis(from: Span, onto: Span) {
  const factor = (onto[1] - onto[0]) / (from[1] - from[0]);
  const toMain = (value: number) => onto[0] + (value - from[0]) * factor;
  const fromMain = (value: number) => from[0] + (value - onto[0]) / factor;
  const tickValues = ticks(Math.min(...from), Math.max(...from), 6);
  const digits = decimalsFor(tickValues);
  return {
    toMain,
    axis(kind: 'x' | 'y', anchor: 'right' | 'top', label: string | undefined) {
      const options = { anchor, label: label ?? null, tickFormat: (v: number) => fromMain(v).toFixed(digits), labelArrow: 'none' as const };
      return kind === 'y' ? Plot.axisY(tickValues.map(toMain), options) : Plot.axisX(tickValues.map(toMain), options);
    },
  };
}

/** Enough decimals to tell neighbouring tick labels apart (at most 4). */
export function decimalsFor(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < sorted.length; i++) step = Math.min(step, sorted[i] - sorted[i - 1]);
  if (!Number.isFinite(step) || step <= 0) return 2;
  return Math.min(4, Math.max(0, -Math.floor(Math.log10(step))));
}

/**
 * Ticks for a power scale (x^exponent): evenly spaced in the transformed space and given back as
 * data values, so an inv-square resolution axis has its ticks at even 1/d² steps, labelled in Å.
 */
export function powerTicks(domain: Span, exponent: number, count = 8): number[] {
  const low = domain[0] ** exponent;
  const high = domain[1] ** exponent;
  return ticks(Math.min(low, high), Math.max(low, high), count)
    .map((t) => t ** (1 / exponent))
    .filter((v) => Number.isFinite(v) && v > 0 && v >= Math.min(...domain) && v <= Math.max(...domain));
}
