import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFrame, mjdToPythonIso, parseDateObs, PhotometryError, timeFromMjd } from '../../../src/tom/photometry/index.ts';
import { fitsFile, frameFromCards, tanWcsCards } from './synthetic.ts';

const isCode = (code: string) => (e: unknown) => e instanceof PhotometryError && e.code === code;

test('DATE-OBS parsing: ISO forms to UTC ISO and MJD', () => {
  assert.deepEqual(parseDateObs('2019-08-02T00:00:00'), { iso: '2019-08-02T00:00:00.000Z', mjd: 58697 });
  const t = parseDateObs('2019-08-02T02:32:39.152');
  assert.equal(t?.iso, '2019-08-02T02:32:39.152Z');
  assert.ok(Math.abs((t?.mjd ?? 0) - (58697 + (2 * 3600 + 32 * 60 + 39.152) / 86400)) < 1e-10);
  assert.equal(parseDateObs('2019-08-02')?.mjd, 58697);
  assert.equal(parseDateObs('2019-08-02T02:00:00Z')?.iso, '2019-08-02T02:00:00.000Z');
  assert.equal(parseDateObs('1858-11-17T00:00:00')?.mjd, 0);
  for (const bad of ['02/08/19', '2019-02-30T00:00:00', '2019-13-01', 'yesterday', '2019-08-02T25:00:00', '2019-08-02T02:00:00+02:00']) {
    assert.equal(parseDateObs(bad), undefined, bad);
  }
});

test('MJD to time and to the Python-style timestamp', () => {
  assert.equal(timeFromMjd(58697.5).iso, '2019-08-02T12:00:00.000Z');
  assert.equal(mjdToPythonIso(58697.5), '2019-08-02T12:00:00+00:00');
  const mjd = parseDateObs('2019-08-02T02:32:39.152')!.mjd;
  assert.equal(mjdToPythonIso(mjd), '2019-08-02T02:32:39.152000+00:00');
  assert.equal(mjdToPythonIso(40587 + 2 / 86_400_000_000), '1970-01-01T00:00:00.000002+00:00');
});

test('frameFromImage reads the header: EXPTIME, GAIN, RDNOISE, FILTER, time, pixel scale', () => {
  const cards = { ...tanWcsCards(250.4235, 36.4613, [10, 10], 0.57), EXPTIME: 60, GAIN: 1.6, RDNOISE: 14.5, FILTER: 'rp', 'DATE-OBS': '2019-08-02T02:00:00.000' };
  const frame = frameFromCards(20, 20, new Float32Array(400), cards, 'a.fits');
  assert.equal(frame.exptime, 60);
  assert.equal(frame.gain, 1.6);
  assert.equal(frame.readNoise, 14.5);
  assert.equal(frame.filter, 'rp');
  assert.equal(frame.time?.mjd, 58697 + 2 / 24);
  assert.ok(Math.abs((frame.pixelScale ?? 0) - 0.57) < 1e-9, `scale ${frame.pixelScale}`);
  assert.equal(frame.file, 'a.fits');

  // MJD-OBS when DATE-OBS is absent; defaults for GAIN / RDNOISE.
  const mjdOnly = frameFromCards(20, 20, new Float32Array(400), { EXPTIME: 5, 'MJD-OBS': 58697.25 });
  assert.equal(mjdOnly.time?.iso, '2019-08-02T06:00:00.000Z');
  assert.equal(mjdOnly.gain, 1);
  assert.equal(mjdOnly.readNoise, 0);
  assert.equal(mjdOnly.filter, undefined);
});

test('frameFromImage refuses missing EXPTIME and unreadable DATE-OBS', () => {
  assert.throws(() => frameFromCards(8, 8, new Float32Array(64), { 'DATE-OBS': '2019-08-02T00:00:00' }), (e: unknown) => isCode('bad-header')(e) && /EXPTIME/.test((e as Error).message));
  assert.throws(() => frameFromCards(8, 8, new Float32Array(64), { EXPTIME: 0 }), isCode('bad-header'));
  assert.throws(() => frameFromCards(8, 8, new Float32Array(64), { EXPTIME: 1, 'DATE-OBS': '02/08/19' }), (e: unknown) => isCode('bad-header')(e) && /DATE-OBS/.test((e as Error).message));
});

test('loadFrame: a missing or non-FITS file is an unreadable PhotometryError naming the path', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'photometry-'));
  const junk = join(dir, 'junk.fits');
  writeFileSync(junk, 'not a fits file at all');
  await assert.rejects(loadFrame(join(dir, 'missing.fits')), (e: unknown) => isCode('unreadable')(e) && (e as Error).message.includes('missing.fits'));
  await assert.rejects(loadFrame(junk), isCode('unreadable'));
  const good = join(dir, 'good.fits');
  writeFileSync(good, fitsFile(4, 4, new Float32Array(16).fill(3), { EXPTIME: 2 }));
  const frame = await loadFrame(good);
  assert.equal(frame.data[5], 3);
  assert.equal(frame.file, good);
});
