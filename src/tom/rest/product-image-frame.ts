// What the FITS viewer asks of a data product's image, worked out on a viewer worker thread: its
// size and sky coordinates, the whole picture, a part of it at full resolution, and the values
// of a small window. The picture is the timelapse renderer's: zscale range of the whole image
// (the same for every part, so parts match the whole), gamma, and north up (FITS row 1 at the
// bottom). Coordinates here count from the picture's top-left corner, as it is drawn: picture
// pixel (x, y) is FITS pixel (x + 1, height - y).
import { celestialWcs, FitsError, readFirstImage, readFitsFile } from '../fits/index.ts';
import type { CelestialWcs } from '../fits/index.ts';
import { encodePng } from '../photometry/png.ts';
import { cropPlane } from '../timelapse/crop.ts';
import { gammaTable } from '../timelapse/gamma.ts';
import { fitWithin } from '../timelapse/geometry.ts';
import type { Plane } from '../timelapse/plane.ts';
import { renderGray8 } from '../timelapse/resample.ts';
import { zscale } from '../timelapse/zscale.ts';
import type { DisplayRange } from '../timelapse/zscale.ts';

/** The longest side of the whole picture; closer looks come from regions at full resolution. */
export const OVERVIEW_SIDE = 1024;

export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type ImageJob =
  | { kind: 'info'; path: string; stamp: string }
  | { kind: 'overview'; path: string; stamp: string }
  | { kind: 'region'; path: string; stamp: string; region: Region }
  | { kind: 'values'; path: string; stamp: string; region: Region };

export interface ImageInfo {
  width: number;
  height: number;
  z1: number;
  z2: number;
  /** Why RA and Dec cannot be given, or null when they can. */
  wcs_problem: string | null;
  header: Record<string, string | number | boolean | null>;
}

export interface ImageValues {
  region: Region;
  /** Row by row from the top-left; null for blank pixels. */
  values: Array<number | null>;
  /** Degrees at each pixel's centre, or null without a usable WCS. */
  ra: number[] | null;
  dec: number[] | null;
}

export type ImageOutcome =
  | { kind: 'info'; info: ImageInfo }
  | { kind: 'png'; png: Uint8Array }
  | { kind: 'values'; values: ImageValues }
  | { kind: 'unreadable'; detail: string }
  | { kind: 'outside'; width: number; height: number };

interface DecodedImage {
  plane: Plane;
  range: DisplayRange;
  wcs: CelestialWcs | null;
  info: ImageInfo;
}

/** Header keywords worth showing beside the picture. */
const SHOWN_KEYWORDS = ['OBJECT', 'DATE-OBS', 'FILTER', 'EXPTIME', 'INSTRUME', 'TELESCOP', 'SITEID', 'AIRMASS', 'BUNIT'];

// The image decoded last: panning, zooming and reading values ask for the same one again and again.
let kept: { path: string; stamp: string; image: DecodedImage } | null = null;

async function decoded(path: string, stamp: string): Promise<DecodedImage> {
  if (kept?.path === path && kept.stamp === stamp) return kept.image;
  kept = null;
  const fits = readFirstImage(await readFitsFile(path));
  const count = fits.width * fits.height;
  // A cube shows its first plane, as the timelapse does.
  const plane: Plane = { data: fits.data.length > count ? fits.data.subarray(0, count) : fits.data, width: fits.width, height: fits.height };
  const range = zscale(plane);
  let wcs: CelestialWcs | null = null;
  let problem: string | null = null;
  try {
    wcs = celestialWcs(fits.header);
  } catch (error) {
    if (!(error instanceof FitsError)) throw error;
    problem = error.detail;
  }
  const header: ImageInfo['header'] = {};
  for (const keyword of SHOWN_KEYWORDS) {
    const value = fits.header.get(keyword);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') header[keyword] = typeof value === 'string' ? value.trim() : value;
  }
  const image = { plane, range, wcs, info: { width: plane.width, height: plane.height, z1: range.z1, z2: range.z2, wcs_problem: problem, header } };
  kept = { path, stamp, image };
  return image;
}

function inside(region: Region, plane: Plane): boolean {
  return region.x + region.w <= plane.width && region.y + region.h <= plane.height;
}

/** The region in FITS file order (row 0 at the bottom). */
function fileBox(region: Region, plane: Plane) {
  return { x0: region.x, y0: plane.height - region.y - region.h, width: region.w, height: region.h };
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export async function imageJob(job: ImageJob): Promise<ImageOutcome> {
  let image: DecodedImage;
  try {
    image = await decoded(job.path, job.stamp);
  } catch (error) {
    if (error instanceof FitsError) return { kind: 'unreadable', detail: error.detail };
    throw error;
  }
  const { plane, range, wcs } = image;
  if (job.kind === 'info') return { kind: 'info', info: image.info };
  if (job.kind === 'overview') {
    const size = fitWithin(plane.width, plane.height, OVERVIEW_SIDE, false);
    return { kind: 'png', png: encodePng({ ...size, channels: 1, pixels: renderGray8(plane, range, size, gammaTable()) }) };
  }
  const { region } = job;
  if (!inside(region, plane)) return { kind: 'outside', width: plane.width, height: plane.height };
  if (job.kind === 'region') {
    const part = cropPlane(plane, fileBox(region, plane));
    return { kind: 'png', png: encodePng({ width: region.w, height: region.h, channels: 1, pixels: renderGray8(part, range, { width: region.w, height: region.h }, gammaTable()) }) };
  }
  const values: Array<number | null> = [];
  const ra: number[] = [];
  const dec: number[] = [];
  for (let y = region.y; y < region.y + region.h; y++) {
    const fileRow = plane.height - 1 - y;
    for (let x = region.x; x < region.x + region.w; x++) {
      const value = plane.data[fileRow * plane.width + x];
      values.push(Number.isFinite(value) ? value : null);
      if (wcs) {
        const sky = wcs.pixelToSky0(x, fileRow);
        ra.push(round(sky.ra, 7));
        dec.push(round(sky.dec, 7));
      }
    }
  }
  return { kind: 'values', values: { region, values, ra: wcs ? ra : null, dec: wcs ? dec : null } };
}
