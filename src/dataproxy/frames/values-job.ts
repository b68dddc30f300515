// Raw pixel values of a small rectangle of a frame (the values.json route, ours): what the frame
// viewer shows under the cursor. Read on a frame worker, from the frame it keeps decoded.
import { jobFrame } from './render-job.ts';
import type { Region } from './render-job.ts';

export interface ValuesJob {
  kind: 'values';
  dir: string;
  relative: string;
  region: Region;
}

export type ValuesOutcome =
  | { kind: 'values'; width: number; height: number; cutoff: number; values: number[] }
  | { kind: 'missing'; reason?: string }
  | { kind: 'outside-frame'; width: number; height: number };

export async function valuesJob(job: ValuesJob): Promise<ValuesOutcome> {
  const found = await jobFrame(job.dir, job.relative);
  if ('kind' in found) return { kind: 'missing', reason: found.reason };
  const { frame } = found;
  if (frame === null) return { kind: 'missing' };
  const { x, y, w, h } = job.region;
  if (x + w > frame.width || y + h > frame.height) return { kind: 'outside-frame', width: frame.width, height: frame.height };
  const values: number[] = [];
  for (let row = y; row < y + h; row++) {
    for (const value of frame.pixels.subarray(row * frame.width + x, row * frame.width + x + w)) values.push(value);
  }
  return { kind: 'values', width: frame.width, height: frame.height, cutoff: frame.cutoff, values };
}
