import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFits, readFirstImage, readImage } from '../../../src/tom/fits/index.ts';
import { assertImageMatches, expectation, fixtureBytes, type ImageExpectation } from './fixtures.ts';

interface PlainExpectation {
  hdu: number;
  hduCount: number;
  image: ImageExpectation;
  header: [string, unknown][];
}

// Every BITPIX, with BSCALE/BZERO and BLANK where the fixture has them.
const PLAIN = [
  { name: 'bitpix8_scaled.fits', array: Float32Array },
  { name: 'bitpix16_scaled.fits', array: Float32Array },
  { name: 'bitpix16_unsigned.fits', array: Float32Array },
  { name: 'bitpix32_blank.fits', array: Float64Array },
  { name: 'bitpix64_scaled.fits', array: Float64Array },
  { name: 'bitpix-32.fits', array: Float32Array },
  { name: 'bitpix-64_scaled.fits', array: Float64Array },
  { name: 'cube16.fits', array: Float32Array },
];

for (const { name, array } of PLAIN) {
  test(`${name}: every pixel equals astropy's physical value`, () => {
    const exp = expectation<PlainExpectation>(name);
    const fits = readFits(fixtureBytes(name), { name });
    assert.equal(fits.hdus.length, exp.hduCount);
    const image = readImage(fits.hdus[exp.hdu]);
    assert.equal(image.bitpix, exp.image.bitpix);
    assert.ok(image.data instanceof array, `expected ${array.name}, got ${image.data.constructor.name}`);
    assertImageMatches(image, exp.image, 0, name);
    // The header's value cards, as astropy reads them.
    const cards = fits.hdus[exp.hdu].header.cards.filter((c) => !c.commentary);
    assert.deepEqual(
      cards.map((c) => [c.keyword, c.value]),
      exp.header,
    );
  });
}

test('BLANK pixels become NaN and scaled values use BSCALE/BZERO', () => {
  // bitpix8_scaled: BSCALE 2, BZERO -5, BLANK 255 at (0,0) and (3,2).
  const image = readFirstImage(readFits(fixtureBytes('bitpix8_scaled.fits')));
  assert.ok(Number.isNaN(image.data[0]));
  assert.ok(Number.isNaN(image.data[2 * image.width + 3]));
  const raw = fixtureBytes('bitpix8_scaled.fits')[2880 + 1];
  assert.equal(image.data[1], raw * 2 - 5);
});

test('BITPIX 64 values above 2^53 are rounded, not wrapped', () => {
  // The fixture stores 2^53 + 2 (+ BZERO 100) at pixel 0.
  const image = readFirstImage(readFits(fixtureBytes('bitpix64_scaled.fits')));
  assert.equal(image.data[0], 2 ** 53 + 2 + 100);
});

test('IEEE specials survive: NaN, +Infinity, -0', () => {
  const image = readFirstImage(readFits(fixtureBytes('bitpix-32.fits')));
  const w = image.width;
  assert.ok(Number.isNaN(image.data[5 * w + 5]));
  assert.equal(image.data[6 * w + 7], Number.POSITIVE_INFINITY);
  assert.ok(Object.is(image.data[19], -0));
});

test('forceFloat64 gives a Float64Array with the same values', () => {
  const fits = readFits(fixtureBytes('bitpix16_scaled.fits'));
  const narrow = readImage(fits.hdus[0]);
  const wide = readImage(fits.hdus[0], { forceFloat64: true });
  assert.ok(wide.data instanceof Float64Array);
  assert.deepEqual(Array.from(wide.data), Array.from(narrow.data));
});

test('rows are kept in file order (first FITS row first, not flipped)', () => {
  const bytes = fixtureBytes('bitpix16_unsigned.fits');
  const image = readFirstImage(readFits(bytes));
  // Last stored value in the file = last pixel of the top row.
  const n = image.width * image.height;
  const last = bytes.readInt16BE(2880 + (n - 1) * 2) + 32768;
  assert.equal(image.data[n - 1], last);
  const first = bytes.readInt16BE(2880) + 32768;
  assert.equal(image.data[0], first);
});

test('a cube keeps all planes; width and height are NAXIS1 and NAXIS2', () => {
  const image = readFirstImage(readFits(fixtureBytes('cube16.fits')));
  assert.deepEqual(image.naxes, [5, 4, 3]);
  assert.equal(image.width, 5);
  assert.equal(image.height, 4);
  assert.equal(image.data.length, 60);
});
