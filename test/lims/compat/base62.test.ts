import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE62_ALPHABET, Base62Error, decodeBase62, encodeBase62 } from '../../../src/lims/compat/base62.ts';

test('base62: the spec examples round trip', () => {
  const pairs: Array<[number, string]> = [
    [1737475200, '1taGfY'],
    [56800235583, 'zzzzzz'],
    [56800235584, '1000000'],
    [0, '0'],
    [61, 'z'],
    [62, '10'],
  ];
  for (const [value, text] of pairs) {
    assert.equal(encodeBase62(value), text);
    assert.equal(decodeBase62(text), value);
  }
});

test('base62: alphabet order is digits, upper case, lower case', () => {
  assert.equal(BASE62_ALPHABET.length, 62);
  assert.equal(encodeBase62(10), 'A');
  assert.equal(encodeBase62(36), 'a');
});

test('base62: random values round trip', () => {
  for (let i = 0; i < 500; i++) {
    const value = Math.floor(Math.random() * Number.MAX_SAFE_INTEGER);
    assert.equal(decodeBase62(encodeBase62(value)), value);
  }
  assert.equal(decodeBase62(encodeBase62(Number.MAX_SAFE_INTEGER)), Number.MAX_SAFE_INTEGER);
});

test('base62: leading zeros decode like the original converter', () => {
  assert.equal(decodeBase62('001taGfY'), 1737475200);
});

test('base62: decode rejects empty text and characters outside the alphabet', () => {
  for (const bad of ['', '-1taGfY', '1taG$Y', '1taG Y', ' 1taGfY', '1taGfY=', 'é', '１']) {
    assert.throws(() => decodeBase62(bad), Base62Error, JSON.stringify(bad));
  }
});

test('base62: decode rejects values beyond the safe integer range', () => {
  assert.throws(() => decodeBase62('zzzzzzzzzz'), Base62Error);
});

test('base62: encode rejects negative, fractional and unsafe numbers', () => {
  for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
    assert.throws(() => encodeBase62(bad), Base62Error, String(bad));
  }
});
