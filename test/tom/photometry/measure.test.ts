import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ZERO_POINT, measureAtPixel, measureAtSky, PhotometryError } from '../../../src/tom/photometry/index.ts';
import { frameFromCards, memoryFrame, renderScene, tanWcsCards } from './synthetic.ts';

const RA = 250.4235;
const DEC = 36.4613;
const isCode = (code: string) => (e: unknown) => e instanceof PhotometryError && e.code === code;

test('a noise-free star: flux, magnitude and position come back', () => {
  const data = renderScene({ width: 64, height: 64, sky: 150, stars: [{ x: 27.4, y: 35.8, flux: 50000, sigma: 1.3 }] });
  // Sky position of the star: the WCS puts (ra, dec) at 0-based (32, 32), 1"/px, east left.
  const frame = memoryFrame(data, 64, 64, { centre: [32, 32] });
  const ra = RA + (32 - 27.4) / 3600 / Math.cos((DEC * Math.PI) / 180);
  const dec = DEC + (35.8 - 32) / 3600;
  const m = measureAtSky(frame, { ra, dec }, { unit: 'pixel', radius: 6, annulus: [10, 16] });
  assert.ok(Math.abs(m.predicted.x - 27.4) < 0.01 && Math.abs(m.predicted.y - 35.8) < 0.01, `predicted ${JSON.stringify(m.predicted)}`);
  assert.equal(m.centroid, 'refined');
  assert.ok(Math.abs(m.x - 27.4) < 0.02 && Math.abs(m.y - 35.8) < 0.02, `centroid (${m.x}, ${m.y})`);
  assert.ok(Math.abs(m.sky.level - 150) < 1e-9, `sky ${m.sky.level}`);
  assert.ok(Math.abs(m.flux / 50000 - 1) < 1e-3, `flux ${m.flux}`);
  assert.ok(Math.abs(m.area - Math.PI * 36) < 1e-9);
  assert.ok(Math.abs(m.magnitude - (25 - 2.5 * Math.log10(m.flux / 60))) < 1e-12);
  assert.ok(Math.abs(m.magnitudeError - (1.0857362 * m.fluxError) / m.flux) < 1e-9);
  assert.ok(m.snr > 100);
});

test('radii default to arcsec and follow the pixel scale', () => {
  const data = renderScene({ width: 64, height: 64, sky: 100, stars: [{ x: 32, y: 32, flux: 20000 }] });
  const fine = measureAtPixel(memoryFrame(data, 64, 64, { pixelScale: 0.5 }), 32, 32);
  assert.equal(fine.radius, 10); // 5" at 0.5"/px
  assert.deepEqual(fine.annulus, [20, 32]); // 10" and 16"
  const coarse = measureAtPixel(memoryFrame(data, 64, 64, { pixelScale: 1 }), 32, 32);
  assert.equal(coarse.radius, 5);
  assert.throws(() => measureAtPixel(memoryFrame(data, 64, 64, { pixelScale: undefined }), 32, 32), isCode('bad-input'));
});

test('the reported flux error matches the scatter of repeated noisy measurements', () => {
  const fluxes: number[] = [];
  const errors: number[] = [];
  for (let seed = 1; seed <= 300; seed++) {
    const data = renderScene({
      width: 48,
      height: 48,
      // Star and background noise both matter here (≈ 2:1 in variance), so
      // dropping either term from the error model fails the test.
      sky: 100,
      stars: [{ x: 23.6, y: 24.2, flux: 20000, sigma: 1.2 }],
      noise: { gain: 2, readNoise: 6, seed },
    });
    const m = measureAtPixel(memoryFrame(data, 48, 48, { gain: 2, readNoise: 6 }), 23.6, 24.2, { unit: 'pixel', radius: 5, annulus: [9, 15] });
    fluxes.push(m.flux);
    errors.push(m.fluxError);
  }
  const mean = fluxes.reduce((a, b) => a + b, 0) / fluxes.length;
  const scatter = Math.sqrt(fluxes.reduce((a, b) => a + (b - mean) ** 2, 0) / (fluxes.length - 1));
  const quoted = errors.reduce((a, b) => a + b, 0) / errors.length;
  assert.ok(Math.abs(mean / 20000 - 1) < 0.01, `mean flux ${mean}`);
  assert.ok(quoted / scatter > 0.88 && quoted / scatter < 1.12, `quoted ${quoted} vs scatter ${scatter}`);
});

