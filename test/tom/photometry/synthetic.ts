/**
 * In-memory test images for photometry: Gaussian stars on a sky level with
 * optional seeded noise, as a PhotometryFrame directly or as the bytes of a
 * FITS file (so header handling runs through the real reader).
 */
import { celestialWcs, readFirstImage, readFits } from '../../../src/tom/fits/index.ts';
import { frameFromImage, type PhotometryFrame } from '../../../src/tom/photometry/index.ts';

export interface Star {
  /** 0-based pixel centre. */
  x: number;
  y: number;
  /** Total flux, ADU. */
  flux: number;
  /** Gaussian sigma, pixels (default 1.3). */
  sigma?: number;
}

export interface SceneOptions {
  width?: number;
  height?: number;
  sky?: number;
  stars?: Star[];
  /** Adds Gaussian noise: Poisson-like (variance = value / gain) plus read noise. */
  noise?: { gain: number; readNoise: number; seed: number };
}

/** Deterministic uniform [0, 1) generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededGaussian(seed: number): () => number {
  const uniform = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** Pixel values (index = x + width * y) of the scene; stars integrated over each pixel. */
export function renderScene(options: SceneOptions = {}): Float64Array {
  const width = options.width ?? 64;
  const height = options.height ?? 64;
  const data = new Float64Array(width * height).fill(options.sky ?? 100);
  for (const star of options.stars ?? []) {
    const s = star.sigma ?? 1.3;
    const fx = pixelIntegrals(width, star.x, s);
    const fy = pixelIntegrals(height, star.y, s);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[x + width * y] += star.flux * fx[x] * fy[y];
  }
  if (options.noise) {
    const { gain, readNoise, seed } = options.noise;
    const gauss = seededGaussian(seed);
    for (let i = 0; i < data.length; i++) {
      const sigma = Math.sqrt(Math.max(data[i], 0) / gain + (readNoise / gain) ** 2);
      data[i] += sigma * gauss();
    }
  }
  return data;
}

/** Fraction of a unit 1-D Gaussian centred at c falling in each pixel [i - 0.5, i + 0.5]. */
function pixelIntegrals(n: number, c: number, sigma: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = 0.5 * (erf((i + 0.5 - c) / (sigma * Math.SQRT2)) - erf((i - 0.5 - c) / (sigma * Math.SQRT2)));
  return out;
}

/** erf to ~1e-13 (series near 0, continued fraction via erfc beyond). */
function erf(x: number): number {
  const ax = Math.abs(x);
  if (ax < 2.5) {
    // Maclaurin series: erf x = 2/√π Σ (-1)^n x^(2n+1) / (n! (2n+1)).
    let term = ax;
    let sum = ax;
    for (let n = 1; n < 80; n++) {
      term *= (-ax * ax) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17) break;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc via Lentz continued fraction for large |x|.
  let f = ax;
  let c = ax;
  let d = 0;
  for (let k = 1; k < 200; k++) {
    const a = k / 2;
    d = ax + a * d;
    d = 1 / d;
    c = ax + a / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  return Math.sign(x) * (1 - erfc);
}

type CardValue = string | number | boolean;

/** A minimal single-HDU FITS file: the given header cards and float32 pixels. */
export function fitsFile(width: number, height: number, pixels: ArrayLike<number>, cards: Record<string, CardValue>): Buffer {
  const lines = [card('SIMPLE', true), card('BITPIX', -32), card('NAXIS', 2), card('NAXIS1', width), card('NAXIS2', height)];
  for (const [key, value] of Object.entries(cards)) lines.push(card(key, value));
  lines.push('END'.padEnd(80));
  const headerText = lines.join('');
  const headerBytes = Buffer.alloc(Math.ceil(headerText.length / 2880) * 2880, ' ');
  headerBytes.write(headerText, 'latin1');
  const data = Buffer.alloc(Math.ceil((width * height * 4) / 2880) * 2880);
  for (let i = 0; i < width * height; i++) data.writeFloatBE(pixels[i], i * 4);
  return Buffer.concat([headerBytes, data]);
}

function card(key: string, value: CardValue): string {
  let text: string;
  if (typeof value === 'string') text = `'${value.replace(/'/g, "''").padEnd(8)}'`.padEnd(20);
  else if (typeof value === 'boolean') text = (value ? 'T' : 'F').padStart(20);
  else text = (Number.isInteger(value) ? String(value) : value.toExponential(12).toUpperCase()).padStart(20);
  return `${key.padEnd(8)}= ${text}`.padEnd(80);
}

/** TAN WCS cards: `scale` arcsec/pixel, north up, east left, CRVAL at the 1-based CRPIX. */
export function tanWcsCards(ra: number, dec: number, crpix: [number, number], scale = 1): Record<string, CardValue> {
  return {
    CTYPE1: 'RA---TAN',
    CTYPE2: 'DEC--TAN',
    CRVAL1: ra,
    CRVAL2: dec,
    CRPIX1: crpix[0],
    CRPIX2: crpix[1],
    CD1_1: -scale / 3600,
    CD1_2: 0,
    CD2_1: 0,
    CD2_2: scale / 3600,
  };
}

/** A frame through the real FITS reader, from header cards and pixels. */
export function frameFromCards(width: number, height: number, pixels: ArrayLike<number>, cards: Record<string, CardValue>, name = 'synthetic.fits'): PhotometryFrame {
  return frameFromImage(readFirstImage(readFits(fitsFile(width, height, pixels, cards), { name })), name);
}

/** A frame built directly in memory (no FITS), with a TAN WCS centred on (ra, dec) at pixel (cx, cy) 0-based. */
export function memoryFrame(
  data: ArrayLike<number>,
  width: number,
  height: number,
  extra: Partial<PhotometryFrame> & { ra?: number; dec?: number; centre?: [number, number] } = {},
): PhotometryFrame {
  const { ra = 250.4235, dec = 36.4613, centre = [width / 2, height / 2], ...rest } = extra;
  const header = readFits(fitsFile(1, 1, [0], tanWcsCards(ra, dec, [centre[0] + 1, centre[1] + 1]))).hdus[0].header;
  return {
    width,
    height,
    data,
    wcs: celestialWcs(header),
    pixelScale: 1,
    exptime: 60,
    gain: 2,
    readNoise: 5,
    zeroPoint: 25,
    zeroPointSource: 'given',
    ...rest,
  };
}
