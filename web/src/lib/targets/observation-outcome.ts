// How an observation turned out, from its facility's state (LCO's words): the icons and the
// success rate of the target page, as tom_education showed them.
export type Outcome = 'completed' | 'failed' | 'pending';

const FAILED = new Set(['FAILED', 'CANCELED', 'CANCELLED', 'WINDOW_EXPIRED', 'NOT_ATTEMPTED']);

export function outcomeOf(status: string): Outcome {
  if (status === 'COMPLETED') return 'completed';
  return FAILED.has(status) ? 'failed' : 'pending';
}

/** Percent of observations per outcome, rounded, in the order completed, pending, failed. */
export function successRate(statuses: string[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { completed: 0, pending: 0, failed: 0 };
  for (const status of statuses) counts[outcomeOf(status)]++;
  const total = statuses.length || 1;
  return { completed: Math.round((100 * counts.completed) / total), pending: Math.round((100 * counts.pending) / total), failed: Math.round((100 * counts.failed) / total) };
}
