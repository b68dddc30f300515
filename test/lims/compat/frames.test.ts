import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FramesError, countFrames, listFrames, parseFrames } from '../../../src/lims/compat/frames.ts';

test('frames: the spec example "1-4,8,10-99" has 95 frames', () => {
  const parsed = parseFrames('1-4,8,10-99');
  assert.equal(parsed.count, 95);
  assert.deepEqual(parsed.ranges, [
    { first: 1, last: 4 },
    { first: 8, last: 8 },
    { first: 10, last: 99 },
  ]);
  assert.deepEqual(listFrames(parsed).slice(0, 6), [1, 2, 3, 4, 8, 10]);
  assert.equal(listFrames(parsed).length, 95);
});

test('frames: MxDC summarize_list shapes', () => {
  assert.equal(countFrames('1-360'), 360);
  assert.equal(countFrames('5-5'), 1); // single frames are written as ranges
  assert.equal(countFrames('1-100,201-300'), 200);
  assert.equal(countFrames('0'), 1);
});

test('frames: duplicates are counted', () => {
  assert.equal(countFrames('1-4,1-4'), 8);
  assert.equal(countFrames('3,3'), 2);
});

test('frames: a descending range adds nothing', () => {
  const parsed = parseFrames('10-1,5');
  assert.deepEqual(parsed.ranges, [{ first: 5, last: 5 }]);
  assert.equal(parsed.count, 1);
});

test('frames: pieces with three or more numbers are ignored', () => {
  assert.equal(countFrames('1-2-3'), 0);
  assert.equal(countFrames('1-2-3,7-9'), 3);
});

test('frames: whitespace around numbers is allowed, as int() allows it', () => {
  assert.equal(countFrames(' 1 - 4 , 8 '), 5);
});

test('frames: a huge range is counted without being listed', () => {
  const parsed = parseFrames('1-999999999');
  assert.equal(parsed.count, 999999999);
  assert.throws(() => listFrames(parsed), FramesError);
});

test('frames: bad strings raise FramesError naming the input', () => {
  for (const bad of ['', '1-4,', ',', ',5', 'a', '1-', '-5', '1--3', '1-2-x', '1.5', '+5', '1_0', '٣', '5 5', '1-99999999999999999']) {
    assert.throws(
      () => parseFrames(bad),
      (error: unknown) => error instanceof FramesError && error.message.includes(JSON.stringify(bad)),
      JSON.stringify(bad),
    );
  }
});
