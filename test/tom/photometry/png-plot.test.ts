import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, encodePng, plotLightCurve, type PlotPoint } from '../../../src/tom/photometry/index.ts';
import { seededRandom } from './synthetic.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const HAVE_FFMPEG = spawnSync('ffmpeg', ['-version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'photometry-png-'));

/** Decodes a PNG with ffmpeg (an independent decoder) into raw gray or rgb24 bytes. */
function ffmpegDecode(png: Buffer, pixFmt: 'gray' | 'rgb24'): Buffer {
  const path = join(dir, `img-${Math.random().toString(36).slice(2)}.png`);
  writeFileSync(path, png);
  const run = spawnSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 'rawvideo', '-pix_fmt', pixFmt, '-'], { maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, `ffmpeg failed: ${run.stderr?.toString()}`);
  return run.stdout;
}

function chunks(png: Buffer): { type: string; data: Buffer; crc: number }[] {
  const out = [];
  for (let p = 8; p < png.length; ) {
    const length = png.readUInt32BE(p);
    const type = png.toString('latin1', p + 4, p + 8);
    out.push({ type, data: png.subarray(p + 8, p + 8 + length), crc: png.readUInt32BE(p + 8 + length) });
    p += 12 + length;
  }
  return out;
}

test('CRC-32 matches the standard check values', () => {
  assert.equal(crc32(Buffer.from('123456789', 'latin1')), 0xcbf43926);
  // Every PNG's IEND chunk carries this CRC.
  assert.equal(crc32(Buffer.from('IEND', 'latin1')), 0xae426082);
});

test('encodePng: structure, chunk CRCs, and ffmpeg decodes the exact pixels (gray and RGB)', { skip: !HAVE_FFMPEG && 'ffmpeg not installed' }, () => {
  const random = seededRandom(5);
  for (const channels of [1, 3] as const) {
    const width = 13;
    const height = 7;
    const pixels = Uint8Array.from({ length: width * height * channels }, () => Math.floor(random() * 256));
    const png = encodePng({ width, height, channels, pixels });
    assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
    const list = chunks(png);
    assert.deepEqual(list.map((c) => c.type), ['IHDR', 'IDAT', 'IEND']);
    for (const c of list) assert.equal(c.crc, crc32(Buffer.concat([Buffer.from(c.type, 'latin1'), c.data])), `${c.type} CRC`);
    assert.equal(list[0].data.readUInt32BE(0), width);
    assert.equal(list[0].data.readUInt32BE(4), height);
    assert.equal(list[0].data[9], channels === 1 ? 0 : 2);
    const decoded = ffmpegDecode(png, channels === 1 ? 'gray' : 'rgb24');
    assert.deepEqual([...decoded], [...pixels]);
  }
  assert.throws(() => encodePng({ width: 2, height: 2, channels: 1, pixels: new Uint8Array(3) }), RangeError);
});

function sampleCurve(): PlotPoint[] {
  // Twelve points over a night, out of time order on purpose.
  const order = [5, 0, 9, 3, 11, 1, 7, 2, 10, 4, 8, 6];
  return order.map((i) => {
    const mjd = 58697.0833 + (i * 0.25) / 11;
    return { mjd, magnitude: 14.2 + 0.2 * Math.sin((2 * Math.PI * (mjd - 58697.05)) / 0.21), error: 0.004 + 0.001 * (i % 3), filter: 'rp' };
  });
}

test('plot: PNG of the stated size; light background, dark points, brighter magnitudes higher up', { skip: !HAVE_FFMPEG && 'ffmpeg not installed' }, () => {
  const points = sampleCurve();
  const plot = plotLightCurve(points, { width: 640, height: 400, title: 'm13 light curve' });
  assert.deepEqual([...plot.png.subarray(0, 8)], PNG_SIGNATURE);
  const ihdr = chunks(plot.png)[0];
  assert.equal(ihdr.type, 'IHDR');
  assert.equal(ihdr.data.readUInt32BE(0), 640);
  assert.equal(ihdr.data.readUInt32BE(4), 400);
  assert.equal([plot.width, plot.height].join('x'), '640x400');

  const gray = ffmpegDecode(plot.png, 'gray');
  assert.equal(gray.length, 640 * 400);
  const at = (x: number, y: number) => gray[x + 640 * y];
  for (const [x, y] of [
    [0, 0],
    [639, 0],
    [0, 399],
    [639, 399],
  ]) {
    assert.ok(at(x, y) > 240, `corner (${x}, ${y}) = ${at(x, y)} should be light`);
  }
  for (const marker of plot.markers) {
    assert.ok(marker, 'every finite point is drawn');
    assert.ok(at(marker.x, marker.y) < 110, `point at (${marker.x}, ${marker.y}) = ${at(marker.x, marker.y)} should be dark`);
    assert.ok(marker.x > plot.area.left && marker.x < plot.area.right && marker.y > plot.area.top && marker.y < plot.area.bottom);
  }
  // Inverted axis: the brightest (smallest magnitude) point is highest.
  const byMag = points.map((p, i) => ({ m: p.magnitude, y: plot.markers[i]!.y })).sort((a, b) => a.m - b.m);
  assert.ok(byMag[0].y < byMag[byMag.length - 1].y - 100, `bright y ${byMag[0].y}, faint y ${byMag[byMag.length - 1].y}`);
  for (let i = 1; i < byMag.length; i++) assert.ok(byMag[i].y >= byMag[i - 1].y);
  // Time runs left to right.
  const byTime = points.map((p, i) => ({ t: p.mjd, x: plot.markers[i]!.x })).sort((a, b) => a.t - b.t);
  for (let i = 1; i < byTime.length; i++) assert.ok(byTime[i].x > byTime[i - 1].x);

  const darkIn = (x0: number, y0: number, x1: number, y1: number) => {
    let n = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (at(x, y) < 100) n++;
    return n;
  };
  // Ink where the title, y tick labels and x tick labels go; none in a blank stretch of the plot area's corner.
  assert.ok(darkIn(0, 0, 640, plot.area.top - 2) > 100, 'title');
  assert.ok(darkIn(40, plot.area.top, plot.area.left - 4, plot.area.bottom) > 100, 'y tick labels');
  assert.ok(darkIn(plot.area.left, plot.area.bottom + 4, plot.area.right, plot.area.bottom + 24) > 100, 'x tick labels');
});

test('plot: error bars extend one sigma either side of each point', () => {
  const points: PlotPoint[] = [
    { mjd: 58697.1, magnitude: 14.0, error: 0.05 },
    { mjd: 58697.2, magnitude: 14.3, error: 0.01 },
  ];
  const plot = plotLightCurve(points, { width: 400, height: 300 });
  const [y0, y1] = plot.yRange;
  assert.ok(y0 < 14.0 - 0.05 && y1 > 14.3 + 0.01, `range ${plot.yRange} must contain the bars`);
  assert.ok(plot.markers[0]!.y < plot.markers[1]!.y);
});

test('plot: no points still gives a valid image; non-finite points are skipped', () => {
  const empty = plotLightCurve([], { width: 300, height: 200, title: 'nothing' });
  assert.deepEqual([...empty.png.subarray(0, 8)], PNG_SIGNATURE);
  assert.equal(empty.markers.length, 0);
  const mixed = plotLightCurve([
    { mjd: 58697.1, magnitude: Number.NaN, error: 0.01 },
    { mjd: 58697.2, magnitude: 14, error: 0.01 },
  ]);
  assert.equal(mixed.markers[0], null);
  assert.ok(mixed.markers[1]);
});
