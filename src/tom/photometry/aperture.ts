/**
 * Circular aperture sums with exact sub-pixel weights: each pixel counts
 * with the fraction of its area inside the circle, computed analytically.
 * Exact weights matter for photometry because the aperture's centre moves
 * by fractions of a pixel from frame to frame; hard-edged (in/out by pixel
 * centre) apertures add a few tenths of a percent of jitter for nothing.
 */
import { PhotometryError } from './errors.ts';
import type { PhotometryFrame } from './frame.ts';

/** ∫ sqrt(r² - t²) dt from 0 to x, for |x| <= r (the area under a circle's upper half). */
function halfDiskIntegral(x: number, r: number): number {
  const t = Math.max(-r, Math.min(r, x));
  return 0.5 * (t * Math.sqrt(Math.max(0, r * r - t * t)) + r * r * Math.asin(t / r));
}

/**
 * Area of the intersection of the disk of radius r centred on the origin
 * with the rectangle [x0, x1] × [y0, y1].
 *
 * Integrates, over x, the part of the vertical chord [-h(x), h(x)]
 * (h = sqrt(r² - x²)) that lies within [y0, y1]. The clipping switches only
 * where h crosses y0 or y1, so between those x values each bound is either a
 * constant or ±h, and both integrate in closed form.
 */
export function diskRectangleOverlap(x0: number, x1: number, y0: number, y1: number, r: number): number {
  const a = Math.max(x0, -r);
  const b = Math.min(x1, r);
  if (!(r > 0) || a >= b || y0 >= r || y1 <= -r || y0 >= y1) return 0;
  const cuts = [a, b];
  for (const y of [y0, y1]) {
    if (Math.abs(y) < r) {
      const c = Math.sqrt(r * r - y * y);
      if (c > a && c < b) cuts.push(c);
      if (-c > a && -c < b) cuts.push(-c);
    }
  }
  cuts.sort((p, q) => p - q);
  let area = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const u = cuts[i];
    const v = cuts[i + 1];
    if (v <= u) continue;
    const mid = 0.5 * (u + v);
    const h = Math.sqrt(r * r - mid * mid);
    const top = Math.min(y1, h);
    const bottom = Math.max(y0, -h);
    if (top <= bottom) continue; // the chord misses the rectangle on this whole piece
    const chordArea = halfDiskIntegral(v, r) - halfDiskIntegral(u, r);
    const topArea = h < y1 ? chordArea : y1 * (v - u);
    const bottomArea = -h > y0 ? -chordArea : y0 * (v - u);
    area += topArea - bottomArea;
  }
  return area;
}

/**
 * Fraction (0..1) of the pixel centred on (px, py) inside the circle of
 * radius r centred on (cx, cy). Pixels span ±0.5 around their centre.
 */
export function pixelWeight(px: number, py: number, cx: number, cy: number, r: number): number {
  const dx = Math.abs(px - cx);
  const dy = Math.abs(py - cy);
  // Quick answers for pixels wholly inside or outside (nearest / farthest corner).
  const nearX = Math.max(0, dx - 0.5);
  const nearY = Math.max(0, dy - 0.5);
  if (nearX * nearX + nearY * nearY >= r * r) return 0;
  const farX = dx + 0.5;
  const farY = dy + 0.5;
  if (farX * farX + farY * farY <= r * r) return 1;
  return diskRectangleOverlap(px - 0.5 - cx, px + 0.5 - cx, py - 0.5 - cy, py + 0.5 - cy, r);
}

export interface ApertureSum {
  /** Σ weight × value, sky not subtracted (ADU). */
  sum: number;
  /** Σ weight: the aperture's area in pixels (πr² when wholly on the image). */
  area: number;
}

/**
 * Sums the pixels of `frame` inside the circle of radius r (pixels) centred on
 * the 0-based position (cx, cy). The whole aperture must be on the image and
 * every pixel it touches finite: a partial or holed aperture would return a
 * flux that looks valid but is not, so those are errors.
 */
export function apertureSum(frame: PhotometryFrame, cx: number, cy: number, r: number): ApertureSum {
  const xMin = Math.floor(cx - r + 0.5);
  const xMax = Math.ceil(cx + r - 0.5);
  const yMin = Math.floor(cy - r + 0.5);
  const yMax = Math.ceil(cy + r - 0.5);
  if (xMin < 0 || yMin < 0 || xMax > frame.width - 1 || yMax > frame.height - 1) {
    throw new PhotometryError(
      'off-image',
      `aperture of radius ${round(r)} px at pixel (${round(cx)}, ${round(cy)}) (0-based) does not fit on the ${frame.width}x${frame.height} image`,
      { file: frame.file },
    );
  }
  let sum = 0;
  let area = 0;
  let bad = 0;
  for (let y = yMin; y <= yMax; y++) {
    for (let x = xMin; x <= xMax; x++) {
      const w = pixelWeight(x, y, cx, cy, r);
      if (w === 0) continue;
      const v = frame.data[x + frame.width * y];
      if (!Number.isFinite(v)) {
        bad++;
        continue;
      }
      sum += w * v;
      area += w;
    }
  }
  if (bad > 0) {
    throw new PhotometryError('bad-pixels', `${bad} pixel(s) in the aperture at (${round(cx)}, ${round(cy)}) are not finite`, {
      file: frame.file,
    });
  }
  return { sum, area };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
