import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lightCurve, parseDateObs } from '../../../src/tom/photometry/index.ts';
import { memoryFrame, renderScene } from './synthetic.ts';

const TARGET = { ra: 250.4235, dec: 36.4613 };

function frameAt(dateObs: string | undefined, flux: number, extra = {}) {
  const data = renderScene({ width: 48, height: 48, sky: 100, stars: [{ x: 24, y: 24, flux }] });
  return memoryFrame(data, 48, 48, { centre: [24, 24], time: dateObs ? parseDateObs(dateObs) : undefined, filter: 'V', ...extra });
}

test('in-memory frames: sorted by time, magnitudes follow the flux, failures typed', async () => {
  const curve = await lightCurve(
    [
      { file: 'late', frame: frameAt('2019-08-02T05:00:00', 10000) },
      { file: 'early', frame: frameAt('2019-08-02T02:00:00', 40000) },
      { file: 'untimed', frame: frameAt(undefined, 20000) },
      { file: 'blind', frame: frameAt('2019-08-02T03:00:00', 20000, { wcs: null, wcsProblem: 'no CTYPE' }) },
    ],
    TARGET,
  );
  assert.deepEqual(curve.points.map((p) => p.file), ['early', 'late']);
  // Four times the flux is 2.5·log10(4) ≈ 1.505 mag brighter.
  const diff = curve.points[1].magnitude - curve.points[0].magnitude;
  assert.ok(Math.abs(diff - 2.5 * Math.log10(4)) < 0.005, `difference ${diff}`);
  assert.equal(curve.points[0].filter, 'V');
  assert.deepEqual(
    curve.failures.map((f) => [f.file, f.code]),
    [
      ['untimed', 'bad-header'],
      ['blind', 'no-wcs'],
    ],
  );
  assert.match(curve.failures[1].message, /no CTYPE/);
});
