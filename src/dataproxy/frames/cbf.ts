// miniCBF as Pilatus and Eiger detectors write it: a text header, then one binary section
// compressed with the CBF byte_offset scheme (each value is the difference to the previous one,
// in 1, 2 or 4 bytes, the wider forms announced by the escape bytes 0x80 and 0x8000).
import { frameRenderAddon } from './frame-addon.ts';
import { FrameUnreadable, MAX_FRAME_PIXELS } from './frame.ts';
import type { Frame } from './frame.ts';
import { sharedPixels } from './pixel-buffers.ts';
import { rememberContrast, statisticsRegion } from './render.ts';

export const CBF_MAGIC = '###CBF: ';
const BINARY_START = Buffer.from([0x0c, 0x1a, 0x04, 0xd5]);

function headerNumber(header: string, pattern: RegExp): number | null {
  const match = pattern.exec(header);
  return match ? Number(match[1]) : null;
}

/**
 * Told when the first rows of a frame are decoded and its contrast is known, while the rest is
 * still to decode: a preview's first band can be drawn meanwhile on another thread.
 */
export interface EarlyRows {
  /** The share of the frame's rows wanted first (the statistics region's are decoded first anyway). */
  share: number;
  ready: (frame: Frame, rows: number) => void;
}

export function decodeCbf(bytes: Buffer, early?: EarlyRows): Frame {
  const start = bytes.indexOf(BINARY_START);
  if (start < 0) throw new FrameUnreadable('CBF file without a binary section');
  const header = bytes.toString('latin1', 0, start);
  if (!/x-CBF_BYTE_OFFSET/i.test(header)) throw new FrameUnreadable('CBF compression other than byte_offset');
  const width = headerNumber(header, /X-Binary-Size-Fastest-Dimension:\s*(\d+)/i);
  const height = headerNumber(header, /X-Binary-Size-Second-Dimension:\s*(\d+)/i);
  if (!width || !height) throw new FrameUnreadable('CBF header without its dimensions');
  // The detectors' own limit; without one every non-negative count is valid.
  const cutoff = headerNumber(header, /#\s*Count_cutoff\s+(\d+)/i) ?? 2 ** 31 - 1;
  // Every pixel takes at least one byte: a header promising more than the file holds is damaged.
  const count = width * height;
  if (count > MAX_FRAME_PIXELS || count > bytes.length - start) throw new FrameUnreadable(`CBF data is shorter than its ${width} × ${height} pixels`);
  const addon = frameRenderAddon();
  if (addon === null) return { width, height, cutoff, pixels: byteOffsetValues(bytes, start + BINARY_START.length, count) };
  // In C, measuring the statistics region's percentiles on the way (each row while it is in cache).
  const pixels = new Int32Array(sharedPixels(count * 4));
  const frame: Frame = { width, height, cutoff, pixels };
  const { regionRows, regionCols } = statisticsRegion(width, height);
  const contrast = new Float64Array(2);
  const first = early === undefined ? height : Math.min(height, Math.max(regionRows, Math.ceil(height * early.share)));
  // [last value, byte offset]: the second call continues where the first stopped.
  const carry = new Float64Array([0, 0]);
  const valid = addon.decodeByteOffset(bytes, start + BINARY_START.length, pixels.subarray(0, first * width), width, regionRows, regionCols, cutoff, contrast, carry);
  if (valid < 0) throw new FrameUnreadable(`CBF data ends after ${-1 - valid} of ${count} pixels`);
  if (valid > 0) rememberContrast(frame, { lo: contrast[0], hi: contrast[1] });
  if (first < height) {
    early?.ready(frame, first);
    const rest = addon.decodeByteOffset(bytes, carry[1], pixels.subarray(first * width), width, 0, 0, cutoff, contrast, carry);
    if (rest < 0) throw new FrameUnreadable(`CBF data ends after ${first * width - 1 - rest} of ${count} pixels`);
  }
  return frame;
}

function byteOffsetValues(bytes: Buffer, offset: number, count: number): Int32Array {
  const pixels = new Int32Array(sharedPixels(count * 4));
  let at = offset;
  let value = 0;
  // Bytes are read directly (not through Buffer's checked readers): this loop runs once per pixel.
  const end = bytes.length;
  for (let i = 0; i < count; i++) {
    if (at >= end) throw new FrameUnreadable(`CBF data ends after ${i} of ${count} pixels`);
    let delta = bytes[at++];
    if (delta !== 0x80) {
      delta = (delta << 24) >> 24;
    } else {
      if (at + 2 > end) throw new FrameUnreadable('CBF data ends inside a value');
      delta = ((bytes[at] | (bytes[at + 1] << 8)) << 16) >> 16;
      at += 2;
      if (delta === -32768) {
        if (at + 4 > end) throw new FrameUnreadable('CBF data ends inside a value');
        delta = bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24);
        at += 4;
      }
    }
    value = (value + delta) | 0;
    pixels[i] = value;
  }
  return pixels;
}
