/**
 * Decoding one tile's stored bytes into numbers, per ZCMPTYPE. The result is
 * either integers (plain integer pixels or quantized floats) or, for
 * losslessly stored floats and 64-bit integers, float values.
 */
import { FitsError } from '../errors.ts';
import { inflate, unshuffle } from './gzip.ts';
import { riceDecode } from './rice.ts';

export type Algorithm = 'RICE_1' | 'GZIP_1' | 'GZIP_2' | 'NOCOMPRESS';

/** ZCMPTYPE as written -> algorithm; fpack writes RICE_ONE for RICE_1 with -qz. */
export function algorithmFromName(name: string): Algorithm | undefined {
  const upper = name.trim().toUpperCase();
  if (upper === 'RICE_1' || upper === 'RICE_ONE') return 'RICE_1';
  if (upper === 'GZIP_1' || upper === 'GZIP_2' || upper === 'NOCOMPRESS') return upper;
  return undefined;
}

/** How to read the tile's numbers once they are plain big-endian bytes. */
export interface TileFormat {
  /** 'int': integers (ZBITPIX > 0, or quantized floats); 'float': IEEE values of floatBytes. */
  kind: 'int' | 'float';
  floatBytes: 4 | 8;
  blockSize: number;
  bytePix: number;
}

export type TileValues = { ints: Int32Array } | { values: Float32Array | Float64Array };

/**
 * Decodes `count` values. `scratch` (at least `count` long) receives integers
 * so no array is allocated per tile on the common paths.
 */
export function decodeTileBytes(
  algorithm: Algorithm,
  input: Uint8Array,
  count: number,
  format: TileFormat,
  scratch: Int32Array,
): TileValues {
  if (algorithm === 'RICE_1') {
    if (format.kind === 'float') throw new FitsError('RICE_1 cannot hold unquantized floating-point pixels');
    const ints = scratch.subarray(0, count);
    riceDecode(input, ints, format.blockSize, format.bytePix);
    return { ints };
  }
  let bytes = algorithm === 'NOCOMPRESS' ? input : inflate(input);
  // The value width is whatever the writer used (fpack: 1, 2 or 4 for integers).
  const size = bytes.length / count;
  if (algorithm === 'GZIP_2' && Number.isInteger(size)) bytes = unshuffle(bytes, size);
  return bigEndianValues(bytes, size, count, format, scratch);
}

/** Reads big-endian pixel values of `size` bytes. */
export function bigEndianValues(
  bytes: Uint8Array,
  size: number,
  count: number,
  format: TileFormat,
  scratch: Int32Array,
): TileValues {
  if (![1, 2, 4, 8].includes(size) || size * count !== bytes.length) {
    throw new FitsError(`tile holds ${bytes.length} bytes for ${count} pixels`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (format.kind === 'float') {
    if (size !== format.floatBytes) {
      throw new FitsError(`tile holds ${size}-byte values, expected ${format.floatBytes}-byte floats`);
    }
    if (size === 4) {
      const values = new Float32Array(count);
      for (let i = 0; i < count; i++) values[i] = view.getFloat32(i * 4);
      return { values };
    }
    const values = new Float64Array(count);
    for (let i = 0; i < count; i++) values[i] = view.getFloat64(i * 8);
    return { values };
  }
  if (size === 8) {
    // 64-bit integers do not fit Int32Array; hand them over as doubles.
    const values = new Float64Array(count);
    for (let i = 0; i < count; i++) values[i] = view.getInt32(i * 8) * 4294967296 + view.getUint32(i * 8 + 4);
    return { values };
  }
  const ints = scratch.subarray(0, count);
  if (size === 1) for (let i = 0; i < count; i++) ints[i] = bytes[i];
  else if (size === 2) for (let i = 0; i < count; i++) ints[i] = view.getInt16(i * 2);
  else for (let i = 0; i < count; i++) ints[i] = view.getInt32(i * 4);
  return { ints };
}
