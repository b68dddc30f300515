/**
 * Decoder for RICE_1 (FITS 4.0 section 10.4.1; White & Becker's Rice coding
 * as used by fpack).
 *
 * Stream layout: the first pixel as a plain big-endian integer of BYTEPIX
 * bytes, then blocks of BLOCKSIZE pixel differences. Each block starts with
 * an FSBITS-wide code:
 *   0            every difference in the block is zero;
 *   FSMAX + 1    differences stored verbatim in 8*BYTEPIX bits each;
 *   k + 1        each difference split into a unary high part (zeros ended
 *                by a one) and k low bits.
 * Differences are zig-zag mapped (0, -1, 1, -2, ... -> 0, 1, 2, 3, ...) and
 * the pixel values wrap around at the integer width, as in the encoder.
 * Bits are read most significant first.
 */
import { FitsError } from '../errors.ts';

const FS_BITS: Record<number, number> = { 1: 3, 2: 4, 4: 5 };
const FS_MAX: Record<number, number> = { 1: 6, 2: 14, 4: 25 };

/**
 * Decodes `out.length` pixels from `input` into `out`.
 * bytePix 1 gives unsigned bytes, 2 signed 16-bit, 4 signed 32-bit values.
 */
export function riceDecode(input: Uint8Array, out: Int32Array, blockSize: number, bytePix: number): void {
  const fsBits = FS_BITS[bytePix];
  const fsMax = FS_MAX[bytePix];
  if (fsBits === undefined) throw new FitsError(`RICE_1 BYTEPIX ${bytePix} is not supported (1, 2 or 4)`);
  if (!(blockSize > 0)) throw new FitsError(`RICE_1 BLOCKSIZE ${blockSize} is not valid`);
  const n = out.length;
  if (n === 0) return;
  const end = input.length;
  if (end < bytePix + 1) throw new FitsError(`RICE_1 stream too short (${end} bytes)`);

  // Wrap a running value to the pixel width.
  const wrap =
    bytePix === 4 ? (v: number) => v | 0 : bytePix === 2 ? (v: number) => (v << 16) >> 16 : (v: number) => v & 0xff;

  let pos = 0;
  let last = 0;
  for (; pos < bytePix; pos++) last = last * 256 + input[pos];
  last = wrap(last);

  const overrun = () => new FitsError(`RICE_1 stream ends early (${end} bytes for ${n} pixels)`);

  // Bit buffer: the low `nbits` bits of `b` are unread, higher bits are zero.
  let b = input[pos++];
  let nbits = 8;

  for (let i = 0; i < n; ) {
    while (nbits < fsBits) {
      if (pos >= end) throw overrun();
      b = (b << 8) | input[pos++];
      nbits += 8;
    }
    nbits -= fsBits;
    const fs = (b >>> nbits) - 1;
    b &= (1 << nbits) - 1;
    const blockEnd = Math.min(i + blockSize, n);

    if (fs < 0) {
      for (; i < blockEnd; i++) out[i] = last;
    } else if (fs === fsMax) {
      for (; i < blockEnd; i++) {
        let diff = 0;
        for (let k = 0; k < bytePix; k++) {
          if (pos >= end) throw overrun();
          b = (b << 8) | input[pos++];
          diff = (diff << 8) | (b >>> nbits);
          b &= (1 << nbits) - 1;
        }
        last = wrap(last + ((diff & 1) === 0 ? diff >>> 1 : ~(diff >>> 1)));
        out[i] = last;
      }
    } else if (fs > fsMax) {
      throw new FitsError(`RICE_1 block code ${fs + 1} out of range`);
    } else {
      for (; i < blockEnd; i++) {
        // Unary part: count zero bits up to the next one bit.
        while (b === 0) {
          if (pos >= end) throw overrun();
          b = input[pos++];
          nbits += 8;
        }
        const top = 31 - Math.clz32(b);
        const zeros = nbits - 1 - top;
        nbits = top;
        b ^= 1 << top;
        // Then fs plain bits.
        while (nbits < fs) {
          if (pos >= end) throw overrun();
          b = (b << 8) | input[pos++];
          nbits += 8;
        }
        nbits -= fs;
        const diff = (zeros << fs) | (b >>> nbits);
        b &= (1 << nbits) - 1;
        last = wrap(last + ((diff & 1) === 0 ? diff >>> 1 : ~(diff >>> 1)));
        out[i] = last;
      }
    }
  }
}
