/**
 * The light-curve plot a photometry pipeline saves as its `plot` data
 * product: magnitude against time as a PNG, brighter (smaller magnitude) up
 * as astronomers expect, points with 1σ error bars, numeric tick labels
 * and a title. Drawn with the bitmap font in font.ts; no plotting library.
 *
 * Time runs along x as MJD minus the whole day of the first point, so a
 * night's ticks read 0.10 0.15 ... instead of 58697.10 58697.15.
 */
import { textWidth, GLYPH_HEIGHT } from './font.ts';
import type { LightCurvePoint } from './light-curve.ts';
import { encodePng } from './png.ts';
import { Raster, type Rgb } from './raster.ts';
import { niceTicks } from './ticks.ts';

export interface PlotPoint {
  mjd: number;
  magnitude: number;
  error: number;
  filter?: string | null;
}

export interface PlotOptions {
  /** Image size in pixels (default 800 × 500; at least 200 × 150). */
  width?: number;
  height?: number;
  title?: string;
  /** Default 'MJD - <first whole day>'. */
  xLabel?: string;
  /** Default 'Magnitude'. */
  yLabel?: string;
}

export interface LightCurvePlot {
  png: Buffer;
  width: number;
  height: number;
  /** Centre of each drawn point in image pixels (from the top-left), in input order; null for skipped (non-finite) points. */
  markers: ({ x: number; y: number } | null)[];
  /** The data area's edges in image pixels. */
  area: { left: number; top: number; right: number; bottom: number };
  /** The magnitude range on the y axis, top (bright) to bottom (faint). */
  yRange: [number, number];
}

const BLACK: Rgb = [0, 0, 0];
const GRID: Rgb = [215, 215, 215];
const WHITE: Rgb = [255, 255, 255];
/** Dark colours, one per filter, all far from the white background in gray too. */
const PALETTE: Rgb[] = [
  [25, 45, 150],
  [175, 30, 30],
  [20, 110, 45],
  [115, 40, 145],
  [150, 90, 0],
];
const LABEL_SCALE = 2;
const CHAR_HEIGHT = GLYPH_HEIGHT * LABEL_SCALE;
const MARKER_RADIUS = 3.5;

