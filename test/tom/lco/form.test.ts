// The LCO form's own rules (spec §5.3, the §8 LCO bullets): per-filter exposure fields, the
// missing-count/time and no-filter messages, Django's messages for wrong types and choices.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanLcoForm, filterFields, schedulableCodes } from '../../../src/tom/observations/facilities/lco/form.ts';
import type { LcoInstruments } from '../../../src/tom/observations/facilities/lco/portal.ts';
import { BASE_FORM, INSTRUMENTS, PROPOSALS, orbitalTarget, siderealTarget } from './helpers.ts';

const context = { instruments: INSTRUMENTS as unknown as LcoInstruments, proposals: PROPOSALS, facilityName: 'LCO' };
const clean = (form: Record<string, unknown>) => cleanLcoForm(form, siderealTarget(), context);
const errorsOf = (form: Record<string, unknown>) => {
  const result = clean(form);
  assert.equal(result.ok, false, 'the form should be invalid');
  return (result as { errors: Record<string, string[]> }).errors;
};

describe('LCO form rules', () => {
  test('red 1×2 s and blue 3×4 s are kept, unused green is dropped, values typed', () => {
    const result = clean({ ...BASE_FORM, redfilter_exposure_count: '1', redfilter_exposure_time: '2', bluefilter_exposure_count: '3', bluefilter_exposure_time: '4' });
    assert.equal(result.ok, true);
    const cleaned = (result as { cleaned: Record<string, unknown> }).cleaned;
    assert.deepEqual(cleaned, {
      facility: 'LCO', target_id: 1, observation_type: '', name: 'someobs', proposal: 'myprop', ipp_value: 1.05,
      observation_mode: 'NORMAL', instrument_type: 'myinstr', max_airmass: 1.6,
      start: '2000-01-01T00:00:00', end: '2001-01-01T00:00:00', period: null, jitter: null,
      cadence_strategy: '', cadence_frequency: null,
      bluefilter_exposure_count: 3, bluefilter_exposure_time: 4, redfilter_exposure_count: 1, redfilter_exposure_time: 2,
    });
    assert.ok(!('greenfilter_exposure_count' in cleaned));
  });

  test('no filter at all → "No filters selected" as the only non-field error', () => {
    assert.deepEqual(errorsOf(BASE_FORM), { __all__: ['No filters selected'] });
  });

  test('count without time and time without count name the filter by its display name', () => {
    const errors = errorsOf({
      ...BASE_FORM,
      redfilter_exposure_time: '2',
      bluefilter_exposure_count: '3',
      greenfilter_exposure_time: '20',
      greenfilter_exposure_count: '19',
    });
    assert.deepEqual(new Set(errors.__all__), new Set(["Exposure count missing for filter 'RED'", "Exposure time missing for filter 'BLUE'"]));
    assert.deepEqual(Object.keys(errors), ['__all__']);
  });

  test('typed JSON values (as templates store them) are accepted like strings', () => {
    const result = clean({ ...BASE_FORM, ipp_value: 1.05, max_airmass: 2, redfilter_exposure_count: 3, redfilter_exposure_time: 30.0, period: 24, jitter: '2' });
    assert.equal(result.ok, true);
    const cleaned = (result as { cleaned: Record<string, unknown> }).cleaned;
    assert.equal(cleaned.redfilter_exposure_count, 3);
    assert.equal(cleaned.period, 24);
    assert.equal(cleaned.jitter, 2);
  });

  test('wrong types, bounds and choices get Django\'s messages, field by field', () => {
    const errors = errorsOf({
      ...BASE_FORM,
      name: '   ',
      proposal: 'oldprop',
      ipp_value: '2.5',
      observation_mode: 'SOMETIMES',
      instrument_type: '2M0-FLOYDS-SCICAM',
      max_airmass: 'high',
      start: 'not a date',
      cadence_frequency: '1.5',
      redfilter_exposure_count: 'three',
      redfilter_exposure_time: '0.05',
    });
    assert.deepEqual(errors.name, ['This field is required.']);
    assert.deepEqual(errors.proposal, ['Select a valid choice. oldprop is not one of the available choices.']);
    assert.deepEqual(errors.ipp_value, ['Ensure this value is less than or equal to 2.']);
    assert.deepEqual(errors.observation_mode, ['Select a valid choice. SOMETIMES is not one of the available choices.']);
    assert.deepEqual(errors.instrument_type, ['Select a valid choice. 2M0-FLOYDS-SCICAM is not one of the available choices.']);
    assert.deepEqual(errors.max_airmass, ['Enter a number.']);
    assert.deepEqual(errors.start, ['Enter a valid date/time.']);
    assert.deepEqual(errors.cadence_frequency, ['Enter a whole number.']);
    assert.deepEqual(errors.redfilter_exposure_count, ['Enter a whole number.']);
    assert.deepEqual(errors.redfilter_exposure_time, ['Ensure this value is greater than or equal to 0.1.']);
    // The form's clean() still runs and sees no valid filter.
    assert.deepEqual(errors.__all__, ['No filters selected']);
  });

  test('missing required fields and the lower bounds', () => {
    const errors = errorsOf({ redfilter_exposure_count: 0, redfilter_exposure_time: 1, ipp_value: 0.4 });
    for (const field of ['name', 'proposal', 'observation_mode', 'instrument_type', 'max_airmass', 'start', 'end']) {
      assert.deepEqual(errors[field], ['This field is required.'], field);
    }
    assert.deepEqual(errors.ipp_value, ['Ensure this value is greater than or equal to 0.5.']);
    assert.deepEqual(errors.redfilter_exposure_count, ['Ensure this value is greater than or equal to 1.']);
    assert.deepEqual(errors.__all__, ["Exposure count missing for filter 'RED'"]);
  });

  test('Django coercions: "3.0" is a whole number, booleans are not, surrounding spaces are fine', () => {
    const ok = clean({ ...BASE_FORM, redfilter_exposure_count: ' 3.0 ', redfilter_exposure_time: ' 1e1 ' });
    assert.equal(ok.ok, true);
    assert.equal((ok as { cleaned: Record<string, unknown> }).cleaned.redfilter_exposure_count, 3);
    assert.equal((ok as { cleaned: Record<string, unknown> }).cleaned.redfilter_exposure_time, 10);
    const errors = errorsOf({ ...BASE_FORM, redfilter_exposure_count: true, redfilter_exposure_time: 'NaN' });
    assert.deepEqual(errors.redfilter_exposure_count, ['Enter a whole number.']);
    assert.deepEqual(errors.redfilter_exposure_time, ['Enter a number.']);
  });

  test('start and end: any date spelling, stored as UTC "YYYY-MM-DDTHH:MM:SS"', () => {
    const cases: [string, string][] = [
      ['2019-08-05', '2019-08-05T00:00:00'],
      ['2019-08-05 13:45', '2019-08-05T13:45:00'],
      ['2019-08-05T13:45:10.123456', '2019-08-05T13:45:10'],
      ['2019-08-05T13:45:10+02:00', '2019-08-05T11:45:10'],
      ['Aug 5 2019 10:00', '2019-08-05T10:00:00'],
    ];
    for (const [input, stored] of cases) {
      const result = clean({ ...BASE_FORM, start: input, redfilter_exposure_count: 1, redfilter_exposure_time: 1 });
      assert.equal(result.ok, true, input);
      assert.equal((result as { cleaned: Record<string, unknown> }).cleaned.start, stored, input);
    }
    assert.deepEqual(errorsOf({ ...BASE_FORM, end: '2019-02-30', redfilter_exposure_count: 1, redfilter_exposure_time: 1 }).end, ['Enter a valid date/time.']);
  });

  test('a non-sidereal target without a scheme cannot be observed', () => {
    const target = { ...orbitalTarget('MPC_COMET'), scheme: null };
    const result = cleanLcoForm({ ...BASE_FORM, redfilter_exposure_count: 1, redfilter_exposure_time: 1 }, target, context);
    assert.equal(result.ok, false);
    assert.deepEqual((result as { errors: Record<string, string[]> }).errors.__all__, ["Target 'Ceres' has no orbital element scheme"]);
  });

  test('filter fields: every filter of every instrument, slits excluded, ordered by display name', () => {
    assert.deepEqual(filterFields(context.instruments).map((f) => f.code), ['bluefilter', 'greenfilter', 'redfilter', 'soarfilter']);
  });

  test('schedulable codes per instrument: schedulable filters, then slits', () => {
    const response = {
      instr1: { optical_elements: { filters: [{ code: 'a1', schedulable: false }, { code: 'a2', schedulable: true }], slits: [{ code: 'a3', schedulable: true }] } },
      instr2: { optical_elements: { slits: [{ code: 'b1', schedulable: true }] } },
    };
    assert.deepEqual(schedulableCodes(response), { instr1: ['a2', 'a3'], instr2: ['b1'] });
  });
});
