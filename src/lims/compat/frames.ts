// MxDC frame lists such as "1-4,8,10-99" (spec §3.5, step 6), parsed with the
// original's rules: pieces split on ",", each piece split on "-"; two numbers are an
// inclusive range, one number is a single frame, three or more are ignored. A
// descending range adds nothing; duplicates are counted. Every number must parse,
// so an empty piece ("1-4,") or "5-" is an error (the original's 500, D8's 400).

export class FramesError extends Error {
  override name = 'FramesError';
}

/** Inclusive range; a single frame has first === last. */
export interface FrameRange {
  first: number;
  last: number;
}

export interface ParsedFrames {
  /** Non-empty ranges in input order (descending and 3-part pieces dropped). */
  ranges: FrameRange[];
  /** Number of frames, duplicates included: what MxLIVE stores as num_frames. */
  count: number;
}

// Python's int() also allows surrounding whitespace; signs cannot occur since "-" splits.
const NUMBER = /^\s*(\d+)\s*$/;

function parseNumber(text: string, piece: string, whole: string): number {
  const match = NUMBER.exec(text);
  const value = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(value)) {
    throw new FramesError(`bad frame number ${JSON.stringify(text)} in piece ${JSON.stringify(piece)} of frames ${JSON.stringify(whole)}`);
  }
  return value;
}

export function parseFrames(text: string): ParsedFrames {
  const ranges: FrameRange[] = [];
  let count = 0;
  for (const piece of text.split(',')) {
    const numbers = piece.split('-').map((part) => parseNumber(part, piece, text));
    let range: FrameRange | null = null;
    if (numbers.length === 1) range = { first: numbers[0], last: numbers[0] };
    else if (numbers.length === 2 && numbers[0] <= numbers[1]) range = { first: numbers[0], last: numbers[1] };
    if (range) {
      ranges.push(range);
      count += range.last - range.first + 1;
    }
  }
  if (!Number.isSafeInteger(count)) throw new FramesError(`frames ${JSON.stringify(text)} count too many frames`);
  return { ranges, count };
}

export function countFrames(text: string): number {
  return parseFrames(text).count;
}

/**
 * Every frame number in order, duplicates included. Capped, because a single range
 * such as "1-999999999" is cheap to count but not to list.
 */
export function listFrames(parsed: ParsedFrames, limit = 1_000_000): number[] {
  if (parsed.count > limit) throw new FramesError(`${parsed.count} frames is more than the limit of ${limit}`);
  const frames: number[] = [];
  for (const { first, last } of parsed.ranges) {
    for (let frame = first; frame <= last; frame++) frames.push(frame);
  }
  return frames;
}
