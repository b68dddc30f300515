// Diffraction frames for the frame preview tests, written by independent writers (fabio, h5py with
// hdf5plugin; scripts/make-frame-fixtures.py), with what the reader and the renderer must produce:
// the writer's pixel values and a numpy rendering of spec §5.3. Plus a small PNG reader of our own
// (all five row filters), so answers are compared pixel by pixel.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/make-frame-fixtures.py');
// Debian's python, which has python3-fabio, python3-h5py and python3-hdf5plugin (a python earlier
// on PATH, e.g. from pyenv, would not).
export const PYTHON = process.env.LIGHTPATH_TEST_PYTHON ?? '/usr/bin/python3';

export interface FrameFixture {
  name: string;
  /** The path inside the directory, as the frame URL names it (e.g. "eiger_master.h5/000004"). */
  path: string;
  frame: number | null;
  width: number;
  height: number;
  cutoff: number;
}

export interface FrameFixtures {
  dir: string;
  all: FrameFixture[];
  byName(name: string): FrameFixture;
  /** The writer's pixel values, little-endian int32 (unsigned read as signed). */
  pixels(name: string): Int32Array;
  /** The oracle's grey image: `.nm`, `.dk`, `.lt`, `.xl`, `.zz` (1024×1024) or `.full.nm` (native). */
  expected(name: string, suffix: string): Buffer;
}

/**
 * Writes the fixtures into `dir` (which must exist); `big` adds a Pilatus 6M sized CBF, big_0001.cbf;
 * `series` adds that many different 300×260 CBF frames, series_00001.cbf on.
 */
export function makeFrameFixtures(dir: string, options: { big?: boolean; series?: number } = {}): FrameFixtures {
  const extra = [...(options.big ? ['--big'] : []), ...(options.series ? ['--series', String(options.series)] : [])];
  const output = execFileSync(PYTHON, [SCRIPT, dir, ...extra], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const all = JSON.parse(output) as FrameFixture[];
  return {
    dir,
    all,
    byName: (name) => all.find((fixture) => fixture.name === name) ?? assert.fail(`no fixture ${name}`),
    pixels: (name) => {
      const bytes = fs.readFileSync(path.join(dir, `${name}.pixels`));
      return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    },
    expected: (name, suffix) => fs.readFileSync(path.join(dir, `${name}.${suffix}`)),
  };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** An 8-bit greyscale PNG's size and pixels (fails the test for anything else). */
export function readGreyPng(bytes: Buffer): { width: number; height: number; grey: Uint8Array } {
  assert.ok(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'PNG signature');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  assert.deepEqual([bytes[24], bytes[25]], [8, 0], '8-bit greyscale');
  const idat: Buffer[] = [];
  for (let offset = 8; offset < bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    if (bytes.toString('ascii', offset + 4, offset + 8) === 'IDAT') idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  assert.equal(raw.length, height * (width + 1));
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (width + 1)];
    for (let x = 0; x < width; x++) {
      const value = raw[y * (width + 1) + 1 + x];
      const left = x > 0 ? grey[y * width + x - 1] : 0;
      const up = y > 0 ? grey[(y - 1) * width + x] : 0;
      const upLeft = x > 0 && y > 0 ? grey[(y - 1) * width + x - 1] : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      grey[y * width + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, grey };
}

/** Every pixel within ±1 grey level of the oracle's (rounding of halves differs between numpy and JS). */
export function assertGreyClose(actual: Uint8Array, expected: Uint8Array, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: pixel count`);
  let worst = 0;
  let at = -1;
  for (let i = 0; i < actual.length; i++) {
    const difference = Math.abs(actual[i] - expected[i]);
    if (difference > worst) [worst, at] = [difference, i];
  }
  assert.ok(worst <= 1, `${what}: pixel ${at} is ${actual[at]}, the reference renderer drew ${expected[at]}`);
}
