/**
 * Aperture photometry of one position on one frame: place it (WCS or pixel),
 * re-centre on the star, sum a circular aperture, subtract the annulus sky,
 * and turn the flux into a magnitude with an error.
 *
 * Flux error (the CCD equation, Merline & Howell 1995), in electrons:
 *   σ² = F·g + A·(1 + A/n)·p
 * with F the sky-subtracted flux (ADU), g the GAIN, A the aperture area and
 * n the sky pixel count (the A/n term is the error of the sky level itself),
 * and p the per-pixel background variance: sky·g + RDNOISE² from the header,
 * or the annulus's measured variance when that is larger — a sky-subtracted
 * or flat-fielded image, or a header with wrong noise values, would otherwise
 * give errors that are too small.
 *
 * Magnitude: ZP - 2.5·log10(F / EXPTIME); error 2.5/ln(10)·σ/F ≈ 1.0857·σ/F.
 */
import { apertureSum } from './aperture.ts';
import { refineCentroid, type CentroidStatus } from './centroid.ts';
import { PhotometryError } from './errors.ts';
import type { PhotometryFrame } from './frame.ts';
import { annulusSky, type SkyEstimate, type SkyOptions } from './sky.ts';

/** 2.5 / ln(10): d(mag) = MAG_PER_RELATIVE_FLUX · dF/F. */
export const MAG_PER_RELATIVE_FLUX = 2.5 / Math.LN10;

export interface PhotometryOptions {
  /**
   * Unit of radius, annulus, centroidBox and maxShift (default 'arcsec', using
   * the frame's pixel scale, so the defaults suit any camera). Use 'pixel' for
   * frames without a pixel scale.
   */
  unit?: 'arcsec' | 'pixel';
  /** Aperture radius (default 5: a few times typical seeing). */
  radius?: number;
  /** Sky annulus inner and outer radius (default [10, 16]). */
  annulus?: [number, number];
  /** Re-centre on the star before measuring (default true). */
  centroid?: boolean;
  /** Half-width of the centroid box (default 5). */
  centroidBox?: number;
  /** Largest accepted re-centring shift (default 3); beyond it the predicted position is used. */
  maxShift?: number;
  sky?: SkyOptions;
}

export interface Measurement {
  /** 0-based pixel position measured at (after re-centring). */
  x: number;
  y: number;
  /** 0-based position before re-centring (from the WCS, or as given). */
  predicted: { x: number; y: number };
  /** 'off' when re-centring was disabled. */
  centroid: CentroidStatus | 'off';
  /** Distance of the centroid found from the prediction (pixels); also set when it was rejected. */
  centroidShift: number;
  /** Radii used, in pixels. */
  radius: number;
  annulus: [number, number];
  /** Sky-subtracted flux in the aperture (ADU) and its 1σ error. */
  flux: number;
  fluxError: number;
  /** Aperture area in pixels. */
  area: number;
  sky: SkyEstimate;
  magnitude: number;
  magnitudeError: number;
  zeroPoint: number;
  /** flux / fluxError. */
  snr: number;
}

/** Measures the star at sky position (ra, dec) in degrees, placed through the frame's WCS. */
export function measureAtSky(frame: PhotometryFrame, position: { ra: number; dec: number }, options: PhotometryOptions = {}): Measurement {
  if (!frame.wcs) {
    throw new PhotometryError('no-wcs', `no celestial WCS to place RA ${position.ra}, Dec ${position.dec}${frame.wcsProblem ? ` (${frame.wcsProblem})` : ''}`, {
      file: frame.file,
    });
  }
  const p = frame.wcs.skyToPixel0(position.ra, position.dec);
  if (!onImage(frame, p.x, p.y)) {
    throw new PhotometryError(
      'off-image',
      `RA ${position.ra}, Dec ${position.dec} is off the ${frame.width}x${frame.height} image (pixel ${fmt(p.x + 1)}, ${fmt(p.y + 1)}, 1-based)`,
      { file: frame.file },
    );
  }
  return measureAtPixel(frame, p.x, p.y, options);
}

