// A session's stretches (the spans MxDC had the beamline), for the list and the timeline. The API
// gives them newest first; an open stretch runs until now.
import type { BeamlineSession } from '$lib/datasets/types';

type Stretch = BeamlineSession['stretches'][number];

/** When the session began: its oldest stretch, else when it was created. */
export function firstStart(session: BeamlineSession): string {
  return session.stretches.at(-1)?.started_at ?? session.created_at;
}

export interface TimelineBar {
  stretch: Stretch;
  /** Left edge and width as percentages of the whole span. */
  left: number;
  width: number;
  seconds: number;
}

/** The stretches oldest first, placed on one axis from the first start to the last end (or now). */
export function timelineBars(stretches: Stretch[], now: number): { bars: TimelineBar[]; start: number; end: number } {
  const ordered = [...stretches].reverse();
  const spans = ordered.map((stretch) => ({
    stretch, from: Date.parse(stretch.started_at), to: stretch.ended_at ? Date.parse(stretch.ended_at) : now,
  }));
  const start = Math.min(...spans.map((s) => s.from));
  const end = Math.max(...spans.map((s) => s.to), start + 1000);
  const whole = end - start;
  return {
    start, end,
    bars: spans.map(({ stretch, from, to }) => ({
      stretch,
      left: ((from - start) / whole) * 100,
      width: Math.max(((to - from) / whole) * 100, 0.5),
      seconds: Math.max(0, (to - from) / 1000),
    })),
  };
}
