import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  areaWeights,
  cropBox,
  cropPlane,
  estimateSky,
  fitWithin,
  gammaTable,
  normaliseBackground,
  renderGray8,
  sampleGrid,
  zscale,
  zscaleSorted,
  type Plane,
} from '../../../src/tom/timelapse/index.ts';
import { resampleGray8, splitAxis } from '../../../src/tom/timelapse/resample.ts';
import { noise } from './helpers.ts';

/** Gaussian noise (Box-Muller) from the deterministic generator. */
function gaussian(seed: number): () => number {
  const next = noise(seed);
  return () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

function plane(width: number, height: number, f: (x: number, y: number) => number): Plane {
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = f(x, y);
  return { data, width, height };
}

const linear = gammaTable(1);

test('zscale: exact on a ramp - line through the median, slope / contrast, clamped', () => {
  const ramp = Float64Array.from({ length: 1001 }, (_, i) => i);
  // slope 1 per index; contrast 2 halves it: 500 -+ 500 * 0.5
  assert.deepEqual(zscaleSorted(ramp, { contrast: 2 }), { z1: 250, z2: 750 });
  // contrast 0.25 would reach -1500 .. 2500: clamped to the sample's min and max
  assert.deepEqual(zscaleSorted(ramp), { z1: 0, z2: 1000 });
});

test('zscale: stars are rejected, the range stays on the sky', () => {
  const g = gaussian(7);
  const next = noise(99);
  const sky = plane(300, 300, () => 1000 + 10 * g());
  const starry = plane(300, 300, () => (next() < 0.05 ? 40000 + 1000 * next() : 1000 + 10 * g()));
  const plain = zscale(sky);
  const withStars = zscale(starry);
  for (const range of [plain, withStars]) {
    assert.ok(range.z1 > 950 && range.z1 < 1000, `z1 ${range.z1}`);
    assert.ok(range.z2 > 1000 && range.z2 < 1060, `z2 ${range.z2}`);
  }
  // A higher contrast gives a narrower range around the same sky.
  const tight = zscale(sky, { contrast: 1 });
  assert.ok(tight.z2 - tight.z1 < (plain.z2 - plain.z1) / 2, JSON.stringify({ tight, plain }));
  assert.ok(tight.z1 < 1000 && tight.z2 > 1000);
});

test('zscale: degenerate inputs give usable ranges', () => {
  assert.deepEqual(zscale(plane(10, 10, () => 5)), { z1: 5, z2: 6 }, 'constant: renders black');
  assert.deepEqual(zscale(plane(4, 4, () => Number.NaN)), { z1: 0, z2: 1 }, 'nothing finite');
  // Mostly exact zeros with a few sources (a background-normalised frame): min..max of the sample.
  const sparse = plane(100, 100, (x, y) => (x % 10 === 0 && y % 10 === 0 ? 50 + x : 0));
  const range = zscale(sparse);
  assert.equal(range.z1, 0);
  assert.ok(range.z2 >= 50, `z2 ${range.z2}`);
});

test('zscale sample: grid of about the asked size, NaN and infinities skipped', () => {
  const p = plane(2048, 2048, (x) => (x === 32 ? Number.NaN : x));
  const sample = sampleGrid(p, 1000);
  assert.ok(sample.length >= 900 && sample.length <= 1100, `length ${sample.length}`);
  assert.ok(sample.every(Number.isFinite));
  const small = sampleGrid(plane(5, 3, (x, y) => (y === 1 ? Number.POSITIVE_INFINITY : x)), 1000);
  assert.equal(small.length, 10, 'every pixel of a small image except the infinite row');
});

test('gamma: 255 * t^(1/2.5) by table, monotonic, black stays black and white white', () => {
  const table = gammaTable();
  assert.equal(table.length, 65536);
  assert.equal(table[0], 0);
  assert.equal(table[65535], 255);
  assert.equal(table[32768], Math.round(255 * Math.pow(32768 / 65535, 1 / 2.5)));
  assert.equal(table[32768], 193);
  for (let i = 1; i < table.length; i++) assert.ok(table[i] >= table[i - 1]);
  assert.equal(linear[65535 / 5], 51, 'gamma 1 is linear');
});

test('crop: the spec examples (6x10 at 0.5 -> inner 2x4; 500x50 at 0.8 -> 400x40)', () => {
  // numpy 6 rows x 10 columns holding 0..59: rows 2-3, columns 3-6
  const p = plane(10, 6, (x, y) => y * 10 + x);
  const box = cropBox(10, 6, 0.5);
  assert.deepEqual(box, { x0: 3, y0: 2, width: 4, height: 2 });
  const cropped = cropPlane(p, box);
  assert.deepEqual([...cropped.data], [23, 24, 25, 26, 33, 34, 35, 36]);
  assert.deepEqual([cropped.width, cropped.height], [4, 2]);
  assert.deepEqual(cropBox(500, 50, 0.8), { x0: 50, y0: 5, width: 400, height: 40 });
  assert.deepEqual(cropBox(7, 5, 1), { x0: 0, y0: 0, width: 6, height: 4 }, 'odd sizes lose a pixel, as in the original');
  assert.equal(cropBox(500, 50, 0.01).height, 0, 'too small a scale leaves nothing');
  const f64 = cropPlane({ data: new Float64Array(60), width: 10, height: 6 }, box);
  assert.ok(f64.data instanceof Float64Array, 'float64 images stay float64');
});

test('fit within size: aspect kept, never enlarged, even sizes for H.264', () => {
  assert.deepEqual(fitWithin(2048, 2048, 500, false), { width: 500, height: 500 });
  assert.deepEqual(fitWithin(1000, 200, 500, false), { width: 500, height: 100 });
  assert.deepEqual(fitWithin(4096, 1000, 500, false), { width: 500, height: 122 });
  assert.deepEqual(fitWithin(300, 200, 500, false), { width: 300, height: 200 });
  assert.deepEqual(fitWithin(500, 50, 500, false), { width: 500, height: 50 });
  assert.deepEqual(fitWithin(501, 51, 600, true), { width: 500, height: 50 });
  assert.deepEqual(fitWithin(1, 1, 500, true), { width: 2, height: 2 });
  assert.deepEqual(fitWithin(3, 3, 500, false), { width: 3, height: 3 });
});

test('render: area averages, vertical flip, values above z2 white and NaN black', () => {
  // FITS rows bottom-up: y0 [0 0 1 1], y1 [0 0 1 1], y2 [1 1 1 1], y3 [.5 .5 0 0]
  const rows = [[0, 0, 1, 1], [0, 0, 1, 1], [1, 1, 1, 1], [0.5, 0.5, 0, 0]];
  const p = plane(4, 4, (x, y) => rows[y][x]);
  const out = renderGray8(p, { z1: 0, z2: 1 }, { width: 2, height: 2 }, linear);
  // Top of the picture = FITS rows 2-3: (1+1+.5+.5)/4 and (1+1+0+0)/4; bottom = rows 0-1.
  assert.deepEqual([...out], [191, 128, 0, 255]);

  const same = renderGray8(plane(3, 2, (x, y) => (y === 0 ? [Number.NaN, -5, 0.5][x] : 7)), { z1: 0, z2: 1 }, { width: 3, height: 2 }, linear);
  assert.deepEqual([...same], [255, 255, 255, 0, 0, 128], 'row 1 (top) saturated white; NaN and below-z1 black');
});

test('render: the shrinking fast path equals the general area resampler', () => {
  const next = noise(5);
  for (const [w, h, ow, oh] of [[37, 23, 10, 7], [2048, 64, 500, 16], [100, 100, 99, 33], [64, 64, 64, 64], [9, 1000, 2, 333]]) {
    const p = plane(w, h, () => next() * 1.2 - 0.1);
    const fast = renderGray8(p, { z1: 0, z2: 1 }, { width: ow, height: oh }, linear);
    const general = resampleGray8(p, { z1: 0, z2: 1 }, { width: ow, height: oh }, linear);
    let worst = 0;
    for (let i = 0; i < fast.length; i++) worst = Math.max(worst, Math.abs(fast[i] - general[i]));
    assert.ok(worst <= 1, `${w}x${h} -> ${ow}x${oh}: differs by ${worst}`);
  }
});

test('render: averaging keeps the mean brightness at awkward ratios', () => {
  const next = noise(11);
  const p = plane(1000, 777, () => next());
  let inputMean = 0;
  for (const v of p.data) inputMean += v;
  inputMean /= p.data.length;
  const out = renderGray8(p, { z1: 0, z2: 1 }, { width: 333, height: 259 }, linear);
  const outputMean = out.reduce((a, b) => a + b, 0) / out.length / 255;
  assert.ok(Math.abs(outputMean - inputMean) < 0.003, `${outputMean} vs ${inputMean}`);
});

test('resample weights: every output pixel averages exactly its area', () => {
  for (const [s, t] of [[2048, 500], [10, 3], [7, 7], [1, 2], [3, 8]]) {
    const w = areaWeights(s, t);
    for (let o = 0; o < t; o++) {
      let sum = 0;
      for (let k = 0; k < w.count[o]; k++) sum += w.weights[o * w.stride + k];
      assert.ok(Math.abs(sum - 1) < 1e-9, `areaWeights ${s}->${t} output ${o}: ${sum}`);
    }
  }
  for (const [s, t] of [[2048, 500], [10, 3], [7, 7], [1000, 333]]) {
    const split = splitAxis(s, t);
    const totals = new Float64Array(t + 1);
    for (let i = 0; i < s; i++) {
      totals[split.target[i]] += split.first[i];
      totals[split.target[i] + 1] += split.second[i];
      assert.ok(i < split.starts[split.target[i] + 1] && i >= split.starts[split.target[i]]);
    }
    for (let o = 0; o < t; o++) assert.ok(Math.abs(totals[o] - 1) < 1e-9, `splitAxis ${s}->${t} output ${o}: ${totals[o]}`);
    assert.equal(totals[t], 0);
  }
});

test('background: sky from a clipped sample; sky to 0, sources keep their height above it', () => {
  const g = gaussian(3);
  const p = plane(200, 200, (x, y) => (x >= 50 && x < 60 && y >= 50 && y < 60 ? 2500 : 500 + 5 * g()));
  const sky = estimateSky(p);
  assert.ok(Math.abs(sky.level - 500) < 1, `level ${sky.level}`);
  assert.ok(Math.abs(sky.noise - 5) < 0.5, `noise ${sky.noise}`);
  normaliseBackground(p);
  assert.ok(Math.abs(p.data[55 * 200 + 55] - (2500 - sky.level)) < 1e-3);
  let nonZeroSky = 0;
  for (let y = 0; y < 200; y++) for (let x = 0; x < 200; x++) if (!(x >= 50 && x < 60 && y >= 50 && y < 60) && p.data[y * 200 + x] !== 0) nonZeroSky++;
  // Only the > 3 sigma noise tail (~0.13 %) survives.
  assert.ok(nonZeroSky < 0.005 * 40000, `${nonZeroSky} sky pixels left`);
  const blank = plane(4, 4, () => Number.NaN);
  normaliseBackground(blank);
  assert.ok([...blank.data].every((v) => v === 0), 'NaN becomes 0');
});

test('zscale: the original variant puts black at the sample median', () => {
  const ramp = Float64Array.from({ length: 1001 }, (_, i) => i);
  assert.deepEqual(zscaleSorted(ramp, { contrast: 2, blackPoint: 'median' }), { z1: 500, z2: 750 });
});