/** Measures the star near the 0-based pixel position (x, y). */
export function measureAtPixel(frame: PhotometryFrame, x: number, y: number, options: PhotometryOptions = {}): Measurement {
  if (!onImage(frame, x, y)) {
    throw new PhotometryError('off-image', `pixel (${fmt(x)}, ${fmt(y)}) (0-based) is off the ${frame.width}x${frame.height} image`, {
      file: frame.file,
    });
  }
  const toPixels = pixelConverter(frame, options.unit ?? 'arcsec');
  const radius = toPixels(options.radius ?? 5);
  const [inner, outer] = (options.annulus ?? [10, 16]).map(toPixels);
  if (!(radius > 0) || !(inner >= radius) || !(outer > inner)) {
    throw new PhotometryError('bad-input', `need 0 < radius <= annulus inner < outer, got ${radius}, ${inner}, ${outer} px`, {
      file: frame.file,
    });
  }

  let cx = x;
  let cy = y;
  let centroid: Measurement['centroid'] = 'off';
  let centroidShift = 0;
  if (options.centroid ?? true) {
    const local = annulusSky(frame, x, y, inner, outer, options.sky);
    const found = refineCentroid(frame, x, y, {
      halfWidth: toPixels(options.centroidBox ?? 5),
      maxShift: toPixels(options.maxShift ?? 3),
      background: local.level,
      threshold: local.sigma,
    });
    cx = found.x;
    cy = found.y;
    centroid = found.status;
    centroidShift = found.shift;
  }

  const sky = annulusSky(frame, cx, cy, inner, outer, options.sky);
  const { sum, area } = apertureSum(frame, cx, cy, radius);
  const flux = sum - sky.level * area;
  const g = frame.gain;
  const modelPixelVariance = Math.max(sky.level, 0) * g + frame.readNoise ** 2;
  const measuredPixelVariance = (sky.sigma * g) ** 2;
  const pixelVariance = Math.max(modelPixelVariance, measuredPixelVariance);
  const variance = Math.max(flux, 0) * g + area * (1 + area / sky.count) * pixelVariance;
  const fluxError = Math.sqrt(variance) / g;

  if (!(flux > 0)) {
    throw new PhotometryError(
      'non-positive-flux',
      `flux at pixel (${fmt(cx + 1)}, ${fmt(cy + 1)}) (1-based) is ${fmt(flux)} ADU after subtracting sky ${fmt(sky.level)} ADU/px: nothing to measure`,
      { file: frame.file },
    );
  }
  return {
    x: cx,
    y: cy,
    predicted: { x, y },
    centroid,
    centroidShift,
    radius,
    annulus: [inner, outer],
    flux,
    fluxError,
    area,
    sky,
    magnitude: frame.zeroPoint - 2.5 * Math.log10(flux / frame.exptime),
    magnitudeError: (MAG_PER_RELATIVE_FLUX * fluxError) / flux,
    zeroPoint: frame.zeroPoint,
    snr: flux / fluxError,
  };
}

/** Within the image's pixel area (pixel centres 0..n-1 extend ±0.5); NaN is not. */
function onImage(frame: PhotometryFrame, x: number, y: number): boolean {
  return x >= -0.5 && x < frame.width - 0.5 && y >= -0.5 && y < frame.height - 0.5;
}

function pixelConverter(frame: PhotometryFrame, unit: 'arcsec' | 'pixel'): (v: number) => number {
  if (unit === 'pixel') return (v) => v;
  const scale = frame.pixelScale;
  if (scale === undefined || !(scale > 0)) {
    throw new PhotometryError('bad-input', 'radii are in arcsec but the frame has no pixel scale; pass unit: "pixel"', { file: frame.file });
  }
  return (v) => v / scale;
}

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 100) / 100) : String(v);
}
