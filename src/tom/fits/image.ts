/**
 * Pixels of an uncompressed image HDU: big-endian integers or IEEE floats
 * (FITS 4.0 section 5), turned into physical values with BSCALE/BZERO, and
 * BLANK integers turned into NaN.
 */
import { hduError, type ErrorContext } from './errors.ts';
import { checkBitpix, readAxes } from './layout.ts';
import { allocatePixels, type FitsImage, type ImageOptions, type PixelArray } from './pixels.ts';
import type { Hdu } from './read-fits.ts';

export function decodePlainImage(hdu: Hdu, options: ImageOptions = {}): FitsImage {
  const where: ErrorContext = { file: hdu.file, hdu: hdu.index };
  const header = hdu.header;
  const bitpix = checkBitpix(header.getInt('BITPIX'), where);
  const naxes = readAxes(header, where);
  const count = naxes.length === 0 ? 0 : naxes.reduce((a, b) => a * b, 1);
  const bytes = count * (Math.abs(bitpix) / 8);
  if (hdu.data.length < bytes) {
    throw hduError(where, 'truncated data', `expected ${bytes} bytes, found ${hdu.data.length}`);
  }
  const scale = header.getNumber('BSCALE', 1);
  const zero = header.getNumber('BZERO', 0);
  const out = allocatePixels(bitpix, count, options.forceFloat64);
  const view = new DataView(hdu.data.buffer, hdu.data.byteOffset, bytes);

  if (bitpix === 64) {
    decodeInt64(view, out, scale, zero, header.getBigInt('BLANK'));
  } else if (bitpix === -32 || bitpix === -64) {
    decodeFloat(view, bitpix, out, scale, zero);
  } else {
    decodeInteger(view, bitpix, out, scale, zero, header.getInt('BLANK'));
  }
  return {
    width: naxes[0] ?? 1,
    height: naxes[1] ?? 1,
    naxes,
    bitpix,
    data: out,
    header,
  };
}

function decodeInteger(
  view: DataView,
  bitpix: 8 | 16 | 32,
  out: PixelArray,
  scale: number,
  zero: number,
  blank: number | undefined,
): void {
  const n = out.length;
  // A BLANK outside the type's range can never match; NaN never equals anything.
  const nul = blank ?? Number.NaN;
  const read =
    bitpix === 8 ? (i: number) => view.getUint8(i) : bitpix === 16 ? (i: number) => view.getInt16(i) : (i: number) => view.getInt32(i);
  const step = bitpix / 8;
  if (scale === 1 && zero === 0) {
    for (let i = 0, p = 0; i < n; i++, p += step) {
      const v = read(p);
      out[i] = v === nul ? Number.NaN : v;
    }
  } else {
    for (let i = 0, p = 0; i < n; i++, p += step) {
      const v = read(p);
      out[i] = v === nul ? Number.NaN : v * scale + zero;
    }
  }
}

/** 64-bit integers as hi * 2^32 + lo: one rounding, so exact below 2^53 and nearest above. */
function decodeInt64(view: DataView, out: PixelArray, scale: number, zero: number, blank: bigint | undefined): void {
  const n = out.length;
  const blankHi = blank === undefined ? Number.NaN : Number(BigInt.asIntN(32, blank >> 32n));
  const blankLo = blank === undefined ? Number.NaN : Number(BigInt.asUintN(32, blank));
  for (let i = 0, p = 0; i < n; i++, p += 8) {
    const hi = view.getInt32(p);
    const lo = view.getUint32(p + 4);
    out[i] = hi === blankHi && lo === blankLo ? Number.NaN : (hi * 4294967296 + lo) * scale + zero;
  }
}

function decodeFloat(view: DataView, bitpix: -32 | -64, out: PixelArray, scale: number, zero: number): void {
  const n = out.length;
  const scaled = scale !== 1 || zero !== 0;
  if (bitpix === -32) {
    for (let i = 0, p = 0; i < n; i++, p += 4) {
      const v = view.getFloat32(p);
      out[i] = scaled ? v * scale + zero : v;
    }
  } else {
    for (let i = 0, p = 0; i < n; i++, p += 8) {
      const v = view.getFloat64(p);
      out[i] = scaled ? v * scale + zero : v;
    }
  }
}
