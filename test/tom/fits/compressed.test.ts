import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { FitsError, findImageHdu, readFits, readFirstImage, readImage, type Header } from '../../../src/tom/fits/index.ts';
import { assertImageMatches, expectation, FIXTURE_DIR, fixtureBytes, type ImageExpectation } from './fixtures.ts';

interface CompressedExpectation {
  fpackOptions: string[];
  hduCount: number;
  images: Record<
    string,
    {
      zcmptype: string;
      zquantiz: string | null;
      zbitpix: number;
      image: ImageExpectation;
      funpackHeader: [string, unknown][];
      astropyHeader: [string, unknown][];
    }
  >;
}

const COMPRESSED = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.fz') && !f.includes('hcompress'));

test('the compressed fixtures cover every supported algorithm and quantization', () => {
  const seen = new Set<string>();
  for (const name of COMPRESSED) {
    for (const img of Object.values(expectation<CompressedExpectation>(name).images)) {
      seen.add(img.zcmptype);
      if (img.zquantiz) seen.add(img.zquantiz);
    }
  }
  for (const want of ['RICE_1', 'RICE_ONE', 'GZIP_1', 'GZIP_2', 'NOCOMPRESS', 'NO_DITHER', 'SUBTRACTIVE_DITHER_1', 'SUBTRACTIVE_DITHER_2', 'NONE']) {
    assert.ok(seen.has(want), `no fixture with ${want}`);
  }
});

for (const name of COMPRESSED) {
  test(`${name}: pixels equal funpack's decoding`, () => {
    const exp = expectation<CompressedExpectation>(name);
    const fits = readFits(fixtureBytes(name), { name });
    assert.equal(fits.hdus.length, exp.hduCount);
    const indices = Object.keys(exp.images);
    assert.ok(indices.length > 0);
    for (const index of indices) {
      const want = exp.images[index];
      const hdu = fits.hdus[Number(index)];
      assert.equal(hdu.kind, 'compressed-image');
      const image = readImage(hdu);
      assert.equal(image.bitpix, want.zbitpix);
      assert.equal(image.data instanceof Float64Array, [32, 64, -64].includes(want.zbitpix));
      // Quantized floats are lossy, so the reference is funpack's decoding,
      // and that is matched exactly (same dither offsets, same double
      // arithmetic, same rounding to float32), not just to 1e-6.
      assertImageMatches(image, want.image, 0, `${name} HDU ${index}`);
    }
  });

  test(`${name}: header is restored as the image header`, () => {
    const exp = expectation<CompressedExpectation>(name);
    const fits = readFits(fixtureBytes(name), { name });
    for (const [index, want] of Object.entries(exp.images)) {
      const header = fits.hdus[Number(index)].header;
      assertRestoredHeader(header, want.zbitpix, want.funpackHeader, want.astropyHeader);
      // The table header is still there, untouched.
      assert.equal(fits.hdus[Number(index)].storedHeader.getBoolean('ZIMAGE'), true);
    }
  });
}

/** Keywords that describe a file rather than the image: checksums are rewritten by funpack. */
const UNSTABLE = new Set(['CHECKSUM', 'DATASUM']);

function assertRestoredHeader(
  header: Header,
  zbitpix: number,
  funpack: [string, unknown][],
  astropy: [string, unknown][],
): void {
  const mine = header.cards.filter((c) => !c.commentary && !UNSTABLE.has(c.keyword));
  // funpack writes a scaled integer image back as BITPIX -64 (it applies
  // BSCALE/BZERO); there astropy's restored header is the reference, minus
  // the compression keywords it leaves in.
  const funpackRescaled = funpack.find(([k]) => k === 'BITPIX')?.[1] !== zbitpix;
  const reference = (funpackRescaled ? astropy.filter(([k]) => !['ZBLANK', 'ZDITHER0'].includes(k)) : funpack).filter(
    ([k]) => !UNSTABLE.has(k),
  );
  const order = (keys: string[]) => (funpackRescaled ? [...keys].sort() : keys);
  assert.deepEqual(order(mine.map((c) => c.keyword)), order(reference.map(([k]) => k)));
  for (const [key, value] of reference) {
    if (typeof value === 'string') assert.equal(header.getString(key)?.trimEnd(), value.trimEnd(), key);
    else assert.deepEqual(header.get(key), value, key);
  }
  assert.equal(header.getInt('BITPIX'), zbitpix);
  for (const gone of ['ZIMAGE', 'ZCMPTYPE', 'ZBITPIX', 'ZNAXIS', 'TFIELDS', 'TTYPE1', 'TFORM1', 'ZTILE1', 'ZQUANTIZ']) {
    assert.equal(header.has(gone), false, `${gone} should not be in the restored header`);
  }
}

test('the empty primary of a compressed MEF is skipped by findImageHdu', () => {
  const fits = readFits(fixtureBytes('mef.fits.fz'));
  assert.equal(fits.hdus[0].kind, 'image');
  assert.equal(findImageHdu(fits).index, 1);
  assert.equal(readFirstImage(fits).header.getString('EXTNAME'), 'SCI');
  // Uncompressed tables pass through fpack untouched.
  assert.deepEqual(
    fits.hdus.map((h) => h.kind),
    ['image', 'compressed-image', 'bintable', 'table', 'compressed-image'],
  );
});

test('compressed and plain versions of the same image agree exactly (lossless codecs)', () => {
  const rice = readFirstImage(readFits(fixtureBytes('int16_rice.fits.fz')));
  for (const other of ['int16_gzip1.fits.fz', 'int16_gzip2.fits.fz', 'int16_nocompress.fits.fz', 'int16_rice_tiles20.fits.fz']) {
    assert.deepEqual(readFirstImage(readFits(fixtureBytes(other))).data, rice.data, other);
  }
});

test('HCOMPRESS is reported as unsupported, naming the file and HDU', () => {
  const name = 'int16_hcompress.fits.fz';
  const fits = readFits(fixtureBytes(name), { name });
  const hdu = findImageHdu(fits);
  assert.equal(hdu.header.getInt('BITPIX'), 16);
  assert.throws(
    () => readImage(hdu),
    (e: unknown) =>
      e instanceof FitsError &&
      e.message.startsWith(`${name}: unsupported compression 'HCOMPRESS_1' in HDU 1`) &&
      e.file === name &&
      e.hdu === 1,
  );
});
