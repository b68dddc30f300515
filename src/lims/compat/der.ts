// Just enough DER to build and take apart a DSA SubjectPublicKeyInfo:
// SEQUENCE, INTEGER, OBJECT IDENTIFIER and BIT STRING with definite lengths.

export const DER_TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OBJECT_IDENTIFIER: 0x06,
  SEQUENCE: 0x30,
} as const;

export class DerError extends Error {
  override name = 'DerError';
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function derElement(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export function derSequence(...children: Buffer[]): Buffer {
  return derElement(DER_TAG.SEQUENCE, Buffer.concat(children));
}

/**
 * Minimal two's-complement bytes of a non-negative number given as big-endian
 * magnitude: leading zeros dropped, one 0x00 added back when the top bit is set.
 * This is both the DER INTEGER content and the SSH mpint body.
 */
export function positiveIntegerBytes(magnitude: Buffer): Buffer {
  let start = 0;
  while (start < magnitude.length && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  if (trimmed.length === 0) return Buffer.from([0]);
  return trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : Buffer.from(trimmed);
}

export function derUnsignedInteger(magnitude: Buffer): Buffer {
  return derElement(DER_TAG.INTEGER, positiveIntegerBytes(magnitude));
}

export function derObjectIdentifier(dotted: string): Buffer {
  const arcs = dotted.split('.').map((arc) => {
    if (!/^\d+$/.test(arc)) throw new DerError(`bad OID arc in ${dotted}`);
    return Number(arc);
  });
  if (arcs.length < 2) throw new DerError(`OID needs at least two arcs: ${dotted}`);
  const out: number[] = [arcs[0] * 40 + arcs[1]];
  for (const arc of arcs.slice(2)) {
    // Base 128, most significant group first, continuation bit on all but the last.
    const groups = [arc & 0x7f];
    for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128)) {
      groups.unshift(0x80 | (rest & 0x7f));
    }
    out.push(...groups);
  }
  return derElement(DER_TAG.OBJECT_IDENTIFIER, Buffer.from(out));
}

/** A BIT STRING whose content is whole bytes (zero unused bits). */
export function derBitString(content: Buffer): Buffer {
  return derElement(DER_TAG.BIT_STRING, Buffer.concat([Buffer.from([0]), content]));
}

export interface DerNode {
  tag: number;
  content: Buffer;
  /** Offset just past this element in the buffer it was read from. */
  end: number;
}

export function readDerElement(buffer: Buffer, offset = 0): DerNode {
  if (offset + 2 > buffer.length) throw new DerError('truncated DER header');
  const tag = buffer[offset];
  let length = buffer[offset + 1];
  let position = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new DerError('unsupported DER length form');
    if (position + count > buffer.length) throw new DerError('truncated DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buffer[position + i];
    position += count;
  }
  const end = position + length;
  if (end > buffer.length) throw new DerError('DER element runs past the end of its buffer');
  return { tag, content: buffer.subarray(position, end), end };
}

/** Reads the whole of `content` as consecutive elements, checking each tag. */
export function readDerChildren(content: Buffer, expectedTags: number[]): Buffer[] {
  const children: Buffer[] = [];
  let offset = 0;
  for (const expected of expectedTags) {
    const node = readDerElement(content, offset);
    if (node.tag !== expected) {
      throw new DerError(`expected DER tag 0x${expected.toString(16)}, found 0x${node.tag.toString(16)}`);
    }
    children.push(node.content);
    offset = node.end;
  }
  if (offset !== content.length) throw new DerError('unexpected trailing DER data');
  return children;
}
