import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanizeHours, humanizeSeconds } from '../../../src/lims/compat/humanize.ts';

// Expected strings were checked against the original Python algorithm.

test('humanize: the spec examples (hours in)', () => {
  assert.equal(humanizeHours(0), '0 minutes');
  assert.equal(humanizeHours(0.25), '15 mins');
  assert.equal(humanizeHours(1), '1 hour');
  assert.equal(humanizeHours(1.5), '1 hour 30 mins');
  assert.equal(humanizeHours(26), '1 day 2 hours');
  assert.equal(humanizeHours(200), '1 week 1 day');
});

test('humanize: zero and under half a second give "0 minutes"', () => {
  assert.equal(humanizeSeconds(0), '0 minutes');
  assert.equal(humanizeSeconds(0.4), '0 minutes');
  assert.equal(humanizeSeconds(0.5), '0 minutes'); // round(0.5) is 0 in Python
});

test('humanize: seconds only', () => {
  assert.equal(humanizeSeconds(1), '1 sec');
  assert.equal(humanizeSeconds(45), '45 secs');
  assert.equal(humanizeSeconds(0.6), '1 sec');
});

test('humanize: rounding and plural quirks are kept', () => {
  assert.equal(humanizeSeconds(1.2), '1 secs'); // plural tests the unrounded value
  assert.equal(humanizeSeconds(1.6), '2 secs');
  assert.equal(humanizeSeconds(2.5), '2 secs'); // half to even
  assert.equal(humanizeSeconds(3.5), '4 secs');
  assert.equal(humanizeSeconds(59.5), '60 secs');
});

test('humanize: minutes and hours', () => {
  assert.equal(humanizeSeconds(60), '1 min');
  assert.equal(humanizeSeconds(61), '1 min 1 sec');
  assert.equal(humanizeSeconds(3661), '1 hour 1 min');
  assert.equal(humanizeSeconds(7322.7), '2 hours 2 mins');
});

test('humanize: only the first two non-zero units, adjacent or not', () => {
  assert.equal(humanizeSeconds(90061), '1 day 1 hour');
  assert.equal(humanizeSeconds(259259), '3 days 59 secs');
  assert.equal(humanizeSeconds(90061, 4), '1 day 1 hour 1 min 1 sec');
});

test('humanize: weeks, 4.35-week months and years', () => {
  assert.equal(humanizeSeconds(86400 * 35), '1 month 1 week');
  assert.equal(humanizeSeconds(86400 * 7 * 4.35), '4 weeks 2 days');
  assert.equal(humanizeSeconds(86400 * 365), '11 months 4 weeks');
  assert.equal(humanizeSeconds(86400 * 730), '1 year 11 months');
  assert.equal(humanizeSeconds(12345678.9), '4 months 3 weeks');
  assert.equal(humanizeSeconds(1e9), '31 years 8 months');
});

test('humanize: non-finite input is refused', () => {
  assert.throws(() => humanizeSeconds(Number.NaN), RangeError);
});
