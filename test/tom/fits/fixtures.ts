/**
 * Access to the FITS fixtures in test/fixtures/fits and their expectations,
 * which scripts/make-fits-fixtures.py computed with astropy and funpack.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FitsImage } from '../../../src/tom/fits/index.ts';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/fits/', import.meta.url));

export function fixturePath(name: string): string {
  return FIXTURE_DIR + name;
}

export function fixtureBytes(name: string): Buffer {
  return readFileSync(fixturePath(name));
}

export function expectation<T = any>(name: string): T {
  return JSON.parse(readFileSync(fixturePath(`${name}.json`), 'utf8')) as T;
}

export type JsonPixel = number | null | 'Infinity' | '-Infinity';

export interface ImageExpectation {
  bitpix: number;
  naxes: number[];
  width: number;
  height: number;
  finiteSum: number;
  finiteCount: number;
  nanCount: number;
  min: number | null;
  max: number | null;
  samples: { x: number; y: number; value: JsonPixel }[];
  pixels?: JsonPixel[];
}

export function fromJson(value: JsonPixel): number {
  if (value === null) return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  return value;
}

/**
 * Checks a decoded image against its expectation. `relTol` 0 demands the
 * exact value (float32 expectations are written with the fewest digits that
 * round-trip, so they are compared after Math.fround).
 */
export function assertImageMatches(image: FitsImage, exp: ImageExpectation, relTol = 0, label = ''): void {
  assert.deepEqual(image.naxes, exp.naxes, `${label} naxes`);
  assert.equal(image.width, exp.width, `${label} width`);
  assert.equal(image.height, exp.height, `${label} height`);
  assert.equal(image.data.length, exp.naxes.reduce((a, b) => a * b, 1), `${label} pixel count`);

  const single = image.data instanceof Float32Array;
  const same = (got: number, want: number, where: string) => {
    if (Number.isNaN(want)) return assert.ok(Number.isNaN(got), `${label} ${where}: expected NaN, got ${got}`);
    const target = single ? Math.fround(want) : want;
    if (relTol === 0 || !Number.isFinite(target)) {
      return assert.ok(Object.is(got, target) || (got === target && got !== 0), `${label} ${where}: expected ${target}, got ${got}`);
    }
    const tol = relTol * Math.max(Math.abs(target), 1e-3);
    assert.ok(Math.abs(got - target) <= tol, `${label} ${where}: expected ${target} ±${tol}, got ${got}`);
  };

  assert.ok(exp.samples.length > 0);
  for (const s of exp.samples) same(image.data[s.y * image.width + s.x], fromJson(s.value), `sample (${s.x},${s.y})`);
  if (exp.pixels) {
    assert.equal(exp.pixels.length, image.data.length, `${label} expectation length`);
    exp.pixels.forEach((p, i) => same(image.data[i], fromJson(p), `pixel ${i}`));
  }

  let nan = 0;
  let finite = 0;
  let sum = 0;
  for (const v of image.data) {
    if (Number.isNaN(v)) nan++;
    else if (Number.isFinite(v)) {
      finite++;
      sum += v;
    }
  }
  assert.equal(nan, exp.nanCount, `${label} NaN count`);
  assert.equal(finite, exp.finiteCount, `${label} finite count`);
  const sumTol = Math.max(1e-9, relTol) * Math.max(1, Math.abs(exp.finiteSum)) * 10;
  assert.ok(Math.abs(sum - exp.finiteSum) <= sumTol, `${label} finite sum ${sum} vs ${exp.finiteSum}`);
}
