// Shared memory for a frame's pixels, reusing the buffer of the frame this worker has just let go
// of. A fresh buffer of a Pilatus 6M frame (25 MB) costs the kernel ~6,000 page faults and zeroed
// pages on first write, as long as decoding the frame natively; frames of one dataset all have
// the same size, so stepping through them reuses one buffer. Decoders overwrite every value.
import type { Frame } from './frame.ts';

let spare: SharedArrayBuffer | null = null;

export function sharedPixels(byteLength: number): SharedArrayBuffer {
  const reused = spare;
  spare = null;
  return reused !== null && reused.byteLength === byteLength ? reused : new SharedArrayBuffer(byteLength);
}

/** Hands back the pixels of a frame nothing will read again (no job of this worker, nor its band helper, holds it). */
export function releasePixels(frame: Frame | null): void {
  const { buffer, byteLength } = frame?.pixels ?? {};
  if (buffer instanceof SharedArrayBuffer && buffer.byteLength === byteLength) spare = buffer;
}
