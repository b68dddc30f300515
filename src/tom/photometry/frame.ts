/**
 * A photometry frame: the pixels of one image plus the few numbers aperture
 * photometry needs (WCS, exposure time, gain, read noise, zero point, time).
 *
 * Frames come from FITS files (loadFrame, frameFromImage) or are built in
 * memory (tests, other tools) by filling in the interface directly.
 */
import { celestialWcs, FitsError, readFirstImage, readFitsFile, type FitsImage, type Header } from '../fits/index.ts';
import { PhotometryError } from './errors.ts';
import { parseDateObs, timeFromMjd, type ObservationTime } from './time.ts';

/**
 * Zero point used when a frame has no ZP keyword: magnitudes are then
 * 25 - 2.5 log10(ADU/s), the convention of IRAF's phot (zmag = 25), which
 * keeps instrumental magnitudes positive and in a familiar range. Only
 * differences between frames of one instrument mean anything then.
 */
export const DEFAULT_ZERO_POINT = 25;
/** e-/ADU when GAIN is absent: counts are then treated as electrons. */
export const DEFAULT_GAIN = 1;
/** Electrons when RDNOISE is absent. */
export const DEFAULT_READ_NOISE = 0;

/** The one WCS operation photometry needs; CelestialWcs from src/tom/fits has it. */
export interface SkyToPixel {
  /** Sky (degrees) to 0-based pixel coordinates: the centre of the first pixel is (0, 0). */
  skyToPixel0(ra: number, dec: number): { x: number; y: number };
}

export interface PhotometryFrame {
  width: number;
  height: number;
  /** Pixel values, index = x + width * y with 0-based x, y (FITS file order, row 0 at the bottom). */
  data: ArrayLike<number>;
  /** Null when the frame has no usable WCS; `wcsProblem` then says why. */
  wcs: SkyToPixel | null;
  wcsProblem?: string;
  /** Arcseconds per pixel, for radii given in arcsec; from the WCS when built from FITS. */
  pixelScale?: number;
  /** Seconds; must be positive. */
  exptime: number;
  /** e-/ADU. */
  gain: number;
  /** Electrons. */
  readNoise: number;
  /** Magnitude of 1 ADU/s. */
  zeroPoint: number;
  zeroPointSource: 'header' | 'default' | 'given';
  /** Observation start (DATE-OBS, else MJD-OBS); undefined if the header has neither. */
  time?: ObservationTime;
  filter?: string;
  /** Path or name, for messages. */
  file?: string;
}

/** Reads a FITS file (plain or .fits.fz) and makes a frame of its first image. */
export async function loadFrame(path: string): Promise<PhotometryFrame> {
  let image: FitsImage;
  try {
    image = readFirstImage(await readFitsFile(path));
  } catch (error) {
    if (error instanceof FitsError) {
      throw new PhotometryError('unreadable', error.detail, { file: path, cause: error });
    }
    throw error;
  }
  return frameFromImage(image, path);
}

/**
 * Makes a frame from a decoded FITS image, reading EXPTIME (required),
 * GAIN, RDNOISE, ZP, DATE-OBS / MJD-OBS and FILTER from its header. A
 * missing or unusable WCS is recorded (wcs = null), not thrown: the frame
 * can still be measured at pixel positions.
 */
export function frameFromImage(image: FitsImage, file?: string): PhotometryFrame {
  if (image.naxes.length < 2 || image.naxes.slice(2).some((n) => n !== 1)) {
    throw new PhotometryError('bad-input', `image is not two-dimensional (NAXIS = ${image.naxes.length})`, { file });
  }
  const header = image.header;
  const number = (key: string) => headerNumber(header, key, file);

  const exptime = number('EXPTIME');
  if (exptime === undefined || !(exptime > 0)) {
    throw new PhotometryError('bad-header', `EXPTIME is ${exptime === undefined ? 'missing' : `not positive (${exptime})`}`, { file });
  }
  const gain = number('GAIN');
  if (gain !== undefined && !(gain > 0)) throw new PhotometryError('bad-header', `GAIN is not positive (${gain})`, { file });
  const readNoise = number('RDNOISE');
  const zp = number('ZP');

  let wcs: PhotometryFrame['wcs'] = null;
  let wcsProblem: string | undefined;
  let pixelScale: number | undefined;
  try {
    const celestial = celestialWcs(header, { file });
    wcs = celestial;
    const [[a, b], [c, d]] = celestial.cd;
    // Geometric mean of the two axes' scales: area per pixel is |det CD| deg^2.
    pixelScale = Math.sqrt(Math.abs(a * d - b * c)) * 3600;
  } catch (error) {
    if (!(error instanceof FitsError)) throw error;
    wcsProblem = error.detail;
  }

  return {
    width: image.width,
    height: image.height,
    data: image.data,
    wcs,
    wcsProblem,
    pixelScale,
    exptime,
    gain: gain ?? DEFAULT_GAIN,
    readNoise: readNoise !== undefined && readNoise >= 0 ? readNoise : DEFAULT_READ_NOISE,
    zeroPoint: zp ?? DEFAULT_ZERO_POINT,
    zeroPointSource: zp === undefined ? 'default' : 'header',
    time: observationTime(header, file),
    filter: headerString(header, 'FILTER'),
    file,
  };
}

/**
 * DATE-OBS if present and parseable; else MJD-OBS. A DATE-OBS that is
 * present but unreadable is an error rather than silently replaced.
 */
function observationTime(header: Header, file?: string): ObservationTime | undefined {
  const dateObs = headerString(header, 'DATE-OBS');
  if (dateObs !== undefined) {
    const parsed = parseDateObs(dateObs);
    if (!parsed) throw new PhotometryError('bad-header', `DATE-OBS '${dateObs}' is not an ISO-8601 date`, { file });
    return parsed;
  }
  const mjd = headerNumber(header, 'MJD-OBS', file);
  return mjd === undefined ? undefined : timeFromMjd(mjd);
}

function headerNumber(header: Header, key: string, file?: string): number | undefined {
  const value = header.get(key);
  if (value === undefined || value === null) return undefined;
  // Some writers quote numbers ('60.0'); accept those too.
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) throw new PhotometryError('bad-header', `${key} is not a number`, { file });
  return n;
}

function headerString(header: Header, key: string): string | undefined {
  const value = header.get(key);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}
