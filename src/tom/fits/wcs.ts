/**
 * Celestial WCS for the TAN (gnomonic) projection, the one plate solvers
 * write for telescope images (WCS papers I and II).
 *
 * Pixel coordinates follow FITS: the centre of the first pixel is (1, 1)
 * (pixelToSky/skyToPixel). The *0 variants use 0-based coordinates, the
 * centre of the first pixel being (0, 0), which matches array indices
 * x = index % width, y = floor(index / width).
 *
 * Linear part, in order of preference: PCi_j with CDELTi; CDi_j; CDELTi
 * with CROTA2 (the latitude axis' CROTA); CDELTi alone. SIP or other
 * distortions are refused rather than silently ignored.
 */
import { FitsError } from './errors.ts';
import type { Header } from './header.ts';
import { skyToTan, tanToSky, type CelestialPole } from './tan-projection.ts';

export interface SkyPosition {
  /** Right ascension, degrees in [0, 360). */
  ra: number;
  /** Declination, degrees. */
  dec: number;
}

export interface PixelPosition {
  x: number;
  y: number;
}

export interface CelestialWcs {
  /** Index (0 or 1) of the pixel axis whose CTYPE is RA---TAN; the other is DEC--TAN. */
  raAxis: 0 | 1;
  crpix: [number, number];
  /** CRVAL of axes 1 and 2 (degrees). */
  crval: [number, number];
  /** Pixel offset -> intermediate world coordinate matrix (degrees/pixel), row i for axis i+1. */
  cd: [[number, number], [number, number]];
  lonpole: number;
  /** 1-based FITS pixel coordinates -> sky. */
  pixelToSky(x: number, y: number): SkyPosition;
  /** Sky -> 1-based FITS pixel coordinates (NaN for points 90 degrees or more from CRVAL). */
  skyToPixel(ra: number, dec: number): PixelPosition;
  /** 0-based pixel coordinates -> sky. */
  pixelToSky0(x: number, y: number): SkyPosition;
  /** Sky -> 0-based pixel coordinates. */
  skyToPixel0(ra: number, dec: number): PixelPosition;
}

export interface WcsOptions {
  /** Alternate WCS letter (A-Z); '' (default) for the primary description. */
  alt?: string;
  /** File name for error messages. */
  file?: string;
}

