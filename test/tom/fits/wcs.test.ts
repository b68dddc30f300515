import { test } from 'node:test';
import assert from 'node:assert/strict';
import { celestialWcs, FitsError, Header, readFits } from '../../../src/tom/fits/index.ts';
import { parseCard } from '../../../src/tom/fits/card.ts';
import { expectation, fixtureBytes } from './fixtures.ts';

interface WcsExpectation {
  origin: number;
  pairs: { pixel: [number, number]; sky: [number, number]; roundTrip: [number, number] }[];
}

const CASES = ['wcs_tan_cd.fits', 'wcs_tan_pc.fits', 'wcs_tan_crota.fits', 'wcs_tan_cdelt_pole.fits', 'wcs_tan_swapped.fits'];

/** Angular separation in degrees (haversine, fine for tiny angles). */
function separation(ra1: number, dec1: number, ra2: number, dec2: number): number {
  const r = Math.PI / 180;
  const h = Math.sin(((dec2 - dec1) * r) / 2) ** 2 + Math.cos(dec1 * r) * Math.cos(dec2 * r) * Math.sin(((ra2 - ra1) * r) / 2) ** 2;
  return (2 * Math.asin(Math.sqrt(h))) / r;
}

for (const name of CASES) {
  test(`${name}: pixelToSky and skyToPixel agree with astropy (origin 1)`, () => {
    const exp = expectation<WcsExpectation>(name);
    assert.equal(exp.origin, 1);
    assert.ok(exp.pairs.length >= 4);
    const wcs = celestialWcs(readFits(fixtureBytes(name)).hdus[0].header);
    for (const { pixel, sky } of exp.pairs) {
      const got = wcs.pixelToSky(pixel[0], pixel[1]);
      assert.ok(got.ra >= 0 && got.ra < 360);
      const sep = separation(got.ra, got.dec, sky[0], sky[1]);
      assert.ok(sep < 1e-9, `${name} pixel ${pixel}: ${got.ra},${got.dec} vs ${sky} (${sep} deg)`);
      const back = wcs.skyToPixel(sky[0], sky[1]);
      assert.ok(Math.abs(back.x - pixel[0]) < 1e-7 && Math.abs(back.y - pixel[1]) < 1e-7, `${name} sky ${sky}: ${back.x},${back.y}`);
    }
  });
}

test('0-based helpers are the 1-based functions shifted by one pixel', () => {
  const wcs = celestialWcs(readFits(fixtureBytes('wcs_tan_cd.fits')).hdus[0].header);
  const a = wcs.pixelToSky(1, 1);
  const b = wcs.pixelToSky0(0, 0);
  assert.equal(a.ra, b.ra);
  assert.equal(a.dec, b.dec);
  const p = wcs.skyToPixel0(a.ra, a.dec);
  assert.ok(Math.abs(p.x) < 1e-8 && Math.abs(p.y) < 1e-8);
  // CRPIX maps to CRVAL.
  const ref = wcs.pixelToSky(wcs.crpix[0], wcs.crpix[1]);
  assert.ok(separation(ref.ra, ref.dec, wcs.crval[0], wcs.crval[1]) < 1e-12);
});

test('points on the far hemisphere do not project', () => {
  const wcs = celestialWcs(readFits(fixtureBytes('wcs_tan_cd.fits')).hdus[0].header);
  const p = wcs.skyToPixel(wcs.crval[0] + 180, -wcs.crval[1]);
  assert.ok(Number.isNaN(p.x) && Number.isNaN(p.y));
});

function header(lines: string[]): Header {
  return new Header(lines.map((l) => parseCard(l.padEnd(80, ' '))));
}

const noWcs = (pattern: RegExp) => (e: unknown) => e instanceof FitsError && /no usable celestial TAN WCS/.test(e.message) && pattern.test(e.message);

test('headers without a usable TAN WCS are refused with a clear FitsError', () => {
  const sip = readFits(fixtureBytes('wcs_tan_sip.fits')).hdus[0].header;
  assert.throws(() => celestialWcs(sip, { file: 'wcs_tan_sip.fits' }), (e: unknown) => noWcs(/RA---TAN-SIP is not supported/)(e) && (e as FitsError).message.startsWith('wcs_tan_sip.fits: '));
  const linear = readFits(fixtureBytes('wcs_linear.fits')).hdus[0].header;
  assert.throws(() => celestialWcs(linear), noWcs(/'LINEAR'/));
  assert.throws(() => celestialWcs(header([])), noWcs(/CTYPE1/));
  assert.throws(
    () => celestialWcs(header(["CTYPE1  = 'RA---SIN'", "CTYPE2  = 'DEC--SIN'"])),
    noWcs(/RA---SIN is not TAN/),
  );
  assert.throws(
    () => celestialWcs(header(["CTYPE1  = 'RA---TAN'", "CTYPE2  = 'DEC--TAN'", 'CRPIX1  = 1.0', 'CRPIX2  = 1.0', 'CRVAL1  = 10.0'])),
    noWcs(/CRVAL2 is missing/),
  );
  assert.throws(
    () =>
      celestialWcs(
        header(["CTYPE1  = 'RA---TAN'", "CTYPE2  = 'DEC--TAN'", 'CRPIX1  = 1.0', 'CRPIX2  = 1.0', 'CRVAL1  = 10.0', 'CRVAL2  = 1.0', 'CD1_1   = 0.0']),
      ),
    noWcs(/singular/),
  );
});

test('CDELT alone (no CD, PC or CROTA) is a diagonal matrix', () => {
  const wcs = celestialWcs(
    header(["CTYPE1  = 'RA---TAN'", "CTYPE2  = 'DEC--TAN'", 'CRPIX1  = 1.0', 'CRPIX2  = 1.0', 'CRVAL1  = 0.0', 'CRVAL2  = 0.0', 'CDELT1  = -0.001', 'CDELT2  = 0.001']),
  );
  assert.deepEqual(wcs.cd.flat().map((v) => v + 0), [-0.001, 0, 0, 0.001]); // + 0 turns -0 into 0
  // On the equator, one pixel up is 0.001 deg north.
  const p = wcs.pixelToSky(1, 2);
  assert.ok(Math.abs(p.dec - 0.001) < 1e-12);
  assert.ok(Math.abs(p.ra) < 1e-12 || Math.abs(p.ra - 360) < 1e-12);
});
