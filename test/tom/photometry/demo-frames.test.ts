/**
 * The demo observatory's frames (examples/demo-observatory/frames, made by
 * scripts/make-demo-frames.py) measured end to end: compressed FITS, WCS,
 * photometry, and comparison with the injected magnitudes in truth.json.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readFirstImage, readFitsFile } from '../../../src/tom/fits/index.ts';
import { lightCurve, loadFrame, parseDateObs, photometryCsv, photometryCsvRows, plotLightCurve } from '../../../src/tom/photometry/index.ts';

const FRAMES = fileURLToPath(new URL('../../../examples/demo-observatory/frames/', import.meta.url));

interface Truth {
  target: { identifier: string; ra: number; dec: number };
  comparison: { ra: number; dec: number; magnitude: number };
  zeroPoint: number;
  frames: { file: string; dateObs: string; variableMagnitude: number; comparisonMagnitude: number; variablePixel0: [number, number] }[];
}

const truth = JSON.parse(readFileSync(FRAMES + 'truth.json', 'utf8')) as Truth;
const names = readdirSync(FRAMES).filter((f) => f.endsWith('.fits.fz')).sort();
const paths = names.map((f) => FRAMES + f);
const rms = (values: number[]) => Math.sqrt(values.reduce((a, v) => a + v * v, 0) / values.length);
const mean = (values: number[]) => values.reduce((a, v) => a + v, 0) / values.length;

test('twelve small tile-compressed e91 frames of m13, named out of DATE-OBS order', async () => {
  assert.equal(names.length, 12);
  assert.deepEqual([...names].sort(), truth.frames.map((f) => f.file).sort());
  let total = 0;
  const dates: string[] = [];
  for (const [i, path] of paths.entries()) {
    assert.match(names[i], /-e91\.fits\.fz$/);
    total += statSync(path).size;
    const fits = await readFitsFile(path);
    const image = readFirstImage(fits);
    assert.equal(fits.hdus[1].kind, 'compressed-image', 'fpacked: the image is a compressed extension');
    assert.ok(image.width <= 256 && image.height <= 256);
    assert.equal(image.header.getString('OBJECT'), 'm13');
    for (const key of ['EXPTIME', 'GAIN', 'RDNOISE', 'MJD-OBS']) assert.equal(typeof image.header.getNumber(key), 'number', key);
    for (const key of ['FILTER', 'INSTRUME', 'SITEID', 'TELID']) assert.ok(image.header.getString(key), key);
    dates.push(image.header.getString('DATE-OBS') ?? '');
  }
  assert.ok(total < 1_000_000, `frames take ${total} bytes`);
  const sortedDates = [...dates].sort();
  assert.notDeepEqual(dates, sortedDates, 'file-name order must differ from DATE-OBS order');
  assert.equal(new Set(dates).size, 12);
  // The night spans 02:00 to 08:00 UTC on 2019-08-02.
  assert.ok(sortedDates[0].startsWith('2019-08-02T02:') && sortedDates[11].startsWith('2019-08-02T07:'));
});

test('the variable at the target position follows the injected light curve', async () => {
  const curve = await lightCurve(paths, { ra: truth.target.ra, dec: truth.target.dec });
  assert.deepEqual(curve.failures, []);
  assert.equal(curve.points.length, 12);
  // Points come out in time order, which is the truth file's order.
  assert.deepEqual(
    curve.points.map((p) => p.file.split('/').pop()),
    truth.frames.map((f) => f.file),
  );
  for (let i = 0; i < 12; i++) {
    const expected = parseDateObs(truth.frames[i].dateObs)!;
    assert.equal(curve.points[i].time.iso, expected.iso);
    assert.equal(curve.points[i].time.mjd, expected.mjd);
    assert.equal(curve.points[i].filter, 'rp');
  }
  const residuals = curve.points.map((p, i) => p.magnitude - truth.frames[i].variableMagnitude);
  const offset = mean(residuals);
  const scatter = rms(residuals.map((r) => r - offset));
  assert.ok(scatter < 0.02, `RMS about the injected curve ${scatter.toFixed(4)} mag`);
  // The frames carry the injection's ZP, so even the offset is small.
  assert.ok(Math.abs(offset) < 0.03, `offset ${offset.toFixed(4)}`);
  // The variation itself is recovered, not just noise around a constant.
  const mags = curve.points.map((p) => p.magnitude);
  assert.ok(Math.max(...mags) - Math.min(...mags) > 0.3);
  // Errors are plausible: a few millimag for a S/N ~ 200 star.
  for (const p of curve.points) assert.ok(p.error > 0.002 && p.error < 0.02, `error ${p.error}`);
});

test('re-centring finds the true star position despite the frames\' WCS errors', async () => {
  let worstPredicted = 0;
  for (const f of truth.frames) {
    const frame = await loadFrame(FRAMES + f.file);
    const curve = await lightCurve([{ file: f.file, frame }], truth.target);
    const m = curve.points[0].measurement;
    const [tx, ty] = f.variablePixel0;
    assert.equal(m.centroid, 'refined');
    assert.ok(Math.hypot(m.x - tx, m.y - ty) < 0.1, `${f.file}: centroid (${m.x}, ${m.y}) vs true (${tx}, ${ty})`);
    worstPredicted = Math.max(worstPredicted, Math.hypot(m.predicted.x - tx, m.predicted.y - ty));
  }
  // The test would be empty if the header WCS were already exact.
  assert.ok(worstPredicted > 0.3, `largest WCS error ${worstPredicted}`);
});

test('the comparison star is flat at its injected magnitude', async () => {
  const curve = await lightCurve(paths, truth.comparison);
  assert.deepEqual(curve.failures, []);
  const mags = curve.points.map((p) => p.magnitude);
  const m = mean(mags);
  assert.ok(rms(mags.map((v) => v - m)) < 0.01, `comparison scatter ${rms(mags.map((v) => v - m))}`);
  assert.ok(Math.abs(m - truth.comparison.magnitude) < 0.02, `comparison mean ${m}`);
});

test('per-frame failures are reported, not thrown, and the rest still measured', async () => {
  const seen: string[] = [];
  const curve = await lightCurve(
    [paths[0], FRAMES + 'missing-e91.fits.fz', paths[1]],
    truth.target,
    { onFrame: (file, outcome) => seen.push(`${file.split('/').pop()}:${'point' in outcome ? 'ok' : outcome.failure.code}`) },
  );
  assert.equal(curve.points.length, 2);
  assert.equal(curve.failures.length, 1);
  assert.equal(curve.failures[0].code, 'unreadable');
  assert.match(curve.failures[0].file, /missing-e91\.fits\.fz$/);
  assert.deepEqual(seen, [`${names[0]}:ok`, 'missing-e91.fits.fz:unreadable', `${names[1]}:ok`]);

  // A star position off every frame (1 degree away) fails each frame with off-image.
  const off = await lightCurve(paths.slice(0, 3), { ra: truth.target.ra + 1, dec: truth.target.dec });
  assert.equal(off.points.length, 0);
  assert.deepEqual(off.failures.map((f) => f.code), ['off-image', 'off-image', 'off-image']);
  assert.ok(!off.failures[0].message.startsWith(paths[0]), 'the path is in `file`, not repeated in the message');
});

test('the demo light curve makes a CSV and a plot', async () => {
  const curve = await lightCurve(paths, truth.target);
  const csv = photometryCsv(photometryCsvRows(curve.points));
  const lines = csv.split('\r\n').filter(Boolean);
  assert.equal(lines.length, 12);
  assert.match(lines[0], /^2019-08-02T02:00:00\+00:00,14\.\d+,0\.\d+$/);
  const plot = plotLightCurve(curve.points, { title: 'm13' });
  assert.equal(plot.markers.filter(Boolean).length, 12);
});
