// The portal's cadence expansion: one window per period across [start, end], each as wide as the
// jitter and centred on its slot (clipped to the cadence), every window becoming its own request.
import { isObject, iso, parseUtc } from './values.ts';

const MAX_WINDOWS = 1000;

/** The expanded group, or a message saying why the cadence cannot be expanded. */
export function expandCadence(group: Record<string, unknown>): Record<string, unknown> | string {
  const requests = Array.isArray(group.requests) ? group.requests : [];
  const request = requests[0];
  if (!isObject(request) || !isObject(request.cadence)) return 'The request needs a cadence';
  const { start, end, period, jitter } = request.cadence;
  const from = parseUtc(start);
  const to = parseUtc(end);
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) return 'The cadence needs a start before its end';
  if (typeof period !== 'number' || typeof jitter !== 'number' || period <= 0 || jitter <= 0) return 'The cadence period and jitter must be positive (hours)';
  const periodMs = period * 3_600_000;
  const half = (jitter * 3_600_000) / 2;
  const expanded: Record<string, unknown>[] = [];
  for (let slot = from; slot <= to && expanded.length < MAX_WINDOWS; slot += periodMs) {
    const windowStart = Math.max(from, slot - half);
    const windowEnd = Math.min(to, slot + half);
    if (windowEnd <= windowStart) continue;
    const { cadence: _cadence, ...rest } = request;
    expanded.push({ ...rest, windows: [{ start: iso(windowStart), end: iso(windowEnd) }] });
  }
  if (expanded.length === 0) return 'The cadence has no window';
  return { ...group, requests: expanded };
}