export function celestialWcs(header: Header, options: WcsOptions = {}): CelestialWcs {
  const alt = (options.alt ?? '').toUpperCase();
  const fail = (why: string) => new FitsError(`no usable celestial TAN WCS: ${why}`, { file: options.file });
  const key = (name: string) => `${name}${alt}`;

  const ctype1 = (header.getString(key('CTYPE1')) ?? '').trim().toUpperCase();
  const ctype2 = (header.getString(key('CTYPE2')) ?? '').trim().toUpperCase();
  const raFound = ctype1.startsWith('RA--') ? 0 : ctype2.startsWith('RA--') ? 1 : -1;
  const decType = raFound === 0 ? ctype2 : ctype1;
  if (raFound < 0 || !decType.startsWith('DEC-')) {
    throw fail(`CTYPE1/CTYPE2 are '${ctype1}'/'${ctype2}', expected RA---TAN and DEC--TAN`);
  }
  const raAxis: 0 | 1 = raFound === 0 ? 0 : 1;
  for (const ctype of [ctype1, ctype2]) {
    const projection = ctype.slice(4);
    if (projection.startsWith('-TAN-')) throw fail(`distortion ${ctype} is not supported`);
    if (projection !== '-TAN') throw fail(`projection of ${ctype} is not TAN`);
  }
  if (header.has('A_ORDER') || header.has('B_ORDER')) throw fail('SIP distortion keywords are present');

  const num = (name: string, fallback: number) => {
    try {
      return header.getNumber(key(name), fallback);
    } catch {
      throw fail(`${key(name)} is not a number`);
    }
  };
  const need = (name: string) => {
    const value = num(name, Number.NaN);
    if (!Number.isFinite(value)) throw fail(`${key(name)} is missing`);
    return value;
  };
  const crpix: [number, number] = [need('CRPIX1'), need('CRPIX2')];
  const crval: [number, number] = [need('CRVAL1'), need('CRVAL2')];
  const cd = linearMatrix(header, key, num, raAxis);
  const det = cd[0][0] * cd[1][1] - cd[0][1] * cd[1][0];
  if (!Number.isFinite(det) || det === 0) throw fail('the CD/PC matrix is singular');

  const alphaP = crval[raAxis];
  const deltaP = crval[1 - raAxis];
  // Default LONPOLE for zenithal projections (paper II section 2.4).
  const lonpole = num('LONPOLE', deltaP >= 90 ? 0 : 180);
  const pole: CelestialPole = { alphaP, deltaP, phiP: lonpole };

  const pixelToSky = (x: number, y: number): SkyPosition => {
    const p1 = x - crpix[0];
    const p2 = y - crpix[1];
    const w1 = cd[0][0] * p1 + cd[0][1] * p2;
    const w2 = cd[1][0] * p1 + cd[1][1] * p2;
    const { lng, lat } = raAxis === 0 ? tanToSky(w1, w2, pole) : tanToSky(w2, w1, pole);
    return { ra: lng, dec: lat };
  };
  const skyToPixel = (ra: number, dec: number): PixelPosition => {
    const { x, y } = skyToTan(ra, dec, pole);
    const w1 = raAxis === 0 ? x : y;
    const w2 = raAxis === 0 ? y : x;
    return {
      x: (cd[1][1] * w1 - cd[0][1] * w2) / det + crpix[0],
      y: (-cd[1][0] * w1 + cd[0][0] * w2) / det + crpix[1],
    };
  };
  return {
    raAxis,
    crpix,
    crval,
    cd,
    lonpole,
    pixelToSky,
    skyToPixel,
    pixelToSky0: (x, y) => pixelToSky(x + 1, y + 1),
    skyToPixel0: (ra, dec) => {
      const p = skyToPixel(ra, dec);
      return { x: p.x - 1, y: p.y - 1 };
    },
  };
}

type Matrix = [[number, number], [number, number]];

function linearMatrix(
  header: Header,
  key: (name: string) => string,
  num: (name: string, fallback: number) => number,
  raAxis: number,
): Matrix {
  const has = (name: string) => header.has(key(name));
  const pcNames = ['PC1_1', 'PC1_2', 'PC2_1', 'PC2_2'];
  const cdNames = ['CD1_1', 'CD1_2', 'CD2_1', 'CD2_2'];
  const cdelt = [num('CDELT1', 1), num('CDELT2', 1)];

  // PCi_j wins over CDi_j if a header has both (as in wcslib).
  if (pcNames.some(has) || !cdNames.some(has)) {
    const pc: number[][] = [
      [num('PC1_1', 1), num('PC1_2', 0)],
      [num('PC2_1', 0), num('PC2_2', 1)],
    ];
    const latAxis = 1 - raAxis;
    const rotation = pcNames.some(has) ? undefined : crota(header, key, latAxis);
    if (rotation !== undefined) {
      // CROTA (paper II eq. 189 in PC form), with lng/lat possibly swapped.
      const rho = (rotation * Math.PI) / 180;
      const lambda = cdelt[latAxis] / cdelt[raAxis];
      pc[raAxis][raAxis] = Math.cos(rho);
      pc[raAxis][latAxis] = -lambda * Math.sin(rho);
      pc[latAxis][raAxis] = Math.sin(rho) / lambda;
      pc[latAxis][latAxis] = Math.cos(rho);
    }
    return [
      [cdelt[0] * pc[0][0], cdelt[0] * pc[0][1]],
      [cdelt[1] * pc[1][0], cdelt[1] * pc[1][1]],
    ];
  }
  return [
    [num('CD1_1', 0), num('CD1_2', 0)],
    [num('CD2_1', 0), num('CD2_2', 0)],
  ];
}

/** CROTA of the latitude axis, else of the other axis (some writers put CROTA1). */
function crota(header: Header, key: (name: string) => string, latAxis: number): number | undefined {
  const own = header.get(key(`CROTA${latAxis + 1}`));
  if (typeof own === 'number') return own;
  const other = header.get(key(`CROTA${2 - latAxis}`));
  return typeof other === 'number' ? other : undefined;
}
