/**
 * Frame order (spec §3): ascending DATE-OBS. Equal times keep the order they were given
 * in, so a re-run over the same inputs always produces the same timelapse.
 */
export interface Timed {
  time: number;
  index: number;
}

export function orderByDate<T extends Timed>(frames: readonly T[]): T[] {
  return [...frames].sort((a, b) => a.time - b.time || a.index - b.index);
}
