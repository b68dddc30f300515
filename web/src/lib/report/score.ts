// Report scores run from 0 to 1 (the crystal score of the processing program); people read them
// as words, as MxLIVE showed them.
export type ScoreLevel = 'excellent' | 'good' | 'acceptable' | 'marginal' | 'poor';

export function scoreLevel(score: number): ScoreLevel {
  if (score > 0.8) return 'excellent';
  if (score > 0.6) return 'good';
  if (score > 0.5) return 'acceptable';
  if (score > 0.4) return 'marginal';
  return 'poor';
}
