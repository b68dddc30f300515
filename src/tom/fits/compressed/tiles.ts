/**
 * Tile geometry of a compressed image (FITS 4.0 section 10.1): the image is
 * cut into ZTILE1 x ZTILE2 x ... tiles, the last tile along an axis may be
 * smaller, tiles are stored one per table row with axis 1 varying fastest,
 * and pixels inside a tile are in the image's own order.
 */
import type { PixelArray } from '../pixels.ts';

export interface TileGrid {
  naxes: number[];
  tile: number[];
  /** Number of tiles along each axis. */
  counts: number[];
  total: number;
}

export function tileGrid(naxes: number[], tile: number[]): TileGrid {
  const counts = naxes.map((n, i) => Math.ceil(n / tile[i]));
  return { naxes, tile, counts, total: counts.reduce((a, b) => a * b, 1) };
}

export interface TileBox {
  /** First pixel of the tile along each axis (0-based). */
  start: number[];
  /** Tile extent along each axis (edge tiles may be short). */
  size: number[];
  pixels: number;
}

export function tileBox(grid: TileGrid, index: number): TileBox {
  const start: number[] = [];
  const size: number[] = [];
  let rest = index;
  for (let axis = 0; axis < grid.naxes.length; axis++) {
    const k = rest % grid.counts[axis];
    rest = Math.floor(rest / grid.counts[axis]);
    start.push(k * grid.tile[axis]);
    size.push(Math.min(grid.tile[axis], grid.naxes[axis] - k * grid.tile[axis]));
  }
  return { start, size, pixels: size.reduce((a, b) => a * b, 1) };
}

/**
 * Where the tile starts in the image if its pixels form one contiguous run
 * there (row-by-row tiles, the fpack default, always do), else undefined.
 * Such tiles are decoded straight into the image with no copy.
 */
export function contiguousOffset(grid: TileGrid, box: TileBox): number | undefined {
  let last = 0;
  for (let a = 0; a < box.size.length; a++) if (box.size[a] > 1) last = a;
  let offset = 0;
  let stride = 1;
  for (let a = 0; a < grid.naxes.length; a++) {
    if (a < last && box.size[a] !== grid.naxes[a]) return undefined;
    offset += box.start[a] * stride;
    stride *= grid.naxes[a];
  }
  return offset;
}

/** Copies a decoded tile into the image, one axis-1 run at a time. */
export function placeTile(grid: TileGrid, box: TileBox, tile: PixelArray, image: PixelArray): void {
  const { naxes } = grid;
  const run = box.size[0];
  if (box.pixels === 0) return;
  // Strides of the image along each axis.
  const stride: number[] = [1];
  for (let a = 1; a < naxes.length; a++) stride.push(stride[a - 1] * naxes[a - 1]);
  // Odometer over the tile's axes 2..n.
  const pos = new Array<number>(naxes.length).fill(0);
  for (let src = 0; src < box.pixels; src += run) {
    let dst = 0;
    for (let a = 0; a < naxes.length; a++) dst += (box.start[a] + pos[a]) * stride[a];
    image.set(tile.subarray(src, src + run), dst);
    for (let a = 1; a < naxes.length; a++) {
      if (++pos[a] < box.size[a]) break;
      pos[a] = 0;
    }
  }
}
