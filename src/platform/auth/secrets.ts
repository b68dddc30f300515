// Random secrets and their stored fingerprints. Secrets have 256 random bits, so a fast hash is
// enough to store them safely (no guessing attack is feasible, unlike with passwords).
import crypto from 'node:crypto';

export function randomSecret(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function fingerprint(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
