// Column charts (vertical bars) and bar charts (horizontal): one bar per category and series,
// series in the same `stack` group stacked, others side by side; `color-by` colours bars by a
// field of their row instead of by series; `line` draws one series as a line on a second axis
// (`line-limits`); `annotations` mark categories.
import * as Plot from '@observablehq/plot';
import { colourMap, colourScale } from './colors';
import { extentOf, secondAxis } from './axes';
import type { Span } from './axes';
import { isRecord, limits, num, text } from './details';
import type { Record_ } from './details';
import type { DataTableModel } from './data-table';

export type Orientation = 'vertical' | 'horizontal';

export interface BarsChart {
  categoryKey: string;
  categories: string[];
  rows: Record_[];
  series: string[];
  groups: string[][];
  colorBy?: string;
  line?: string;
  lineLimits?: Span;
  annotations: { at: number; text: string }[];
  aspect: number;
  colours: Map<string, string>;
}

interface Bar { c1: number; c2: number; v1: number; v2: number; fill: string; label: string }

export function readBars(data: Record_): BarsChart {
  const rows = (Array.isArray(data.data) ? data.data : []).filter(isRecord);
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const categoryKey = text(data['x-label']) ?? keys[0] ?? 'x';
  const colorBy = text(data['color-by']);
  const lineName = text(data.line);
  const line = lineName && keys.includes(lineName) ? lineName : undefined;
  const series = keys.filter((k) => k !== categoryKey && k !== colorBy && k !== line);
  const stacked = (Array.isArray(data.stack) ? data.stack : []).filter(Array.isArray)
    .map((group: unknown[]) => group.map(String).filter((name) => series.includes(name))).filter((g) => g.length > 0);
  const inStack = new Set(stacked.flat());
  const groups = [...stacked, ...series.filter((s) => !inStack.has(s)).map((s) => [s])];
  const categories = rows.map((row) => String(row[categoryKey] ?? ''));
  const flavours = colorBy ? [...new Set(rows.map((row) => String(row[colorBy] ?? '')))] : series;
  const annotations = (Array.isArray(data.annotations) ? data.annotations : []).filter(isRecord).flatMap((a) => {
    const index = categories.indexOf(String(a.value));
    const at = index >= 0 ? index : num(a.value);
    return at === null ? [] : [{ at, text: text(a.text) ?? '' }];
  });
  const ratio = num(data['aspect-ratio']);
  return {
    categoryKey, categories, rows, series, groups, colorBy, line, lineLimits: limits(data['line-limits']), annotations,
    aspect: ratio !== null && ratio > 0.2 && ratio < 10 ? ratio : 16 / 9,
    colours: colourMap(data.colors, line ? [...flavours, line] : flavours),
  };
}

function barsOf(chart: BarsChart): Bar[] {
  const width = 0.8 / Math.max(1, chart.groups.length);
  return chart.rows.flatMap((row, i) => chart.groups.flatMap((group, g) => {
    let up = 0;
    let down = 0;
    const c1 = i - 0.4 + g * width;
    return group.flatMap((series) => {
      const value = num(row[series]);
      if (value === null) return [];
      const base = value >= 0 ? up : down;
      if (value >= 0) up += value;
      else down += value;
      const fill = chart.colorBy ? String(row[chart.colorBy] ?? '') : series;
      return [{ c1: c1 + width * 0.04, c2: c1 + width * 0.96, v1: base, v2: base + value, fill, label: `${chart.categories[i]} · ${series}: ${value}` }];
    });
  }));
}