export function plotLightCurve(input: readonly (PlotPoint | LightCurvePoint)[], options: PlotOptions = {}): LightCurvePlot {
  const width = Math.max(200, Math.round(options.width ?? 800));
  const height = Math.max(150, Math.round(options.height ?? 500));
  const points = input.map(normalise);
  const usable = points.filter((p): p is PlotPoint => p !== null);

  // Data ranges, padded so points and error bars stay off the frame.
  const reference = usable.length > 0 ? Math.floor(Math.min(...usable.map((p) => p.mjd))) : 0;
  let [x0, x1] = usable.length > 0 ? extent(usable.map((p) => p.mjd - reference)) : [0, 1];
  if (x1 - x0 < 1e-3) [x0, x1] = [x0 - 0.05, x1 + 0.05];
  const xPad = 0.05 * (x1 - x0);
  [x0, x1] = [x0 - xPad, x1 + xPad];
  let [y0, y1] = usable.length > 0 ? extent(usable.flatMap((p) => [p.magnitude - p.error, p.magnitude + p.error])) : [0, 1];
  if (y1 - y0 < 0.02) [y0, y1] = [(y0 + y1) / 2 - 0.05, (y0 + y1) / 2 + 0.05];
  const yPad = 0.08 * (y1 - y0);
  [y0, y1] = [y0 - yPad, y1 + yPad];

  const title = options.title ?? 'Light curve';
  const xLabel = options.xLabel ?? `MJD - ${reference}`;
  const yLabel = options.yLabel ?? 'Magnitude';
  const yTicks = niceTicks(y0, y1, Math.max(3, Math.round(height / 80)));
  const xTicks = niceTicks(x0, x1, Math.max(3, Math.round(width / 130)));
  const yTickText = yTicks.values.map((v) => v.toFixed(yTicks.decimals));
  const xTickText = xTicks.values.map((v) => v.toFixed(xTicks.decimals));

  // Layout: title on top, y label and tick labels on the left, x tick labels and label below.
  const titleScale = textWidth(title, 3) <= width - 20 ? 3 : 2;
  const left = 12 + CHAR_HEIGHT + 10 + Math.max(...yTickText.map((t) => textWidth(t, LABEL_SCALE))) + 10;
  const top = 14 + GLYPH_HEIGHT * titleScale + 14;
  const right = width - 24;
  const bottom = height - (10 + CHAR_HEIGHT + 10 + CHAR_HEIGHT + 12);
  const area = { left, top, right, bottom };
  const px = (x: number) => left + ((x - x0) / (x1 - x0)) * (right - left);
  // Inverted magnitude axis: the smallest (brightest) value y0 at the top.
  const py = (m: number) => top + ((m - y0) / (y1 - y0)) * (bottom - top);

  const canvas = new Raster(width, height, WHITE);
  for (const v of yTicks.values) canvas.line(left + 1, py(v), right - 1, py(v), GRID, [3, 3]);
  for (const v of xTicks.values) canvas.line(px(v), top + 1, px(v), bottom - 1, GRID, [3, 3]);

  // Frame and ticks.
  canvas.line(left, top, right, top, BLACK);
  canvas.line(left, bottom, right, bottom, BLACK);
  canvas.line(left, top, left, bottom, BLACK);
  canvas.line(right, top, right, bottom, BLACK);
  yTicks.values.forEach((v, i) => {
    const y = Math.round(py(v));
    canvas.line(left, y, left + 6, y, BLACK);
    canvas.line(right - 6, y, right, y, BLACK);
    const text = yTickText[i];
    canvas.text(left - 8 - textWidth(text, LABEL_SCALE), y - CHAR_HEIGHT / 2, text, BLACK, LABEL_SCALE);
  });
  xTicks.values.forEach((v, i) => {
    const x = Math.round(px(v));
    canvas.line(x, bottom, x, bottom - 6, BLACK);
    canvas.line(x, top, x, top + 6, BLACK);
    const text = xTickText[i];
    canvas.text(x - textWidth(text, LABEL_SCALE) / 2, bottom + 8, text, BLACK, LABEL_SCALE);
  });

  // Labels and title.
  canvas.text((left + right - textWidth(xLabel, LABEL_SCALE)) / 2, bottom + 8 + CHAR_HEIGHT + 10, xLabel, BLACK, LABEL_SCALE);
  canvas.textUp(12, (top + bottom - textWidth(yLabel, LABEL_SCALE)) / 2, yLabel, BLACK, LABEL_SCALE);
  canvas.text((width - textWidth(title, titleScale)) / 2, 14, title, BLACK, titleScale);

  // Points, coloured by filter.
  const filters = [...new Set(usable.map((p) => p.filter ?? ''))];
  const colorOf = (filter: string) => PALETTE[filters.indexOf(filter) % PALETTE.length];
  const markers = points.map((p) => {
    if (!p) return null;
    const color = colorOf(p.filter ?? '');
    const x = px(p.mjd - reference);
    const y = py(p.magnitude);
    if (p.error > 0) {
      const yTop = py(p.magnitude - p.error);
      const yBottom = py(p.magnitude + p.error);
      canvas.line(x, yTop, x, yBottom, color);
      canvas.line(x - 3, yTop, x + 3, yTop, color);
      canvas.line(x - 3, yBottom, x + 3, yBottom, color);
    }
    canvas.disc(x, y, MARKER_RADIUS, color);
    return { x: Math.round(x), y: Math.round(y) };
  });

  if (usable.length === 0) {
    const text = 'No data';
    canvas.text((left + right - textWidth(text, 3)) / 2, (top + bottom - GLYPH_HEIGHT * 3) / 2, text, BLACK, 3);
  } else if (filters.length > 1 || filters[0] !== '') {
    // Legend (filter names) on the x label's row, right-aligned: outside the
    // data area so it can never hide a point.
    const labels = filters.map((f) => (f === '' ? '(none)' : f));
    const entryWidth = (label: string) => 16 + textWidth(label, LABEL_SCALE) + 14;
    let x = right - labels.reduce((sum, label) => sum + entryWidth(label), 0) + 14;
    const y = bottom + 8 + CHAR_HEIGHT + 10;
    labels.forEach((label, i) => {
      canvas.disc(x + 4, y + CHAR_HEIGHT / 2, MARKER_RADIUS, colorOf(filters[i]));
      canvas.text(x + 16, y, label, BLACK, LABEL_SCALE);
      x += entryWidth(label);
    });
  }

  return { png: encodePng(canvas.toImage()), width, height, markers, area, yRange: [y0, y1] };
}

function normalise(p: PlotPoint | LightCurvePoint): PlotPoint | null {
  const mjd = 'time' in p ? p.time.mjd : p.mjd;
  const error = Number.isFinite(p.error) && p.error > 0 ? p.error : 0;
  if (!Number.isFinite(mjd) || !Number.isFinite(p.magnitude)) return null;
  return { mjd, magnitude: p.magnitude, error, filter: p.filter ?? null };
}

function extent(values: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}
