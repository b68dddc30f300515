// How the portal's validation errors are attached to the form (spec §5.3).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hasErrors, portalErrors } from '../../../src/tom/observations/facilities/lco/portal-errors.ts';

const FIELDS = new Set(['name', 'proposal', 'redfilter_exposure_time']);

describe('portal validation errors', () => {
  test('field messages stay with the field, whatever the nesting; others are "<key>: <message>"', () => {
    const errors = portalErrors({
      name: 'A name is required',
      requests: [{}, { configurations: [{ instrument_configs: [{ redfilter_exposure_time: ['too short'], exposure_time: ['must be positive'] }] }] }],
      ipp_value: ['out of range'],
    }, FIELDS);
    assert.deepEqual(errors, {
      name: ['A name is required'],
      redfilter_exposure_time: ['too short'],
      __all__: ['exposure_time: must be positive', 'ipp_value: out of range'],
    });
  });

  test('plain string or list answers are non-field errors; an answer without any message still shows', () => {
    assert.deepEqual(portalErrors('Proposal is over its allocation', FIELDS), { __all__: ['Proposal is over its allocation'] });
    assert.deepEqual(portalErrors(['a', 'b'], FIELDS), { __all__: ['a', 'b'] });
    assert.deepEqual(portalErrors({ requests: [{}] }, FIELDS), { __all__: ['LCO: {"requests":[{}]}'] });
  });

  test('empty answers mean valid', () => {
    for (const empty of [{}, [], null, undefined, '']) assert.equal(hasErrors(empty), false);
    assert.equal(hasErrors({ name: ['x'] }), true);
  });
});
