import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dequantize, randomSequence, ZERO_VALUE } from '../../../src/tom/fits/compressed/dither.ts';
import { unshuffle } from '../../../src/tom/fits/compressed/gzip.ts';
import { riceDecode } from '../../../src/tom/fits/compressed/rice.ts';
import { placeTile, tileBox, tileGrid } from '../../../src/tom/fits/compressed/tiles.ts';
import { FitsError } from '../../../src/tom/fits/index.ts';

/** Packs a string of '0'/'1' (spaces ignored) into bytes, zero-padded. */
function bits(text: string): number[] {
  const clean = text.replace(/\s+/g, '');
  const out: number[] = [];
  for (let i = 0; i < clean.length; i += 8) out.push(parseInt(clean.slice(i, i + 8).padEnd(8, '0'), 2));
  return out;
}

function rice(bytes: number[], count: number, bytePix: number, blockSize = 32): number[] {
  const out = new Int32Array(count);
  riceDecode(Uint8Array.from(bytes), out, blockSize, bytePix);
  return Array.from(out);
}

test('RICE_1: a zero block repeats the first pixel', () => {
  assert.deepEqual(rice([10, ...bits('000')], 4, 1), [10, 10, 10, 10]);
});

test('RICE_1: split coding with fs = 1 (code 010)', () => {
  // Pixels 10, 11, 9, 9: differences 0, 1, -2, 0, zig-zagged 0, 2, 3, 0;
  // each as unary(v >> 1) then 1 low bit.
  assert.deepEqual(rice([10, ...bits('010 1 0 01 0 01 1 1 0')], 4, 1), [10, 11, 9, 9]);
});

test('RICE_1: verbatim block (code FSMAX+1) wraps 8-bit values', () => {
  // Differences 0, -1, +2 (zig-zag 0, 1, 4) from 0: 0, 255, 1.
  assert.deepEqual(rice([0, ...bits('111 00000000 00000001 00000100')], 3, 1), [0, 255, 1]);
});

test('RICE_1: 16-bit first value is signed and blocks restart the code', () => {
  // First pixel -2 (0xFFFE); block 1 (size 2) all zero, block 2 verbatim +3 then -3 (zig-zag 6, 5).
  const stream = [0xff, 0xfe, ...bits('0000 1111 0000000000000110 0000000000000101')];
  assert.deepEqual(rice(stream, 4, 2, 2), [-2, -2, 1, -2]);
});

test('RICE_1: damaged streams throw FitsError instead of reading past the end', () => {
  assert.throws(() => rice([10, ...bits('010 1')], 64, 1), (e: unknown) => e instanceof FitsError && /ends early/.test(e.message));
  assert.throws(() => rice([1], 4, 1), (e: unknown) => e instanceof FitsError && /too short/.test(e.message));
  // 5-bit code 31 is above FSMAX + 1 = 26 for BYTEPIX 4.
  assert.throws(() => rice([0, 0, 0, 1, ...bits('11111 000')], 4, 4), (e: unknown) => e instanceof FitsError && /code 31 out of range/.test(e.message));
  assert.throws(() => rice([0, 0], 1, 8), (e: unknown) => e instanceof FitsError && /BYTEPIX 8/.test(e.message));
  // All-zero bytes after a split-coding code: the unary count must stop at the end.
  assert.throws(() => rice([0, ...bits('001'), 0, 0, 0, 0], 8, 1), (e: unknown) => e instanceof FitsError);
});

test('dither sequence: Park-Miller with seed 1, stored as float32', () => {
  const r = randomSequence();
  assert.equal(r.length, 10000);
  assert.equal(r[0], Math.fround(16807 / 2147483647));
  assert.equal(r[1], Math.fround(282475249 / 2147483647));
  // The standard's check value: the 10000th seed is 1043618065.
  assert.equal(r[9999], Math.fround(1043618065 / 2147483647));
});

test('dequantize: NO_DITHER is i * scale + zero, ZBLANK is NaN', () => {
  const out = new Float64Array(3);
  dequantize(Int32Array.from([0, 5, -7]), out, { method: 'NO_DITHER', scale: 0.5, zero: 10, blank: -7, tile: 1, dither0: 1 });
  assert.deepEqual(Array.from(out.slice(0, 2)), [10, 12.5]);
  assert.ok(Number.isNaN(out[2]));
});

test('dequantize: subtractive dither offsets start per tile from ZDITHER0', () => {
  const r = randomSequence();
  const check = (tile: number, dither0: number) => {
    const out = new Float64Array(4);
    dequantize(Int32Array.from([3, 3, 3, 3]), out, { method: 'SUBTRACTIVE_DITHER_1', scale: 2, zero: 1, blank: undefined, tile, dither0 });
    const seed = (tile - 1 + dither0 - 1) % 10000;
    const first = Math.floor(r[seed] * 500);
    for (let i = 0; i < 4; i++) assert.equal(out[i], (3 - r[first + i] + 0.5) * 2 + 1);
  };
  check(1, 1);
  check(7, 123);
  check(10000, 10000); // wraps: seed index (10000 - 1 + 9999) % 10000
});

test('dequantize: SUBTRACTIVE_DITHER_2 keeps exact zeros; nulls and zeros still use up offsets', () => {
  const r = randomSequence();
  const out = new Float32Array(4);
  dequantize(Int32Array.from([ZERO_VALUE, -2147483647, 4, 4]), out, {
    method: 'SUBTRACTIVE_DITHER_2', scale: 1, zero: 0, blank: -2147483647, tile: 1, dither0: 1,
  });
  assert.ok(Object.is(out[0], 0));
  assert.ok(Number.isNaN(out[1]));
  const first = Math.floor(r[0] * 500);
  assert.equal(out[2], Math.fround(4 - r[first + 2] + 0.5));
  assert.equal(out[3], Math.fround(4 - r[first + 3] + 0.5));
});

test('GZIP_2 unshuffle puts byte planes back together', () => {
  // Two 16-bit values 0x0102, 0x0304 shuffled: MSBs 01 03, then LSBs 02 04.
  assert.deepEqual(Array.from(unshuffle(Uint8Array.from([1, 3, 2, 4]), 2)), [1, 2, 3, 4]);
});

test('tiles: edge tiles are short and land at their place in the image', () => {
  // 5 x 3 image, 2 x 2 tiles: 3 x 2 tiles, the last column and row short.
  const grid = tileGrid([5, 3], [2, 2]);
  assert.deepEqual(grid.counts, [3, 2]);
  const image = new Float32Array(15).fill(-1);
  for (let t = 0; t < grid.total; t++) {
    const box = tileBox(grid, t);
    const tile = new Float32Array(box.pixels).fill(t);
    placeTile(grid, box, tile, image);
  }
  assert.deepEqual(Array.from(image), [0, 0, 1, 1, 2, 0, 0, 1, 1, 2, 3, 3, 4, 4, 5]);
});
