// The URL token MxDC puts in every keyed route: `<value>:<ts62>:<b64sig>` (spec §2.2).
// The signature is DSA-SHA256 over "ca.clsi.cmcf:<value>:<ts62>", DER-encoded, in
// padded urlsafe base64. Lightpath decision D3: the timestamp must lie within the
// window on either side of now.
import { verify, type KeyObject } from 'node:crypto';
import { Base62Error, decodeBase62 } from './base62.ts';
import { decodeBase64Strict } from './base64-strict.ts';
import { SshKeyError, parseSshDssPublicKey } from './ssh-dss.ts';

export const SIGNING_SALT = 'ca.clsi.cmcf';
export const TOKEN_SEPARATOR = ':';
export const DEFAULT_WINDOW_SECONDS = 60;

/** Usernames that the keyed URL patterns can carry (ASCII form of `[\w-]+`). */
export const USERNAME_PATTERN = /^[A-Za-z0-9_-]+$/;

export class MalformedTokenError extends Error {
  override name = 'MalformedTokenError';
}

export interface ParsedToken {
  /** Everything before the last two separators: the username MxDC signed. */
  value: string;
  ts62: string;
  /** Unix seconds. */
  timestamp: number;
  signature: Buffer;
  /** The exact bytes the signature covers. */
  signedMessage: Buffer;
}

export function signedMessage(value: string, ts62: string): Buffer {
  return Buffer.from(SIGNING_SALT + TOKEN_SEPARATOR + value + TOKEN_SEPARATOR + ts62, 'utf8');
}

/** Splits at the last `:`, then at the last `:` of the left part, as the original does. */
export function parseToken(token: string): ParsedToken {
  const sigAt = token.lastIndexOf(TOKEN_SEPARATOR);
  if (sigAt < 0) throw new MalformedTokenError('token has no ":"');
  const timed = token.slice(0, sigAt);
  const b64 = token.slice(sigAt + 1);
  const timeAt = timed.lastIndexOf(TOKEN_SEPARATOR);
  if (timeAt < 0) throw new MalformedTokenError('token needs three ":"-separated parts');
  const value = timed.slice(0, timeAt);
  const ts62 = timed.slice(timeAt + 1);
  if (value.length === 0) throw new MalformedTokenError('token has an empty value');

  const signature = decodeBase64Strict(b64, 'urlsafe');
  if (!signature || signature.length === 0) {
    throw new MalformedTokenError('token signature is not padded urlsafe base64');
  }
  let timestamp: number;
  try {
    timestamp = decodeBase62(ts62);
  } catch (error) {
    if (error instanceof Base62Error) throw new MalformedTokenError(`token time: ${error.message}`);
    throw error;
  }
  return { value, ts62, timestamp, signature, signedMessage: signedMessage(value, ts62) };
}

/**
 * The URL username: the part before the first `:`, when it is a valid username.
 * Returns null otherwise (such a path matches no keyed route). `segment` must already
 * be percent-decoded.
 */
export function usernameFromToken(segment: string): string | null {
  const at = segment.indexOf(TOKEN_SEPARATOR);
  if (at < 0) return null;
  const username = segment.slice(0, at);
  return USERNAME_PATTERN.test(username) ? username : null;
}

export type TokenFailureReason =
  | 'malformed' // token text cannot be parsed (D2: 403)
  | 'bad-key' // the public key given is unusable
  | 'bad-signature'
  | 'expired' // older than the window
  | 'not-yet-valid' // further in the future than the window (D3)
  | 'wrong-user'; // signed value differs from the expected username

export type TokenVerification =
  | { ok: true; username: string; timestamp: number }
  | { ok: false; reason: TokenFailureReason; detail: string };

export interface VerifyTokenOptions {
  /** Current time in Unix seconds (fractions allowed). Defaults to the clock. */
  now?: number;
  windowSeconds?: number;
  /** When given, the signed value must equal it (the URL username). */
  username?: string;
}

function fail(reason: TokenFailureReason, detail: string): TokenVerification {
  return { ok: false, reason, detail };
}

/**
 * Verifies a token against an OpenSSH ssh-dss key text (or an already parsed key).
 * Checks run in the original order: key, token format, signature, time, username.
 */
export function verifyToken(
  token: string,
  publicKey: string | KeyObject,
  options: VerifyTokenOptions = {},
): TokenVerification {
  const { now = Date.now() / 1000, windowSeconds = DEFAULT_WINDOW_SECONDS, username } = options;
  if (!(windowSeconds >= 0) || !Number.isFinite(now)) {
    throw new RangeError('verifyToken needs a finite now and a non-negative window');
  }

  let key: KeyObject;
  try {
    key = typeof publicKey === 'string' ? parseSshDssPublicKey(publicKey) : publicKey;
  } catch (error) {
    if (error instanceof SshKeyError) return fail('bad-key', error.message);
    throw error;
  }
  if (key.type !== 'public' || key.asymmetricKeyType !== 'dsa') return fail('bad-key', 'not a DSA public key');

  let parsed: ParsedToken;
  try {
    parsed = parseToken(token);
  } catch (error) {
    if (error instanceof MalformedTokenError) return fail('malformed', error.message);
    throw error;
  }

  let valid: boolean;
  try {
    valid = verify('sha256', parsed.signedMessage, { key, dsaEncoding: 'der' }, parsed.signature);
  } catch {
    valid = false; // OpenSSL may throw on garbage DER instead of returning false
  }
  if (!valid) return fail('bad-signature', 'signature does not verify');

  const age = now - parsed.timestamp;
  if (age > windowSeconds) return fail('expired', `token is ${Math.floor(age)} s old`);
  if (-age > windowSeconds) return fail('not-yet-valid', `token is ${Math.floor(-age)} s in the future`);

  if (username !== undefined && parsed.value !== username) {
    return fail('wrong-user', 'token was signed for another user');
  }
  return { ok: true, username: parsed.value, timestamp: parsed.timestamp };
}
