// A target's photometry as the plot draws it: one series per observation (labelled by when it was
// scheduled), and one for measurements not taken from an observation's frames.
import type { Observation, ReducedDatum } from './types';
import { localTime } from '$lib/format';

export interface Point {
  time: Date;
  magnitude: number;
  error: number;
  series: string;
}

export const OTHER_SERIES = 'Not from an observation';

export function seriesLabel(observation: Observation | undefined, recordId: number): string {
  if (!observation) return `Observation ${recordId}`;
  return observation.scheduled_start ? `Observation of ${localTime(observation.scheduled_start)}` : `Observation ${observation.observation_id}`;
}

export function photometryPoints(datums: ReducedDatum[], observations: Observation[]): Point[] {
  const byId = new Map(observations.map((o) => [o.id, o]));
  return datums.flatMap((datum) => {
    const magnitude = Number(datum.value.magnitude);
    const error = Number(datum.value.error ?? 0);
    if (!Number.isFinite(magnitude)) return [];
    const series = datum.observation_record_id === null ? OTHER_SERIES : seriesLabel(byId.get(datum.observation_record_id), datum.observation_record_id);
    return [{ time: new Date(datum.timestamp), magnitude, error: Number.isFinite(error) ? error : 0, series }];
  });
}

/** The series in the order of their first point. */
export function seriesNames(points: Point[]): string[] {
  return [...new Set([...points].sort((a, b) => a.time.getTime() - b.time.getTime()).map((p) => p.series))];
}
