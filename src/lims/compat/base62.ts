// Base62 as used by MxDC and MxLIVE for the token timestamp (spec §2.2):
// digits, then upper case, then lower case; most significant digit first; zero is "0".

export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const BASE = BASE62_ALPHABET.length;

export class Base62Error extends Error {
  override name = 'Base62Error';
}

/** Encodes a non-negative safe integer (Unix seconds in practice). */
export function encodeBase62(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Base62Error(`base62 can only encode a non-negative safe integer, got ${value}`);
  }
  if (value === 0) return BASE62_ALPHABET[0];
  let rest = value;
  let out = '';
  while (rest > 0) {
    out = BASE62_ALPHABET[rest % BASE] + out;
    rest = Math.floor(rest / BASE);
  }
  return out;
}

/**
 * Decodes a base62 string. Leading zeros are accepted, as in the original converter.
 * Throws on the empty string, on any character outside the alphabet (the original's
 * sign character `-` included) and on values beyond Number.MAX_SAFE_INTEGER.
 */
export function decodeBase62(text: string): number {
  if (text.length === 0) throw new Base62Error('base62 string is empty');
  let value = 0;
  for (const char of text) {
    const digit = BASE62_ALPHABET.indexOf(char);
    if (digit < 0) throw new Base62Error(`invalid base62 character ${JSON.stringify(char)}`);
    // Check before multiplying so no precision is silently lost.
    if (value > (Number.MAX_SAFE_INTEGER - digit) / BASE) {
      throw new Base62Error('base62 value is too large');
    }
    value = value * BASE + digit;
  }
  return value;
}
