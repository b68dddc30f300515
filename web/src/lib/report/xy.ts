// Line and scatter plots (`lineplot`, `scatterplot`): x values with series on a left (y1) and an
// optional right (y2) axis; x scales linear, time, log, pow, inv-square (resolution in Å at even
// 1/d² steps) or identity; limits, interpolation, labelled vertical annotations, aspect ratio.
import * as Plot from '@observablehq/plot';
import { timeFormat } from 'd3-time-format';
import { colourMap, colourScale } from './colors';
import { extentOf, decimalsFor, powerTicks, secondAxis } from './axes';
import type { Span } from './axes';
import { isRecord, limits, num, text } from './details';
import type { Record_ } from './details';
import type { DataTableModel } from './data-table';

export type XScale = 'linear' | 'time' | 'log' | 'pow' | 'inv-square' | 'identity';
type XValue = number | Date;

export interface XySeries { name: string; axis: 'y1' | 'y2'; values: (number | null)[] }

export interface XyChart {
  scale: XScale;
  xLabel: string;
  y1Label?: string;
  y2Label?: string;
  xs: (XValue | null)[];
  series: XySeries[];
  xLimits?: Span;
  y1Limits?: Span;
  y2Limits?: Span;
  curve: Plot.CurveName;
  timeFormat?: string;
  annotations: { value: XValue; text: string }[];
  aspect: number;
  colours: Map<string, string>;
}

interface Point { x: XValue; y: number; value: number; series: string; axis: 'y1' | 'y2' }

const SCALES: XScale[] = ['linear', 'time', 'log', 'pow', 'inv-square', 'identity'];
const CURVES: Record<string, Plot.CurveName> = {
  cardinal: 'cardinal', basis: 'basis', step: 'step', 'step-before': 'step-before', 'step-after': 'step-after',
};

