// OpenSSH `ssh-dss` public keys <-> node KeyObjects. Node cannot read OpenSSH key
// text, so the SSH wire blob (string "ssh-dss", mpints p, q, g, y) is re-wrapped as
// a DER SubjectPublicKeyInfo (spec §2.2, "Node/TS verification").
import { createPublicKey, type KeyObject } from 'node:crypto';
import { decodeBase64Strict } from './base64-strict.ts';
import {
  DER_TAG,
  DerError,
  derBitString,
  derObjectIdentifier,
  derSequence,
  derUnsignedInteger,
  positiveIntegerBytes,
  readDerChildren,
} from './der.ts';

export const SSH_DSS = 'ssh-dss';
const DSA_OID = '1.2.840.10040.4.1';

/** The key text is not a usable ssh-dss public key; a server answers 400. */
export class SshKeyError extends Error {
  override name = 'SshKeyError';
}

/**
 * DSA public numbers as positive integers in minimal two's-complement big-endian
 * form, which is both the SSH mpint body and the DER INTEGER content.
 */
export interface DsaPublicNumbers {
  p: Buffer;
  q: Buffer;
  g: Buffer;
  y: Buffer;
}

// Sizes the original server's key loader accepts (FIPS 186 parameter sets).
const P_BITS = [1024, 2048, 3072, 4096];
const Q_BITS = [160, 224, 256];

/** Reads the SSH wire format: uint32 length-prefixed strings. */
class SshReader {
  private offset = 0;
  constructor(private readonly blob: Buffer) {}

  string(): Buffer {
    if (this.offset + 4 > this.blob.length) throw new SshKeyError('key blob is truncated');
    const length = this.blob.readUInt32BE(this.offset);
    const start = this.offset + 4;
    if (start + length > this.blob.length) throw new SshKeyError('key blob is truncated');
    this.offset = start + length;
    return this.blob.subarray(start, start + length);
  }

  mpint(name: string): Buffer {
    const bytes = this.string();
    if (bytes.length > 0 && bytes[0] & 0x80) throw new SshKeyError(`key value ${name} is negative`);
    return positiveIntegerBytes(bytes);
  }

  atEnd(): boolean {
    return this.offset === this.blob.length;
  }
}

function toBigInt(magnitude: Buffer): bigint {
  return magnitude.length === 0 ? 0n : BigInt('0x' + magnitude.toString('hex'));
}

function checkNumbers({ p, q, g, y }: DsaPublicNumbers): void {
  const [P, Q, G, Y] = [p, q, g, y].map(toBigInt);
  if (!P_BITS.includes(P.toString(2).length)) throw new SshKeyError('DSA p has an unsupported size');
  if (!Q_BITS.includes(Q.toString(2).length)) throw new SshKeyError('DSA q has an unsupported size');
  if (!(G > 1n && G < P)) throw new SshKeyError('DSA g is out of range');
  if (!(Y > 1n && Y < P)) throw new SshKeyError('DSA y is out of range');
}

/**
 * Parses `ssh-dss <base64> [comment]` into the DSA public numbers. Like the original
 * loader, the type and the blob must be the first two fields (no leading space);
 * anything after them is ignored.
 */
export function parseSshDssNumbers(text: string): DsaPublicNumbers {
  const fields = /^(\S+)[ \t]+(\S+)/.exec(text);
  if (!fields) throw new SshKeyError('not an OpenSSH public key line');
  const [, type, body] = fields;
  if (type !== SSH_DSS) throw new SshKeyError(`unsupported key type ${JSON.stringify(type)}; only ssh-dss works`);
  const blob = decodeBase64Strict(body, 'standard');
  if (!blob) throw new SshKeyError('key body is not valid base64');

  const reader = new SshReader(blob);
  if (reader.string().toString('latin1') !== SSH_DSS) throw new SshKeyError('key blob type does not match ssh-dss');
  const numbers = { p: reader.mpint('p'), q: reader.mpint('q'), g: reader.mpint('g'), y: reader.mpint('y') };
  if (!reader.atEnd()) throw new SshKeyError('unexpected data after the key');
  checkNumbers(numbers);
  return numbers;
}

export function dsaNumbersToSpki({ p, q, g, y }: DsaPublicNumbers): Buffer {
  const algorithm = derSequence(
    derObjectIdentifier(DSA_OID),
    derSequence(derUnsignedInteger(p), derUnsignedInteger(q), derUnsignedInteger(g)),
  );
  return derSequence(algorithm, derBitString(derUnsignedInteger(y)));
}

/** OpenSSH `ssh-dss` text → node public KeyObject (for crypto.verify). */
export function parseSshDssPublicKey(text: string): KeyObject {
  const spki = dsaNumbersToSpki(parseSshDssNumbers(text));
  try {
    return createPublicKey({ key: spki, format: 'der', type: 'spki' });
  } catch (error) {
    throw new SshKeyError(`key rejected by OpenSSL: ${(error as Error).message}`);
  }
}

function sshString(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** Reads p, q, g, y back out of a DSA SubjectPublicKeyInfo. */
export function spkiToDsaNumbers(spki: Buffer): DsaPublicNumbers {
  try {
    const [info] = readDerChildren(spki, [DER_TAG.SEQUENCE]);
    const [algorithm, keyBits] = readDerChildren(info, [DER_TAG.SEQUENCE, DER_TAG.BIT_STRING]);
    const [oid, params] = readDerChildren(algorithm, [DER_TAG.OBJECT_IDENTIFIER, DER_TAG.SEQUENCE]);
    if (!derObjectIdentifier(DSA_OID).subarray(2).equals(oid)) throw new SshKeyError('not a DSA key');
    const [p, q, g] = readDerChildren(params, [DER_TAG.INTEGER, DER_TAG.INTEGER, DER_TAG.INTEGER]);
    if (keyBits[0] !== 0) throw new SshKeyError('public key bit string has unused bits');
    const [y] = readDerChildren(keyBits.subarray(1), [DER_TAG.INTEGER]);
    return { p, q, g, y };
  } catch (error) {
    if (error instanceof DerError) throw new SshKeyError(`bad SubjectPublicKeyInfo: ${error.message}`);
    throw error;
  }
}

/**
 * DSA public KeyObject → `ssh-dss <base64>`, no comment and no newline, the form
 * MxDC registers. (DSA keys cannot be exported as JWK, hence the DER round trip.)
 */
export function formatSshDssPublicKey(key: KeyObject): string {
  if (key.type !== 'public' || key.asymmetricKeyType !== 'dsa') {
    throw new SshKeyError('formatSshDssPublicKey needs a DSA public key');
  }
  const { p, q, g, y } = spkiToDsaNumbers(key.export({ format: 'der', type: 'spki' }));
  const blob = Buffer.concat([
    sshString(Buffer.from(SSH_DSS, 'latin1')),
    ...[p, q, g, y].map((value) => sshString(positiveIntegerBytes(value))),
  ]);
  return `${SSH_DSS} ${blob.toString('base64')}`;
}
