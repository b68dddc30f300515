/**
 * GZIP_1 and GZIP_2 tiles (FITS 4.0 section 10.4.3): the tile's big-endian
 * pixel bytes, gzipped. GZIP_2 first shuffles the bytes so all most
 * significant bytes come first, then all second bytes, and so on.
 */
import { unzipSync } from 'node:zlib';
import { FitsError } from '../errors.ts';

/** Inflates a gzip (or zlib) stream. */
export function inflate(input: Uint8Array): Uint8Array {
  try {
    return unzipSync(input);
  } catch (error) {
    throw new FitsError(`gzip data is corrupt (${(error as Error).message})`, {}, { cause: error });
  }
}

/** Undoes the GZIP_2 byte shuffle for `count` values of `size` bytes. */
export function unshuffle(bytes: Uint8Array, size: number): Uint8Array {
  if (size === 1) return bytes;
  const count = bytes.length / size;
  const out = new Uint8Array(bytes.length);
  for (let k = 0; k < size; k++) {
    const plane = k * count;
    for (let i = 0, o = k; i < count; i++, o += size) out[o] = bytes[plane + i];
  }
  return out;
}
