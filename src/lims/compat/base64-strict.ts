// Strict base64 decoding. Node's decoder silently skips bad characters and accepts
// missing padding; the wire format here is always canonical and padded, so anything
// else is rejected rather than guessed at.

const STANDARD = /^[A-Za-z0-9+/]*={0,2}$/;
const URLSAFE = /^[A-Za-z0-9_-]*={0,2}$/;

export type Base64Variant = 'standard' | 'urlsafe';

/**
 * Decodes padded base64 of the given variant, or returns null when the text is not
 * canonical: wrong alphabet, missing or extra padding, or non-zero unused bits.
 */
export function decodeBase64Strict(text: string, variant: Base64Variant): Buffer | null {
  const pattern = variant === 'standard' ? STANDARD : URLSAFE;
  if (text.length % 4 !== 0 || !pattern.test(text)) return null;
  const standard = variant === 'standard' ? text : text.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Buffer.from(standard, 'base64');
  // Re-encoding catches padding in the wrong place and non-zero trailing bits.
  if (bytes.toString('base64') !== standard) return null;
  return bytes;
}
