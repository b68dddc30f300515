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

interface Prepared {
  key: KeyObject;
  parsed: ParsedToken;
}

/** The options with the clock read once, so the time checked is the time the checks began. */
function withNow(options: VerifyTokenOptions): VerifyTokenOptions & { now: number } {
  return { ...options, now: options.now ?? Date.now() / 1000 };
}

/** The checks before the signature: the key, then the token's format. */
function prepare(token: string, publicKey: string | KeyObject, options: VerifyTokenOptions & { now: number }): Prepared | TokenVerification {
  const { now, windowSeconds = DEFAULT_WINDOW_SECONDS } = options;
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

  try {
    return { key, parsed: parseToken(token) };
  } catch (error) {
    if (error instanceof MalformedTokenError) return fail('malformed', error.message);
    throw error;
  }
}

/** The checks after the signature: time, then username. */
function conclude(parsed: ParsedToken, valid: boolean, options: VerifyTokenOptions & { now: number }): TokenVerification {
  const { now, windowSeconds = DEFAULT_WINDOW_SECONDS, username } = options;
  if (!valid) return fail('bad-signature', 'signature does not verify');

  const age = now - parsed.timestamp;
  if (age > windowSeconds) return fail('expired', `token is ${Math.floor(age)} s old`);
  if (-age > windowSeconds) return fail('not-yet-valid', `token is ${Math.floor(-age)} s in the future`);

  if (username !== undefined && parsed.value !== username) {
    return fail('wrong-user', 'token was signed for another user');
  }
  return { ok: true, username: parsed.value, timestamp: parsed.timestamp };
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
  const fixed = withNow(options);
  const prepared = prepare(token, publicKey, fixed);
  if (!('parsed' in prepared)) return prepared;
  const { key, parsed } = prepared;
  let valid: boolean;
  try {
    valid = verify('sha256', parsed.signedMessage, { key, dsaEncoding: 'der' }, parsed.signature);
  } catch {
    valid = false; // OpenSSL may throw on garbage DER instead of returning false
  }
  return conclude(parsed, valid, fixed);
}

/**
 * verifyToken with the signature checked on libuv's thread pool, so the event loop serves other
 * requests meanwhile (a DSA verification is the dearest step of an MxDC call). `now` is taken
 * before the signature is checked, as in verifyToken.
 */
export async function verifyTokenOffThread(
  token: string,
  publicKey: string | KeyObject,
  options: VerifyTokenOptions = {},
): Promise<TokenVerification> {
  const fixed = withNow(options);
  const prepared = prepare(token, publicKey, fixed);
  if (!('parsed' in prepared)) return prepared;
  const { key, parsed } = prepared;
  const valid = await new Promise<boolean>((resolve) => {
    try {
      verify('sha256', parsed.signedMessage, { key, dsaEncoding: 'der' }, parsed.signature, (error, result) => resolve(!error && result));
    } catch {
      resolve(false); // as above: garbage DER may throw before the work is queued
    }
  });
  return conclude(parsed, valid, fixed);
}