function toTime(value: unknown): Date | null {
  const date = typeof value === 'number' ? new Date(value) : typeof value === 'string' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

function readSeries(value: unknown, axis: 'y1' | 'y2'): XySeries[] {
  if (!Array.isArray(value)) return [];
  return value.filter(Array.isArray).map((line: unknown[]) => ({
    name: text(line[0]) ?? (axis === 'y1' ? 'y' : 'y2'), axis, values: line.slice(1).map(num),
  }));
}

export function readXy(data: Record_): XyChart {
  const scale = SCALES.find((s) => s === data['x-scale']) ?? 'linear';
  const rawX = Array.isArray(data.x) ? data.x : [];
  const xs = rawX.slice(1).map((v) => (scale === 'time' ? toTime(v) : num(v)))
    .map((v) => (typeof v === 'number' && (scale === 'log' || scale === 'inv-square') && v <= 0 ? null : v));
  const series = [...readSeries(data.y1, 'y1'), ...readSeries(data.y2, 'y2')];
  const annotations = (Array.isArray(data.annotations) ? data.annotations : []).filter(isRecord).flatMap((a) => {
    const value = scale === 'time' ? toTime(a.value) : num(a.value);
    return value === null ? [] : [{ value, text: text(a.text) ?? '' }];
  });
  const ratio = num(data['aspect-ratio']);
  return {
    scale, xs, series, annotations,
    xLabel: text(data['x-label']) ?? text(rawX[0]) ?? 'x',
    y1Label: text(data['y1-label']) ?? series.find((s) => s.axis === 'y1')?.name,
    y2Label: text(data['y2-label']) ?? series.find((s) => s.axis === 'y2')?.name,
    xLimits: limits(data['x-limits']), y1Limits: limits(data['y1-limits']), y2Limits: limits(data['y2-limits']),
    curve: CURVES[String(data.interpolation)] ?? 'linear',
    timeFormat: text(data['time-format']),
    aspect: ratio !== null && ratio > 0.2 && ratio < 10 ? ratio : 16 / 9,
    colours: colourMap(data.colors, series.map((s) => s.name)),
  };
}

function pointsOf(chart: XyChart, toMain: (v: number) => number): Point[] {
  return chart.series.flatMap((series) => series.values.flatMap((value, i) => {
    const x = chart.xs[i];
    if (x === null || x === undefined || value === null) return [];
    return [{ x, value, series: series.name, axis: series.axis, y: series.axis === 'y2' ? toMain(value) : value }];
  }));
}

/** How x values read on the axis, in the table and in tips. */
export function xFormatter(chart: XyChart): (value: XValue) => string {
  if (chart.scale === 'time') {
    const format = chart.timeFormat ? timeFormat(chart.timeFormat) : (d: Date) => d.toLocaleString();
    return (value) => (value instanceof Date ? format(value) : String(value));
  }
  return (value) => String(value);
}

function xScaleOptions(chart: XyChart, numbers: number[]): { scale: Plot.ScaleOptions; ticks?: number[]; tickFormat?: (v: number) => string } {
  if (chart.scale === 'time') return { scale: { type: 'time', domain: chart.xLimits?.map((v) => new Date(v)) } };
  if (chart.scale === 'log') return { scale: { type: 'log', domain: chart.xLimits } };
  if (chart.scale === 'pow' || chart.scale === 'inv-square') {
    const exponent = chart.scale === 'pow' ? 2 : -2;
    const [low, high] = chart.xLimits ?? [Math.min(...numbers), Math.max(...numbers)];
    // Resolution axes read from low resolution (large d) on the left to high on the right.
    const domain: Span = exponent < 0 ? [Math.max(low, high), Math.min(low, high)] : [Math.min(low, high), Math.max(low, high)];
    const ticks = powerTicks(domain, exponent);
    // Tick values are not round numbers here: two decimals at least, so each label says where it sits.
    const digits = Math.max(2, decimalsFor(ticks));
    return { scale: { type: 'pow', exponent, domain }, ticks, tickFormat: (v) => v.toFixed(digits) };
  }
  return { scale: { type: 'linear', domain: chart.xLimits } };
}

export function xyPlot(chart: XyChart, width: number, mode: 'line' | 'dots'): HTMLElement | SVGSVGElement {
  const y1Values = chart.series.filter((s) => s.axis === 'y1').flatMap((s) => s.values).filter((v): v is number => v !== null);
  const y2Values = chart.series.filter((s) => s.axis === 'y2').flatMap((s) => s.values).filter((v): v is number => v !== null);
  const hasY2 = chart.series.some((s) => s.axis === 'y2');
  const y1Domain = chart.y1Limits ?? extentOf(y1Values.length > 0 ? y1Values : y2Values);
  const second = hasY2 ? secondAxis(chart.y2Limits ?? extentOf(y2Values), y1Domain) : null;
  const points = pointsOf(chart, second?.toMain ?? ((v) => v));
  const x = xScaleOptions(chart, points.map((p) => p.x).filter((v): v is number => typeof v === 'number'));
  const formatX = xFormatter(chart);
  const clip = Boolean(chart.xLimits || chart.y1Limits || chart.y2Limits);
  const dashed = (axis: 'y1' | 'y2') => (axis === 'y2' ? '6,3' : undefined);
  const marks: Plot.Markish[] = [Plot.gridY({ strokeOpacity: 0.12 })];
  for (const axis of ['y1', 'y2'] as const) {
    const own = points.filter((p) => p.axis === axis);
    if (own.length === 0) continue;
    if (mode === 'line') {
      marks.push(Plot.line(own, { x: 'x', y: 'y', z: 'series', stroke: 'series', curve: chart.curve, strokeWidth: 1.75, strokeDasharray: dashed(axis), clip, ariaLabel: 'series' }));
    }
    const perSeries = own.length / Math.max(1, chart.series.filter((s) => s.axis === axis).length);
    if (mode === 'dots' || perSeries <= 40) {
      marks.push(Plot.dot(own, { x: 'x', y: 'y', fill: 'series', r: mode === 'dots' ? 3 : 2.5, clip }));
    }
  }
  if (chart.annotations.length > 0) {
    marks.push(
      Plot.ruleX(chart.annotations, { x: 'value', stroke: 'currentColor', strokeOpacity: 0.55, strokeDasharray: '3,3' }),
      Plot.text(chart.annotations, { x: 'value', text: 'text', frameAnchor: 'top', textAnchor: 'start', dx: 4, dy: 4, fontWeight: 600 }),
    );
  }
  const xAxis: Plot.AxisXOptions = {
    label: chart.xLabel, labelArrow: 'none', labelAnchor: 'center',
    tickFormat: x.tickFormat ?? (chart.scale === 'time' ? (v: Date) => formatX(v) : undefined),
  };
  marks.push(
    x.ticks ? Plot.axisX(x.ticks, xAxis) : Plot.axisX({ ...xAxis, ticks: Math.max(3, Math.round(width / 90)) }),
    Plot.axisY({ label: chart.y1Label ?? null, labelArrow: 'none', anchor: 'left' }),
  );
  if (second) marks.push(second.axis('y', 'right', chart.y2Label));
  marks.push(Plot.tip(points, Plot.pointer({
    x: 'x', y: 'y', title: (p: Point) => `${p.series}${p.axis === 'y2' ? ' (right axis)' : ''}: ${p.value}\n${chart.xLabel}: ${formatX(p.x)}`,
  })));
  return Plot.plot({
    width, height: Math.round(Math.min(520, Math.max(180, width / chart.aspect))),
    marginLeft: 60, marginRight: second ? 60 : 24, marginBottom: 44, marginTop: 16,
    x: x.scale, y: { domain: y1Domain }, color: colourScale(chart.colours),
    marks,
  });
}

/** One sentence for screen readers: the series and how many points each has. */
export function xySummary(chart: XyChart, kind: string): string {
  const parts = chart.series.map((s) => `${s.name}${s.axis === 'y2' ? ' (right axis)' : ''}: ${s.values.filter((v, i) => v !== null && chart.xs[i] !== null).length} points`);
  return `${kind} of ${chart.series.length === 1 ? 'one series' : `${chart.series.length} series`} against ${chart.xLabel}. ${parts.join('; ')}.`;
}

export function xyTable(chart: XyChart): DataTableModel {
  const formatX = xFormatter(chart);
  return {
    columns: [chart.xLabel, ...chart.series.map((s) => s.name)],
    rows: chart.xs.map((x, i) => [x === null ? null : formatX(x), ...chart.series.map((s) => s.values[i] ?? null)]),
  };
}