test('zero point: the ZP keyword when present, else the documented default', () => {
  const data = renderScene({ width: 48, height: 48, sky: 100, stars: [{ x: 24, y: 24, flux: 30000 }] });
  const base = { ...tanWcsCards(RA, DEC, [25, 25]), EXPTIME: 30, GAIN: 1.5, RDNOISE: 9, 'DATE-OBS': '2019-08-02T02:00:00' };
  const withZp = frameFromCards(48, 48, data, { ...base, ZP: 21.5 });
  const without = frameFromCards(48, 48, data, base);
  assert.equal(withZp.zeroPoint, 21.5);
  assert.equal(withZp.zeroPointSource, 'header');
  assert.equal(without.zeroPoint, DEFAULT_ZERO_POINT);
  assert.equal(without.zeroPointSource, 'default');
  const a = measureAtSky(withZp, { ra: RA, dec: DEC });
  const b = measureAtSky(without, { ra: RA, dec: DEC });
  assert.ok(Math.abs(b.magnitude - a.magnitude - (DEFAULT_ZERO_POINT - 21.5)) < 1e-9);
  // EXPTIME enters as flux per second.
  assert.ok(Math.abs(a.magnitude - (21.5 - 2.5 * Math.log10(a.flux / 30))) < 1e-12);
});

test('a position off the image is refused with a typed error', () => {
  const frame = memoryFrame(renderScene({ width: 40, height: 40 }), 40, 40, { file: 'f.fits' });
  // 100" west of the field: far off a 40" image.
  assert.throws(() => measureAtSky(frame, { ra: RA + 0.05, dec: DEC }), (e: unknown) => isCode('off-image')(e) && /off the 40x40 image/.test((e as Error).message));
  // The far side of the sky projects to NaN; still off-image, not a crash.
  assert.throws(() => measureAtSky(frame, { ra: RA + 180, dec: -DEC }), isCode('off-image'));
  assert.throws(() => measureAtPixel(frame, -3, 10, { unit: 'pixel' }), isCode('off-image'));
  // On the image, but the aperture would hang over the edge.
  assert.throws(() => measureAtPixel(frame, 1, 20, { unit: 'pixel', radius: 4, annulus: [6, 9] }), isCode('off-image'));
});

test('a frame without WCS: sky positions are refused (no-wcs), pixel positions still work', () => {
  const data = renderScene({ width: 40, height: 40, sky: 50, stars: [{ x: 20, y: 20, flux: 10000 }] });
  const frame = frameFromCards(40, 40, data, { EXPTIME: 10, 'DATE-OBS': '2019-08-02T03:00:00' }, 'nowcs.fits');
  assert.equal(frame.wcs, null);
  assert.match(frame.wcsProblem ?? '', /CTYPE/);
  assert.throws(
    () => measureAtSky(frame, { ra: RA, dec: DEC }),
    (e: unknown) => isCode('no-wcs')(e) && /nowcs\.fits/.test((e as Error).message) && /CTYPE/.test((e as Error).message),
  );
  const m = measureAtPixel(frame, 20, 20, { unit: 'pixel' });
  assert.ok(Math.abs(m.flux / 10000 - 1) < 0.01, `flux ${m.flux}`);
});

test('no light above the sky is refused as non-positive flux', () => {
  const frame = memoryFrame(new Float64Array(40 * 40).fill(120), 40, 40);
  assert.throws(() => measureAtSky(frame, { ra: RA, dec: DEC }), isCode('non-positive-flux'));
  // A dip below the sky (e.g. a bad column) too.
  const dip = renderScene({ width: 40, height: 40, sky: 120, stars: [{ x: 20, y: 20, flux: -3000 }] });
  assert.throws(() => measureAtPixel(memoryFrame(dip, 40, 40), 20, 20, { centroid: false }), isCode('non-positive-flux'));
});
