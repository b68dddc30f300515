/**
 * How big an HDU's data unit is, from its mandatory keywords (FITS 4.0
 * sections 4.4.1 and 7): |BITPIX|/8 * GCOUNT * (PCOUNT + NAXIS1*...*NAXISn).
 * Knowing this lets the reader step over any extension, understood or not.
 */
import { hduError, type ErrorContext } from './errors.ts';
import type { Header } from './header.ts';

export const VALID_BITPIX = [8, 16, 32, 64, -32, -64] as const;
export type Bitpix = (typeof VALID_BITPIX)[number];

export function checkBitpix(value: number | undefined, where: ErrorContext, keyword = 'BITPIX'): Bitpix {
  if (value === undefined) throw hduError(where, `missing required keyword ${keyword}`);
  if (!(VALID_BITPIX as readonly number[]).includes(value)) {
    throw hduError(where, `bad ${keyword} ${value}`, 'expected 8, 16, 32, 64, -32 or -64');
  }
  return value as Bitpix;
}

/** NAXIS1..NAXISn, each a non-negative integer. */
export function readAxes(header: Header, where: ErrorContext, prefix = 'NAXIS'): number[] {
  const naxis = header.requireInt(prefix);
  if (naxis < 0 || naxis > 999) throw hduError(where, `bad ${prefix} ${naxis}`);
  const axes: number[] = [];
  for (let i = 1; i <= naxis; i++) {
    const n = header.requireInt(`${prefix}${i}`);
    if (n < 0) throw hduError(where, `bad ${prefix}${i} ${n}`);
    axes.push(n);
  }
  return axes;
}

/** Data-unit length in bytes, without the padding to the next 2880-byte block. */
export function dataLength(header: Header, isPrimary: boolean, where: ErrorContext): number {
  const bitpix = checkBitpix(header.getInt('BITPIX'), where);
  const axes = readAxes(header, where);
  if (axes.length === 0) return 0;
  const pcount = header.getInt('PCOUNT', 0);
  const gcount = header.getInt('GCOUNT', 1);
  if (pcount < 0 || gcount < 0) throw hduError(where, 'bad PCOUNT/GCOUNT', `PCOUNT ${pcount}, GCOUNT ${gcount}`);
  // Random groups (primary with NAXIS1 = 0, GROUPS = T): NAXIS1 does not count.
  const randomGroups = isPrimary && axes[0] === 0 && header.getBoolean('GROUPS', false);
  const counted = randomGroups ? axes.slice(1) : axes;
  const elements = counted.reduce((a, b) => a * b, 1);
  const bytes = (Math.abs(bitpix) / 8) * gcount * (pcount + elements);
  if (!Number.isSafeInteger(bytes)) throw hduError(where, 'data size too large', `${bytes} bytes`);
  return bytes;
}

/** Rounds a byte count up to whole 2880-byte blocks. */
export function padded(bytes: number): number {
  return Math.ceil(bytes / 2880) * 2880;
}
