// A dataset's frames as MxDC describes them: a list such as "1-360" or "1-10,20", and a file name
// template in Python's format ("lyso_1_{:05d}.cbf"). An HDF5 master file holds every frame, which
// the Data Proxy reads as "<master>/<frame number, 6 digits>".
const PLACEHOLDER = /\{(?::0?(\d*)d)?\}/;

/** At most this many frames are listed; MxDC's datasets stay well below it. */
export const FRAME_LIST_LIMIT = 100_000;

/** Every frame number in order; pieces that are not numbers or ranges are skipped. */
export function frameNumbers(frames: string, count: number): number[] {
  const numbers: number[] = [];
  for (const piece of frames.split(',')) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(piece);
    if (!match) continue;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    for (let frame = first; frame <= last && numbers.length < FRAME_LIST_LIMIT; frame++) numbers.push(frame);
  }
  // A dataset without a frame list is one frame (MxLIVE's first_frame is then 1).
  return numbers.length > 0 ? numbers : Array.from({ length: Math.min(Math.max(count, 1), FRAME_LIST_LIMIT) }, (_, i) => i + 1);
}

/** The file (or HDF5 path) holding frame `n`. */
export function frameFile(template: string, n: number): string {
  const match = PLACEHOLDER.exec(template);
  if (match) return template.replace(PLACEHOLDER, String(n).padStart(Number(match[1] || 0), '0'));
  if (/\.h5$/i.test(template)) return `${template}/${String(n).padStart(6, '0')}`;
  return template;
}
