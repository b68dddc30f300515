import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findImageHdu, FitsError, readFits, readImage } from '../../../src/tom/fits/index.ts';
import { assertImageMatches, expectation, fixtureBytes, type ImageExpectation } from './fixtures.ts';

interface MefExpectation {
  hduCount: number;
  hdus: { index: number; xtension: string | null; extname: string | null; bitpix: number; naxes: number[] }[];
  images: Record<string, ImageExpectation>;
}

test('mef.fits: every HDU is found, tables are stepped over by their declared size', () => {
  const exp = expectation<MefExpectation>('mef.fits');
  const fits = readFits(fixtureBytes('mef.fits'), { name: 'mef.fits' });
  assert.equal(fits.hdus.length, exp.hduCount);
  assert.equal(fits.trailingBytes, 0);
  assert.deepEqual(
    fits.hdus.map((h) => h.kind),
    ['image', 'image', 'bintable', 'table', 'image'],
  );
  for (const want of exp.hdus) {
    const hdu = fits.hdus[want.index];
    assert.equal(hdu.index, want.index);
    assert.equal(hdu.header.getString('XTENSION') ?? null, want.xtension);
    assert.equal(hdu.header.getString('EXTNAME') ?? null, want.extname);
    assert.equal(hdu.header.getInt('BITPIX'), want.bitpix);
    const naxis = hdu.header.getInt('NAXIS', 0);
    assert.deepEqual(
      Array.from({ length: naxis }, (_, i) => hdu.header.getInt(`NAXIS${i + 1}`)),
      want.naxes,
    );
  }
});

test('mef.fits: image extensions decode to astropy values', () => {
  const exp = expectation<MefExpectation>('mef.fits');
  const fits = readFits(fixtureBytes('mef.fits'));
  const indices = Object.keys(exp.images);
  assert.deepEqual(indices, ['1', '4']);
  for (const index of indices) {
    assertImageMatches(readImage(fits.hdus[Number(index)]), exp.images[index], 0, `HDU ${index}`);
  }
});

test('findImageHdu skips an empty primary and picks the first image extension', () => {
  const fits = readFits(fixtureBytes('mef.fits'));
  assert.equal(fits.hdus[0].header.getInt('NAXIS'), 0);
  assert.equal(findImageHdu(fits).index, 1);
  const single = readFits(fixtureBytes('bitpix-32.fits'));
  assert.equal(findImageHdu(single).index, 0);
});

test('readImage refuses a table HDU with FitsError naming file and HDU', () => {
  const fits = readFits(fixtureBytes('mef.fits'), { name: 'mef.fits' });
  assert.throws(
    () => readImage(fits.hdus[2]),
    (e: unknown) => e instanceof FitsError && e.message === 'mef.fits: not an image in HDU 2 (HDU kind: bintable)' && e.hdu === 2,
  );
});

test('an empty primary HDU decodes to an empty image', () => {
  const fits = readFits(fixtureBytes('mef.fits'));
  const image = readImage(fits.hdus[0]);
  assert.equal(image.data.length, 0);
  assert.deepEqual(image.naxes, []);
});

/** A header block from card texts (END added), padded to 2880 bytes. */
function headerBlock(cards: string[]): Buffer {
  const text = [...cards, 'END'].map((c) => c.padEnd(80, ' ')).join('');
  return Buffer.from(text.padEnd(Math.ceil(text.length / 2880) * 2880, ' '), 'latin1');
}

/** A data block of `length` bytes of `fill`, zero-padded to 2880 bytes. */
function dataBlock(length: number, fill: number): Buffer {
  const block = Buffer.alloc(Math.ceil(length / 2880) * 2880, 0);
  block.fill(fill, 0, length);
  return block;
}

test('unknown extensions and random groups are sized from NAXISn, PCOUNT and GCOUNT and skipped', () => {
  const bytes = Buffer.concat([
    // Random groups: |BITPIX|/8 * GCOUNT * (PCOUNT + NAXIS2*NAXIS3) = 2 * 3 * (2 + 4*5) = 132 bytes.
    headerBlock([
      'SIMPLE  =                    T', 'BITPIX  =                   16', 'NAXIS   =                    3',
      'NAXIS1  =                    0', 'NAXIS2  =                    4', 'NAXIS3  =                    5',
      'GROUPS  =                    T', 'PCOUNT  =                    2', 'GCOUNT  =                    3',
    ]),
    dataBlock(132, 0x41),
    // An extension type this reader does not know: 8 * 1 * (5 + 10*300) = 24040 bytes.
    headerBlock([
      "XTENSION= 'FOREIGN '", 'BITPIX  =                   64', 'NAXIS   =                    2',
      'NAXIS1  =                   10', 'NAXIS2  =                  300', 'PCOUNT  =                    5',
      'GCOUNT  =                    1',
    ]),
    dataBlock(8 * (5 + 10 * 300), 0x42),
    headerBlock([
      "XTENSION= 'IMAGE   '", 'BITPIX  =                    8', 'NAXIS   =                    2',
      'NAXIS1  =                    3', 'NAXIS2  =                    2', 'PCOUNT  =                    0',
      'GCOUNT  =                    1', 'BZERO   =                  -10',
    ]),
    dataBlock(6, 7),
  ]);
  const fits = readFits(bytes, { name: 'synthetic.fits' });
  assert.deepEqual(fits.hdus.map((h) => h.kind), ['random-groups', 'other', 'image']);
  assert.deepEqual(fits.hdus.map((h) => h.data.length), [132, 24040, 6]);
  assert.deepEqual(fits.hdus.map((h) => h.offset), [0, 5760, 5760 + 2880 + 9 * 2880]);
  assert.equal(fits.trailingBytes, 0);
  assert.deepEqual(Array.from(readImage(fits.hdus[2]).data), [-3, -3, -3, -3, -3, -3]);
  assert.equal(findImageHdu(fits).index, 2);
  assert.throws(() => readImage(fits.hdus[1]), (e: unknown) => e instanceof FitsError && /not an image in HDU 1 \(HDU kind: other\)/.test(e.message));
});
