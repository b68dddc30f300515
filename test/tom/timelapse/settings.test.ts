import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_TIMELAPSE_SETTINGS,
  orderByDate,
  parseFitsDate,
  requireTimelapseSettings,
  TimelapseError,
  validateTimelapseSettings,
} from '../../../src/tom/timelapse/index.ts';

const message = (raw: Parameters<typeof validateTimelapseSettings>[0]) => {
  const result = validateTimelapseSettings(raw);
  return result.ok ? null : result.message;
};

test('settings: absent keys take the spec defaults (gif, 10 fps, 500 px, crop 0.5)', () => {
  assert.deepEqual(validateTimelapseSettings({}), { ok: true, settings: { format: 'gif', fps: 10, size: 500, cropScale: 0.5 } });
  assert.deepEqual(DEFAULT_TIMELAPSE_SETTINGS, { format: 'gif', fps: 10, size: 500, cropScale: 0.5 });
  assert.deepEqual(validateTimelapseSettings({ format: 'webm', fps: 2.5, size: 64, cropScale: 1 }), {
    ok: true,
    settings: { format: 'webm', fps: 2.5, size: 64, cropScale: 1 },
  });
});

test('settings: fps <= 0 or not a number gives the spec message "Invalid FPS <fps>"', () => {
  assert.equal(message({ fps: 0 }), 'Invalid FPS 0');
  assert.equal(message({ fps: -1 }), 'Invalid FPS -1');
  assert.equal(message({ fps: -0.5 }), 'Invalid FPS -0.5');
  assert.equal(message({ fps: 'ten' }), 'Invalid FPS "ten"');
  assert.equal(message({ fps: '10' }), 'Invalid FPS "10"');
  assert.equal(message({ fps: Number.NaN }), 'Invalid FPS NaN');
  assert.equal(message({ fps: Number.POSITIVE_INFINITY }), 'Invalid FPS Infinity');
  assert.equal(message({ fps: null }), 'Invalid FPS null');
  // fps is checked first, as in the original.
  assert.equal(message({ fps: 0, format: 'avi' }), 'Invalid FPS 0');
});

test('settings: format, size and crop scale are checked with clear messages', () => {
  assert.equal(message({ format: 'avi' }), 'Invalid format "avi": must be one of gif, mp4, webm');
  assert.equal(message({ format: 'GIF' }), 'Invalid format "GIF": must be one of gif, mp4, webm');
  assert.equal(message({ size: 0 }), 'Invalid size 0: must be a whole number of pixels from 2 to 8192');
  assert.equal(message({ size: 12.5 }), 'Invalid size 12.5: must be a whole number of pixels from 2 to 8192');
  assert.equal(message({ size: 9000 }), 'Invalid size 9000: must be a whole number of pixels from 2 to 8192');
  assert.equal(message({ cropScale: 0 }), 'Invalid crop scale 0: scale must be in (0, 1]');
  assert.equal(message({ cropScale: 1.2 }), 'Invalid crop scale 1.2: scale must be in (0, 1]');
  assert.equal(message({ cropScale: -0.5 }), 'Invalid crop scale -0.5: scale must be in (0, 1]');
});

test('settings: requireTimelapseSettings throws a TimelapseError with the message', () => {
  assert.throws(() => requireTimelapseSettings({ fps: 0 }), (e: unknown) => e instanceof TimelapseError && e.message === 'Invalid FPS 0');
  assert.equal(requireTimelapseSettings({ fps: 16 }).fps, 16);
});

test('DATE-OBS: FITS date forms parse to UTC milliseconds', () => {
  assert.equal(parseFitsDate('2019-01-02T03:04:05'), Date.UTC(2019, 0, 2, 3, 4, 5));
  assert.equal(parseFitsDate('2019-01-02T03:04:05.250'), Date.UTC(2019, 0, 2, 3, 4, 5, 250));
  assert.equal(parseFitsDate('2019-01-02T03:04:05.1234567'), Date.UTC(2019, 0, 2, 3, 4, 5) + 123.4567);
  assert.equal(parseFitsDate('2019-01-02'), Date.UTC(2019, 0, 2));
  assert.equal(parseFitsDate('  2019-01-02T03:04  '), Date.UTC(2019, 0, 2, 3, 4));
  assert.equal(parseFitsDate('2019-01-02 03:04:05Z'), Date.UTC(2019, 0, 2, 3, 4, 5));
  assert.equal(parseFitsDate('02/01/99'), Date.UTC(1999, 0, 2));
  assert.equal(parseFitsDate('0050-06-01'), new Date('0050-06-01T00:00:00Z').getTime(), 'years below 100 are not shifted to 19xx');
  for (const bad of ['', 'yesterday', '2019-13-01', '2019-02-30', '2019-01-02T24:00:00', '2019-1-2', '2019-01-02T03:04:05+01:00']) {
    assert.equal(parseFitsDate(bad), null, bad);
  }
});

test('order: ascending time, ties keep the given order', () => {
  const frames = [
    { name: 'a', time: 3, index: 0 },
    { name: 'b', time: 1, index: 1 },
    { name: 'c', time: 2, index: 2 },
    { name: 'd', time: 1, index: 3 },
  ];
  assert.deepEqual(orderByDate(frames).map((f) => f.name), ['b', 'd', 'c', 'a']);
  assert.deepEqual(frames.map((f) => f.name), ['a', 'b', 'c', 'd'], 'input left alone');
});
