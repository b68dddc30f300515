import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annulusSky, PhotometryError, refineCentroid, sigmaClip } from '../../../src/tom/photometry/index.ts';
import { memoryFrame, renderScene, seededGaussian } from './synthetic.ts';

test('centroid finds a star placed off-centre, from a guess more than a pixel away', () => {
  const data = renderScene({ width: 80, height: 80, sky: 200, stars: [{ x: 40.3, y: 52.7, flux: 40000, sigma: 1.4 }], noise: { gain: 1.5, readNoise: 8, seed: 7 } });
  const frame = memoryFrame(data, 80, 80);
  const found = refineCentroid(frame, 41.4, 51.6, { halfWidth: 5, maxShift: 3, background: 200, threshold: 12 });
  assert.equal(found.status, 'refined');
  assert.ok(Math.abs(found.x - 40.3) < 0.05 && Math.abs(found.y - 52.7) < 0.05, `found (${found.x}, ${found.y})`);
  assert.ok(Math.abs(found.shift - Math.hypot(1.1, 1.1)) < 0.1, `shift ${found.shift}`);
});

test('centroid keeps the guess when the light is farther than maxShift (a neighbour) or absent', () => {
  // Faint target at the guess, much brighter neighbour 4 px away: the box sees mostly the neighbour.
  const data = renderScene({ width: 60, height: 60, sky: 100, stars: [{ x: 30, y: 30, flux: 500 }, { x: 34, y: 30, flux: 200000 }] });
  const frame = memoryFrame(data, 60, 60);
  const pulled = refineCentroid(frame, 30, 30, { halfWidth: 5, maxShift: 1.5, background: 100 });
  assert.equal(pulled.status, 'too-far');
  assert.deepEqual([pulled.x, pulled.y], [30, 30]);
  assert.ok(pulled.shift > 1.5, `shift ${pulled.shift}`);

  const flat = memoryFrame(new Float64Array(60 * 60).fill(100), 60, 60);
  const none = refineCentroid(flat, 20.2, 20.7, { background: 100, threshold: 1 });
  assert.equal(none.status, 'no-signal');
  assert.deepEqual([none.x, none.y], [20.2, 20.7]);
});

test('sigma clipping drops outliers and keeps the bulk', () => {
  const gauss = seededGaussian(3);
  const values = Array.from({ length: 500 }, () => 50 + 2 * gauss());
  const kept = sigmaClip([...values, 500, 900, 1200], 3, 5);
  assert.ok(!kept.includes(500) && !kept.includes(900) && !kept.includes(1200));
  assert.ok(kept.length >= 490, `kept ${kept.length}`);
});

test('annulus sky: the clipped median ignores a star sitting in the annulus', () => {
  const data = renderScene({
    width: 80,
    height: 80,
    sky: 300,
    stars: [{ x: 52, y: 40, flux: 60000, sigma: 1.2 }],
    noise: { gain: 1, readNoise: 5, seed: 11 },
  });
  const frame = memoryFrame(data, 80, 80);
  const sky = annulusSky(frame, 40, 40, 9, 15);
  assert.ok(Math.abs(sky.level - 300) < 1.5, `sky ${sky.level}`);
  // Noise per pixel is sqrt(300 + 25) ≈ 18 ADU.
  assert.ok(Math.abs(sky.sigma - Math.sqrt(325)) < 2, `sigma ${sky.sigma}`);
  assert.ok(sky.rejected > 0, 'the star pixels are rejected');
  // Near a corner the annulus is mostly off the image but still usable.
  const corner = annulusSky(frame, 2, 2, 9, 15);
  assert.ok(corner.count > 20 && corner.count < Math.PI * (225 - 81) / 2);
});

test('annulus sky: too few pixels is a no-sky error', () => {
  const frame = memoryFrame(new Float64Array(20 * 20).fill(Number.NaN), 20, 20);
  assert.throws(() => annulusSky(frame, 10, 10, 3, 6), (e: unknown) => e instanceof PhotometryError && e.code === 'no-sky');
});
