/**
 * A minimal FITS writer for tests: one 2-D image, in the primary HDU or (like fpack output)
 * in an IMAGE extension behind an empty primary, BITPIX -32 or 16, with any extra header
 * cards (DATE-OBS...). Pixels are given in FITS order: index x + width * y, row 0 = bottom.
 */
import { writeFile } from 'node:fs/promises';

export type CardValue = string | number | boolean;

export interface FitsImageSpec {
  width: number;
  height: number;
  /** Pixel values (length width * height) or a function of (x, y); default all 0. */
  pixels?: ArrayLike<number> | ((x: number, y: number) => number);
  /** -32 (float32, default) or 16 (int16, values rounded and clamped). */
  bitpix?: -32 | 16;
  /** Extra cards after the mandatory ones, in order, e.g. { 'DATE-OBS': '2019-01-02T03:04:00' }. */
  header?: Record<string, CardValue>;
  /** Put the image in an IMAGE extension; `header` then goes to the extension, `primaryHeader` to the primary. */
  extension?: boolean;
  primaryHeader?: Record<string, CardValue>;
}

const BLOCK = 2880;

export function fitsBytes(spec: FitsImageSpec): Buffer {
  if (!spec.extension) {
    const bitpix = spec.bitpix ?? -32;
    const image: Record<string, CardValue> = { BITPIX: bitpix, NAXIS: 2, NAXIS1: spec.width, NAXIS2: spec.height };
    return Buffer.concat([headerBlock({ SIMPLE: true, ...image, ...spec.header }), imageData(spec, bitpix)]);
  }
  const primary = headerBlock({ SIMPLE: true, BITPIX: 8, NAXIS: 0, EXTEND: true, ...spec.primaryHeader });
  return Buffer.concat([primary, imageExtensionBytes(spec)]);
}

/** One IMAGE extension HDU (header and data), to append to a file that already has its primary HDU. */
export function imageExtensionBytes(spec: Omit<FitsImageSpec, 'extension' | 'primaryHeader'>): Buffer {
  const bitpix = spec.bitpix ?? -32;
  const image: Record<string, CardValue> = { BITPIX: bitpix, NAXIS: 2, NAXIS1: spec.width, NAXIS2: spec.height };
  const ext = headerBlock({ XTENSION: 'IMAGE', ...image, PCOUNT: 0, GCOUNT: 1, ...spec.header });
  return Buffer.concat([ext, imageData(spec, bitpix)]);
}

export async function writeFits(file: string, spec: FitsImageSpec): Promise<void> {
  await writeFile(file, fitsBytes(spec));
}

function imageData(spec: FitsImageSpec, bitpix: -32 | 16): Buffer {
  const count = spec.width * spec.height;
  const bytes = bitpix === -32 ? 4 : 2;
  const out = Buffer.alloc(Math.ceil((count * bytes) / BLOCK) * BLOCK);
  const { pixels } = spec;
  for (let i = 0; i < count; i++) {
    const x = i % spec.width;
    const y = Math.floor(i / spec.width);
    const v = pixels === undefined ? 0 : typeof pixels === 'function' ? pixels(x, y) : pixels[i];
    if (bitpix === -32) out.writeFloatBE(v, i * 4);
    else out.writeInt16BE(Math.max(-32768, Math.min(32767, Math.round(v))), i * 2);
  }
  return out;
}

function headerBlock(cards: Record<string, CardValue>): Buffer {
  const lines = Object.entries(cards).map(([key, value]) => card(key, value));
  lines.push('END'.padEnd(80));
  const text = lines.join('');
  return Buffer.from(text.padEnd(Math.ceil(text.length / BLOCK) * BLOCK, ' '), 'latin1');
}

/** Fixed format: strings quoted from column 11, numbers and logicals right-aligned to column 30. */
function card(key: string, value: CardValue): string {
  let field: string;
  if (typeof value === 'string') field = `'${value.replace(/'/g, "''").padEnd(8)}'`;
  else if (typeof value === 'boolean') field = (value ? 'T' : 'F').padStart(20);
  else field = (Number.isInteger(value) ? String(value) : value.toExponential()).toUpperCase().padStart(20);
  const line = `${key.padEnd(8)}= ${field}`;
  if (line.length > 80) throw new Error(`card too long: ${key}`);
  return line.padEnd(80);
}