export function barsPlot(chart: BarsChart, width: number, orientation: Orientation): HTMLElement | SVGSVGElement {
  const vertical = orientation === 'vertical';
  const bars = barsOf(chart);
  const count = chart.categories.length;
  const valueDomain = extentOf([0, ...bars.map((b) => b.v2)], 0.04);
  const lineValues = chart.line ? chart.rows.map((row) => num(row[chart.line as string])) : [];
  const second = chart.line ? secondAxis(chart.lineLimits ?? extentOf(lineValues.filter((v): v is number => v !== null)), valueDomain) : null;
  const every = Math.max(1, Math.ceil(count / (vertical ? width / 70 : 30)));
  const categoryTicks = chart.categories.map((_, i) => i).filter((i) => i % every === 0);
  const longest = Math.max(0, ...chart.categories.map((c) => c.length));
  const categoryDomain: Span = vertical ? [-0.5, count - 0.5] : [count - 0.5, -0.5];
  // Channel names for the category and value directions, swapped for horizontal bars.
  const [cat, val] = vertical ? ['x', 'y'] as const : ['y', 'x'] as const;
  const marks: Plot.Markish[] = [
    vertical ? Plot.gridY({ strokeOpacity: 0.12 }) : Plot.gridX({ strokeOpacity: 0.12 }),
    Plot.rect(bars, { [`${cat}1`]: 'c1', [`${cat}2`]: 'c2', [`${val}1`]: 'v1', [`${val}2`]: 'v2', fill: 'fill', title: 'label' }),
  ];
  if (second && chart.line) {
    const points = lineValues.flatMap((v, i) => (v === null ? [] : [{ c: i, v: second.toMain(v) }]));
    const stroke = chart.colours.get(chart.line);
    marks.push(Plot.line(points, { [cat]: 'c', [val]: 'v', stroke, strokeWidth: 2 }), Plot.dot(points, { [cat]: 'c', [val]: 'v', fill: stroke, r: 3 }));
  }
  for (const note of chart.annotations) {
    marks.push(vertical ? Plot.ruleX([note.at], { strokeDasharray: '3,3', strokeOpacity: 0.6 }) : Plot.ruleY([note.at], { strokeDasharray: '3,3', strokeOpacity: 0.6 }));
    marks.push(Plot.text([note], { [cat]: 'at', text: 'text', frameAnchor: vertical ? 'top' : 'right', textAnchor: vertical ? 'start' : 'end', dx: vertical ? 4 : -4, dy: 4 }));
  }
  const categoryAxis = { tickFormat: (i: number) => chart.categories[i] ?? '', label: chart.categoryKey, labelArrow: 'none' as const, tickSize: 0 };
  if (vertical) {
    marks.push(
      Plot.axisX(categoryTicks, { ...categoryAxis, tickRotate: longest * 7 > width / Math.max(1, categoryTicks.length) ? -35 : 0 }),
      Plot.axisY({ label: null, anchor: 'left' }),
    );
  } else {
    marks.push(Plot.axisY(categoryTicks, { ...categoryAxis, anchor: 'left' }), Plot.axisX({ label: null, anchor: 'bottom' }));
  }
  if (second) marks.push(second.axis(val, vertical ? 'right' : 'top', chart.line));
  const rotated = vertical && longest * 7 > width / Math.max(1, categoryTicks.length);
  return Plot.plot({
    width,
    height: vertical ? Math.round(Math.min(480, Math.max(200, width / chart.aspect))) : Math.max(140, 26 * count + 70),
    marginLeft: vertical ? 56 : Math.min(200, 16 + longest * 7),
    marginRight: vertical && second ? 56 : 24,
    marginTop: !vertical && second ? 40 : 16,
    marginBottom: rotated ? Math.min(140, 30 + longest * 5) : 44,
    [cat]: { domain: categoryDomain },
    [val]: { domain: valueDomain },
    color: colourScale(chart.colours),
    marks,
  });
}

export function barsSummary(chart: BarsChart, kind: string): string {
  const what = chart.colorBy ? `coloured by ${chart.colorBy}` : `${chart.series.length} series (${chart.series.join(', ')})`;
  return `${kind} of ${chart.categories.length} ${chart.categoryKey} values, ${what}${chart.line ? `, with ${chart.line} as a line on a second axis` : ''}.`;
}

export function barsTable(chart: BarsChart): DataTableModel {
  const columns = [chart.categoryKey, ...chart.series, ...(chart.line ? [chart.line] : []), ...(chart.colorBy ? [chart.colorBy] : [])];
  return {
    columns,
    rows: chart.rows.map((row) => columns.map((key, i) => {
      const value = row[key];
      return i === 0 || key === chart.colorBy ? (value === undefined || value === null ? null : String(value)) : num(value);
    })),
  };
}
