import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateObs, photometryCsv, photometryCsvFilename, photometryCsvRows, pythonFloat } from '../../../src/tom/photometry/index.ts';

test('numbers are written as Python repr() writes floats', () => {
  const cases: [number, string][] = [
    [14.0, '14.0'],
    [14.377625856480384, '14.377625856480384'],
    [0.1, '0.1'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [0.000012345, '1.2345e-05'],
    [-2.5, '-2.5'],
    [0, '0.0'],
    [1e15, '1000000000000000.0'],
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [123456789.125, '123456789.125'],
    [1e-100, '1e-100'],
    [Number.NaN, 'nan'],
    [Infinity, 'inf'],
  ];
  for (const [value, expected] of cases) assert.equal(pythonFloat(value), expected, String(value));
});

test('CSV rows: Python isoformat timestamps, CRLF, no header', () => {
  const csv = photometryCsv([
    { timestamp: new Date('2019-08-02T02:00:00Z'), magnitude: 14.25, error: 0.01 },
    { timestamp: '2019-08-02T02:32:39.152000+00:00', magnitude: 14, error: 0.005 },
    { timestamp: '2019-08-02 03:00:00.5', magnitude: 13.9, error: 0.00001 },
    { timestamp: Date.UTC(2019, 7, 2, 4), magnitude: 14.1, error: 0.02 },
  ]);
  assert.equal(
    csv,
    '2019-08-02T02:00:00+00:00,14.25,0.01\r\n' +
      '2019-08-02T02:32:39.152000+00:00,14.0,0.005\r\n' +
      '2019-08-02T03:00:00.500000+00:00,13.9,1e-05\r\n' +
      '2019-08-02T04:00:00+00:00,14.1,0.02\r\n',
  );
  assert.equal(photometryCsv([]), '');
  assert.throws(() => photometryCsv([{ timestamp: 'last tuesday', magnitude: 1, error: 1 }]), RangeError);
});

test('light-curve points become time-ordered CSV rows through their MJD', () => {
  const at = (iso: string) => parseDateObs(iso)!;
  const rows = photometryCsvRows([
    { time: at('2019-08-02T05:00:00.25'), magnitude: 14.2, error: 0.01 },
    { time: at('2019-08-02T02:00:00'), magnitude: 14.4, error: 0.02 },
  ]);
  assert.equal(photometryCsv(rows), '2019-08-02T02:00:00+00:00,14.4,0.02\r\n2019-08-02T05:00:00.250000+00:00,14.2,0.01\r\n');
});

test('download file name replaces spaces and dots', () => {
  assert.equal(photometryCsvFilename('Hercules Globular Cluster'), 'Hercules_Globular_Cluster.csv');
  assert.equal(photometryCsvFilename('NGC 6205.a'), 'NGC_6205_a.csv');
});
