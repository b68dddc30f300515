/**
 * Pixels of a tile-compressed image (FITS 4.0 section 10; what fpack writes
 * as .fits.fz): one table row per tile, the tile's bytes in the heap via the
 * COMPRESSED_DATA column (or GZIP_COMPRESSED_DATA / UNCOMPRESSED_DATA for
 * tiles the writer could not compress or quantize), decoded, dequantized or
 * scaled, and placed into the image.
 */
import {
  findColumn,
  NUMERIC_TYPES,
  parseBinTable,
  readHeapArray,
  readNumber,
  type BinTable,
  type BinTableColumn,
} from '../bintable.ts';
import { FitsError, hduError, type ErrorContext } from '../errors.ts';
import type { Header } from '../header.ts';
import { checkBitpix, readAxes } from '../layout.ts';
import { allocatePixels, type FitsImage, type ImageOptions, type PixelArray } from '../pixels.ts';
import type { Hdu } from '../read-fits.ts';
import { dequantize, type QuantizeMethod } from './dither.ts';
import { inflate } from './gzip.ts';
import {
  algorithmFromName,
  bigEndianValues,
  decodeTileBytes,
  type Algorithm,
  type TileFormat,
  type TileValues,
} from './tile-codecs.ts';
import { contiguousOffset, placeTile, tileBox, tileGrid } from './tiles.ts';

const METHODS: readonly QuantizeMethod[] = ['NO_DITHER', 'SUBTRACTIVE_DITHER_1', 'SUBTRACTIVE_DITHER_2'];

/** Everything about the HDU that is the same for all its tiles. */
interface Plan {
  table: BinTable;
  algorithm: Algorithm;
  bitpix: number;
  format: TileFormat;
  quantize: QuantizeMethod | undefined;
  dither0: number;
  columns: {
    compressed?: BinTableColumn;
    gzip?: BinTableColumn;
    uncompressed?: BinTableColumn;
    scale?: BinTableColumn;
    zero?: BinTableColumn;
    blank?: BinTableColumn;
  };
  /** ZSCALE/ZZERO/ZBLANK keywords, used when there is no such column. */
  zscale: number;
  zzero: number;
  zblank: number | undefined;
  /** BSCALE/BZERO/BLANK of the restored image header (integer and lossless images). */
  bscale: number;
  bzero: number;
  blank: number | undefined;
}

export function decodeCompressedImage(hdu: Hdu, options: ImageOptions = {}): FitsImage {
  const where: ErrorContext = { file: hdu.file, hdu: hdu.index };
  const stored = hdu.storedHeader;
  const naxes = readAxes(stored, where, 'ZNAXIS');
  const tile = naxes.map((n, i) => stored.getInt(`ZTILE${i + 1}`, i === 0 ? n : 1));
  tile.forEach((t, i) => {
    if (t < 1) throw hduError(where, `bad ZTILE${i + 1} ${t}`);
  });
  const grid = tileGrid(naxes, tile);
  const plan = makePlan(stored, hdu.header, hdu.data, where);
  if (naxes.length > 0 && grid.total !== plan.table.rows) {
    throw hduError(where, 'bad compressed image', `${grid.total} tiles but ${plan.table.rows} table rows`);
  }

  const total = naxes.length === 0 ? 0 : naxes.reduce((a, b) => a * b, 1);
  const maxTile = Math.min(tile.reduce((a, b) => a * b, 1), Math.max(total, 1));
  let image: PixelArray;
  let tileBuffer: PixelArray;
  let scratch: Int32Array;
  try {
    // The header alone sets these sizes, so a damaged one can ask for absurd amounts.
    image = allocatePixels(plan.bitpix, total, options.forceFloat64);
    tileBuffer = allocatePixels(plan.bitpix, maxTile, options.forceFloat64);
    scratch = new Int32Array(maxTile);
  } catch (error) {
    throw hduError(where, 'compressed image too large', `${naxes.join(' x ')} pixels`, error);
  }

  for (let t = 0; t < (total === 0 ? 0 : grid.total); t++) {
    const box = tileBox(grid, t);
    const direct = contiguousOffset(grid, box);
    const out = direct === undefined ? tileBuffer.subarray(0, box.pixels) : image.subarray(direct, direct + box.pixels);
    try {
      decodeTile(plan, t, out, scratch);
    } catch (error) {
      const reason = error instanceof FitsError ? error.detail : error instanceof Error ? error.message : String(error);
      throw hduError(where, `bad compressed tile ${t + 1}`, reason, error);
    }
    if (direct === undefined) placeTile(grid, box, out, image);
  }
  return { width: naxes[0] ?? 1, height: naxes[1] ?? 1, naxes, bitpix: plan.bitpix, data: image, header: hdu.header };
}

