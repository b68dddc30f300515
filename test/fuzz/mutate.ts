// Mutations of valid inputs: byte damage (flips, cuts, insertions of odd bytes) for any format, and
// value damage (wrong types, huge or nested values, odd text) for formats that decode to values.
import type { Random } from './prng.ts';

/** Byte sequences that are not UTF-8: a stray continuation, a cut sequence, a surrogate half, an overlong "/", Latin-1 "é". */
export const INVALID_UTF8 = [[0xff], [0x80], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe9], [0xf4, 0x90, 0x80, 0x80]].map((b) => Buffer.from(b));

const nested = (levels: number, open = '[', close = ']') => open.repeat(levels) + close.repeat(levels);

/** Text and bytes that tend to break parsers, inserted at random places. */
const ODD_CHUNKS: Buffer[] = [
  ...INVALID_UTF8,
  Buffer.from([0]), Buffer.from('\\u0000'), Buffer.from('\r\n'), Buffer.from('\n\n'), Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from('"'), Buffer.from('\\'), Buffer.from(','), Buffer.from(':'), Buffer.from('%'), Buffer.from('%zz'), Buffer.from('%FF'), Buffer.from('&=&'),
  Buffer.from(nested(100)), Buffer.from('{"a":'.repeat(100)), Buffer.from(nested(40, '{"a":', '}')),
  Buffer.from('9'.repeat(400)), Buffer.from('-0'), Buffer.from('1e999'), Buffer.from('\\ud800'), Buffer.from('😀'),
  Buffer.from('A'.repeat(70_000)), Buffer.from('\t '.repeat(500)),
];

const INTERESTING_BYTES = [0x00, 0xff, 0x80, 0xc0, 0x22, 0x5c, 0x2c, 0x0a, 0x0d, 0x7b, 0x5b, 0x7d, 0x5d, 0x3a, 0x27, 0x25, 0x26, 0x3d, 0x2d, 0x20, 0x7f];

/** One to four random byte-level changes. */
export function mutateBytes(random: Random, input: Buffer, chunks: Buffer[] = ODD_CHUNKS): Buffer {
  let bytes = Buffer.from(input);
  for (let round = 1 + random.int(4); round > 0; round--) {
    const at = bytes.length === 0 ? 0 : random.int(bytes.length);
    switch (random.int(7)) {
      case 0: // flip a bit
        if (bytes.length > 0) bytes[at] ^= 1 << random.int(8);
        break;
      case 1: // set an interesting byte
        if (bytes.length > 0) bytes[at] = random.pick(INTERESTING_BYTES);
        break;
      case 2: // cut short
        bytes = bytes.subarray(0, at);
        break;
      case 3: // insert an odd chunk
        bytes = Buffer.concat([bytes.subarray(0, at), random.pick(chunks), bytes.subarray(at)]);
        break;
      case 4: { // delete a range
        const length = 1 + random.int(16);
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + length)]);
        break;
      }
      case 5: { // repeat a slice
        const slice = bytes.subarray(at, at + 1 + random.int(64));
        bytes = Buffer.concat([bytes.subarray(0, at), ...Array(2 + random.int(8)).fill(slice), bytes.subarray(at)]);
        break;
      }
      default: { // swap two bytes
        const other = random.int(Math.max(bytes.length, 1));
        if (bytes.length > 1) [bytes[at], bytes[other]] = [bytes[other], bytes[at]];
      }
    }
  }
  return bytes;
}

const deepArray = (levels: number): unknown => {
  let value: unknown = 0;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

/** Values of the wrong type, size or shape for almost any field. */
export const ODD_VALUES: unknown[] = [
  null, true, false, 0, -1, 1.5, -0, 2 ** 31, 2 ** 53 + 2, -1e308, 1e-320, '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff\ud800',
  'x'.repeat(100_000), '😀'.repeat(300), '<script>alert(1)</script>', '../../../etc/passwd', '%00', 'NaN', 'Infinity', '-0', '1e999',
  '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30T00:00:00Z', '0000-00-00', 'null', 'true', '[]', '{}',
  [], {}, [1, 2, 3], ['a', null], { x: 1 }, { '': '' }, JSON.parse('{"__proto__": {"polluted": true}}'), { constructor: { prototype: { x: 1 } } },
  deepArray(20), deepArray(63), deepArray(70),
];

type Container = Record<string, unknown> | unknown[];

/** A deep copy that keeps an own "__proto__" key a key (JSON.parse makes it one; assignment would not). */
const copy = <T>(value: T): T => (value !== null && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value);

function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The containers in a value, each with its keys (arrays by index). */
function containers(value: unknown): Container[] {
  const found: Container[] = [];
  const pending = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item === null || typeof item !== 'object' || ArrayBuffer.isView(item)) continue;
    found.push(item as Container);
    pending.push(...Object.values(item));
  }
  return found;
}

/** A copy of a JSON-like value with one to three value-level changes. */
export function mutateValue(random: Random, input: unknown, odd: unknown[] = ODD_VALUES): unknown {
  const root = { value: copy(input) };
  for (let round = 1 + random.int(3); round > 0; round--) {
    const target = random.pick(containers(root));
    const keys = Object.keys(target);
    const key = keys.length > 0 ? random.pick(keys) : '0';
    const record = target as Record<string, unknown>;
    switch (random.int(6)) {
      case 0:
      case 1:
      case 2: // replace with an odd value
        setOwn(record, key, copy(random.pick(odd)));
        break;
      case 3: // remove
        if (Array.isArray(target)) target.splice(Number(key), 1);
        else delete record[key];
        break;
      case 4: // an unknown field
        setOwn(record, Array.isArray(target) ? String(keys.length) : random.pick(['extra', 'id', '__proto__', 'constructor', '', 'name ', 'NAME']), copy(random.pick(odd)));
        break;
      default: // wrap in an array
        setOwn(record, key, [record[key]]);
    }
  }
  return root.value;
}

/** JSON text of a mutated value, sometimes also damaged byte by byte; now and then the raw seed damaged only. */
export function mutateJson(random: Random, seed: unknown): Buffer {
  if (random.chance(0.3)) return mutateBytes(random, Buffer.from(JSON.stringify(seed)));
  const text = Buffer.from(JSON.stringify(mutateValue(random, seed)) ?? 'null');
  return random.chance(0.25) ? mutateBytes(random, text) : text;
}
