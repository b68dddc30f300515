// The survey's scale, as MxLIVE's was: −2 to 2 with no middle, or N/A. A choice left empty means
// the area is not rated at all and is left out of the answer.
export const SCALE = [
  { value: '-2', rating: -2, label: '−2', words: 'very poor' },
  { value: '-1', rating: -1, label: '−1', words: 'poor' },
  { value: '1', rating: 1, label: '+1', words: 'good' },
  { value: '2', rating: 2, label: '+2', words: 'excellent' },
  { value: 'na', rating: null, label: 'N/A', words: 'not applicable' },
] as const;

export type Choice = (typeof SCALE)[number]['value'] | '';

export interface RatedArea {
  area_id: number;
  rating: number | null;
}

/** The answer's ratings, in survey order, and which area each entry is (the server names problems by index). */
export function ratingsOf(areaIds: number[], choices: Record<number, Choice>): RatedArea[] {
  return areaIds.flatMap((id) => {
    const step = SCALE.find((s) => s.value === choices[id]);
    return step ? [{ area_id: id, rating: step.rating }] : [];
  });
}

/** The server's problems for `ratings.<i>.…`, keyed by area id, so each shows beside its area. */
export function problemsByArea(rated: RatedArea[], fields: Record<string, string[]>): Record<number, string[]> {
  const byArea: Record<number, string[]> = {};
  for (const [name, problems] of Object.entries(fields)) {
    const match = /^ratings\.(\d+)\./.exec(name);
    const entry = match ? rated[Number(match[1])] : undefined;
    if (entry) byArea[entry.area_id] = [...(byArea[entry.area_id] ?? []), ...problems];
  }
  return byArea;
}

/** An average rating as a signed number with one decimal, or a dash when nobody rated. */
export function averageText(average: number | null): string {
  if (average === null) return '—';
  return `${average > 0 ? '+' : average < 0 ? '−' : ''}${Math.abs(average).toFixed(1)}`;
}
