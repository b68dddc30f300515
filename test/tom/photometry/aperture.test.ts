import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apertureSum, diskRectangleOverlap, pixelWeight, PhotometryError } from '../../../src/tom/photometry/index.ts';
import { memoryFrame } from './synthetic.ts';

const close = (a: number, b: number, tol: number, what = '') => assert.ok(Math.abs(a - b) <= tol, `${what} ${a} vs ${b} (tol ${tol})`);

test('disk/rectangle overlap: closed-form cases', () => {
  close(diskRectangleOverlap(-10, 10, -10, 10, 3), Math.PI * 9, 1e-12, 'whole disk');
  close(diskRectangleOverlap(0, 10, 0, 10, 2), Math.PI, 1e-12, 'quadrant');
  close(diskRectangleOverlap(-10, 10, 0, 10, 1.5), (Math.PI * 2.25) / 2, 1e-12, 'half disk');
  // Circular segment beyond the chord at y = 1 for r = 2: r²acos(d/r) - d·sqrt(r²-d²).
  close(diskRectangleOverlap(-5, 5, 1, 5, 2), 4 * Math.acos(0.5) - Math.sqrt(3), 1e-12, 'segment');
  assert.equal(diskRectangleOverlap(3, 4, 3, 4, 2), 0);
  // A rectangle wholly inside the disk.
  close(diskRectangleOverlap(-0.5, 0.5, -0.5, 0.5, 5), 1, 1e-12, 'inner square');
});

test('disk/rectangle overlap agrees with brute-force counting on awkward rectangles', () => {
  const cases: [number, number, number, number, number][] = [
    [0.3, 1.3, -0.8, 0.2, 1.1],
    [-1.7, -0.7, 0.4, 1.4, 1.9],
    [1.2, 2.2, 1.1, 2.1, 2.3],
    [-0.5, 0.5, 1.9, 2.9, 2.6],
  ];
  const n = 2000;
  for (const [x0, x1, y0, y1, r] of cases) {
    let inside = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = x0 + ((i + 0.5) / n) * (x1 - x0);
        const y = y0 + ((j + 0.5) / n) * (y1 - y0);
        if (x * x + y * y < r * r) inside++;
      }
    }
    const expected = (inside / (n * n)) * (x1 - x0) * (y1 - y0);
    const got = diskRectangleOverlap(x0, x1, y0, y1, r);
    assert.ok(got > 0 && got < 1, `case ${[x0, x1, y0, y1, r]} must be a partial overlap, got ${got}`);
    close(got, expected, 2e-4, `case ${[x0, x1, y0, y1, r]}`);
  }
});

test('pixel weights of any aperture add up to πr² whatever the sub-pixel centre', () => {
  for (const [cx, cy, r] of [
    [10, 10, 3],
    [10.37, 9.81, 3],
    [12.5, 12.5, 4.2],
    [9.13, 11.77, 0.7],
  ]) {
    let total = 0;
    for (let y = 0; y < 25; y++) for (let x = 0; x < 25; x++) total += pixelWeight(x, y, cx, cy, r);
    close(total, Math.PI * r * r, 1e-9, `centre (${cx}, ${cy}) r ${r}`);
  }
  // A pixel centred on the circle's edge, straddling it.
  const w = pixelWeight(13, 10, 10, 10, 3);
  assert.ok(w > 0.4 && w < 0.6, `edge pixel weight ${w}`);
});

test('apertureSum on a flat image returns value × area', () => {
  const frame = memoryFrame(new Float64Array(30 * 30).fill(7), 30, 30);
  const { sum, area } = apertureSum(frame, 14.3, 15.6, 4);
  close(area, Math.PI * 16, 1e-9, 'area');
  close(sum, 7 * Math.PI * 16, 1e-8, 'sum');
});

test('apertureSum refuses an aperture that crosses the edge or holds NaN pixels', () => {
  const data = new Float64Array(30 * 30).fill(1);
  const frame = memoryFrame(data, 30, 30, { file: 'edge.fits' });
  assert.throws(() => apertureSum(frame, 2, 15, 4), (e: unknown) => e instanceof PhotometryError && e.code === 'off-image' && /edge\.fits/.test(e.message));
  assert.throws(() => apertureSum(frame, 15, 27.2, 4), (e: unknown) => e instanceof PhotometryError && e.code === 'off-image');
  data[15 + 30 * 16] = Number.NaN;
  assert.throws(() => apertureSum(frame, 15, 15, 4), (e: unknown) => e instanceof PhotometryError && e.code === 'bad-pixels');
  // The same NaN outside the aperture does not matter.
  assert.doesNotThrow(() => apertureSum(frame, 6, 6, 4));
});