function makePlan(stored: Header, image: Header, data: Uint8Array, where: ErrorContext): Plan {
  const table = parseBinTable(stored, data, where);
  const bitpix = checkBitpix(stored.getInt('ZBITPIX'), where, 'ZBITPIX');
  const name = stored.getString('ZCMPTYPE', '');
  const algorithm = algorithmFromName(name);
  if (!algorithm) {
    throw hduError(where, `unsupported compression '${name.trim()}'`, 'supported: RICE_1, GZIP_1, GZIP_2, NOCOMPRESS');
  }
  const params = compressionParams(stored);
  const columns = {
    compressed: findColumn(table, 'COMPRESSED_DATA'),
    gzip: findColumn(table, 'GZIP_COMPRESSED_DATA'),
    uncompressed: findColumn(table, 'UNCOMPRESSED_DATA'),
    scale: findColumn(table, 'ZSCALE'),
    zero: findColumn(table, 'ZZERO'),
    blank: findColumn(table, 'ZBLANK'),
  };
  for (const column of [columns.compressed, columns.gzip, columns.uncompressed]) {
    if (column && column.type !== 'P' && column.type !== 'Q') {
      throw hduError(where, `column ${column.name} is not a variable-length array`, `TFORM type ${column.type}`);
    }
  }
  for (const column of [columns.scale, columns.zero, columns.blank]) {
    if (column && !NUMERIC_TYPES.has(column.type)) {
      throw hduError(where, `column ${column.name} is not numeric`, `TFORM type ${column.type}`);
    }
  }
  if (!columns.compressed && !columns.gzip && !columns.uncompressed) {
    throw hduError(where, 'bad compressed image', 'no COMPRESSED_DATA column');
  }

  const quantizeName = stored.getString('ZQUANTIZ', '').trim().toUpperCase();
  const hasScale = columns.scale !== undefined || stored.has('ZSCALE');
  let quantize: QuantizeMethod | undefined;
  if (bitpix < 0 && quantizeName !== 'NONE' && hasScale) {
    // No ZQUANTIZ means NO_DITHER (FITS 4.0 10.2).
    quantize = quantizeName === '' ? 'NO_DITHER' : METHODS.find((m) => m === quantizeName);
    if (!quantize) throw hduError(where, `unsupported ZQUANTIZ '${quantizeName}'`);
  }
  const format: TileFormat = {
    kind: bitpix > 0 || quantize ? 'int' : 'float',
    floatBytes: bitpix === -64 ? 8 : 4,
    blockSize: params.get('BLOCKSIZE') ?? 32,
    bytePix: params.get('BYTEPIX') ?? 4,
  };
  return {
    table,
    algorithm,
    bitpix,
    format,
    quantize,
    dither0: stored.getInt('ZDITHER0', 1),
    columns,
    zscale: stored.getNumber('ZSCALE', 1),
    zzero: stored.getNumber('ZZERO', 0),
    zblank: stored.getInt('ZBLANK'),
    bscale: image.getNumber('BSCALE', 1),
    bzero: image.getNumber('BZERO', 0),
    blank: bitpix > 0 ? image.getInt('BLANK') : undefined,
  };
}

/** ZNAMEi/ZVALi pairs (BLOCKSIZE, BYTEPIX for RICE_1). */
function compressionParams(header: Header): Map<string, number> {
  const params = new Map<string, number>();
  for (let i = 1; header.has(`ZNAME${i}`); i++) {
    const value = header.get(`ZVAL${i}`);
    if (typeof value === 'number') params.set(header.getString(`ZNAME${i}`, '').trim().toUpperCase(), value);
  }
  return params;
}

function decodeTile(plan: Plan, row: number, out: PixelArray, scratch: Int32Array): void {
  const { table, columns } = plan;
  const count = out.length;
  const compressed = columns.compressed ? readHeapArray(table, columns.compressed, row) : undefined;
  if (compressed && compressed.bytes.length > 0) {
    const decoded = decodeTileBytes(plan.algorithm, compressed.bytes, count, plan.format, scratch);
    if (plan.quantize) {
      if (!('ints' in decoded)) throw new FitsError('quantized tile does not hold 32-bit integers');
      dequantize(decoded.ints, out, {
        method: plan.quantize,
        scale: columns.scale ? readNumber(table, columns.scale, row) : plan.zscale,
        zero: columns.zero ? readNumber(table, columns.zero, row) : plan.zzero,
        blank: columns.blank ? readNumber(table, columns.blank, row) : plan.zblank,
        tile: row + 1,
        dither0: plan.dither0,
      });
    } else {
      const blank = plan.bitpix > 0 ? (columns.blank ? readNumber(table, columns.blank, row) : (plan.zblank ?? plan.blank)) : undefined;
      store(decoded, out, plan.bscale, plan.bzero, blank);
    }
    return;
  }
  // Tiles stored without quantization hold the image's own values.
  const blank = plan.bitpix > 0 ? (plan.zblank ?? plan.blank) : undefined;
  const gzip = columns.gzip ? readHeapArray(table, columns.gzip, row) : undefined;
  if (gzip && gzip.bytes.length > 0) {
    const bytes = inflate(gzip.bytes);
    const format: TileFormat = { ...plan.format, kind: plan.bitpix > 0 ? 'int' : 'float' };
    store(bigEndianValues(bytes, bytes.length / count, count, format, scratch), out, plan.bscale, plan.bzero, blank);
    return;
  }
  const raw = columns.uncompressed ? readHeapArray(table, columns.uncompressed, row) : undefined;
  if (raw && raw.bytes.length > 0) {
    const type = columns.uncompressed?.heapType ?? 'B';
    const format: TileFormat = { ...plan.format, kind: type === 'E' || type === 'D' ? 'float' : 'int', floatBytes: type === 'D' ? 8 : 4 };
    store(bigEndianValues(raw.bytes, raw.bytes.length / count, count, format, scratch), out, plan.bscale, plan.bzero, blank);
    return;
  }
  // An empty tile: CFITSIO treats it as all nulls.
  out.fill(Number.NaN);
}

/** Physical values: null -> NaN, else v * scale + zero. */
function store(decoded: TileValues, out: PixelArray, scale: number, zero: number, blank: number | undefined): void {
  const src = 'ints' in decoded ? decoded.ints : decoded.values;
  if (src.length !== out.length) throw new FitsError(`tile holds ${src.length} values, expected ${out.length}`);
  const nul = blank ?? Number.NaN;
  const n = out.length;
  if (scale === 1 && zero === 0) {
    for (let i = 0; i < n; i++) {
      const v = src[i];
      out[i] = v === nul ? Number.NaN : v;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = src[i];
      out[i] = v === nul ? Number.NaN : v * scale + zero;
    }
  }
}
