// The few d3 functions the report charts use beyond Observable Plot. The packages come with Plot
// (it depends on d3) but ship no types of their own.
declare module 'd3-shape' {
  export interface PieArcDatum<T> {
    data: T;
    value: number;
    index: number;
    startAngle: number;
    endAngle: number;
    padAngle: number;
  }
  export interface PieGenerator<T> {
    (data: T[]): PieArcDatum<T>[];
    value(accessor: (datum: T) => number): PieGenerator<T>;
    sort(compare: null): PieGenerator<T>;
    padAngle(angle: number): PieGenerator<T>;
  }
  export interface ArcGenerator<T> {
    (datum: T): string | null;
    innerRadius(radius: number): ArcGenerator<T>;
    outerRadius(radius: number): ArcGenerator<T>;
    centroid(datum: T): [number, number];
  }
  export function pie<T>(): PieGenerator<T>;
  export function arc<T>(): ArcGenerator<T>;
}

declare module 'd3-array' {
  /** About `count` evenly spaced round values from start to stop. */
  export function ticks(start: number, stop: number, count: number): number[];
}

declare module 'd3-time-format' {
  /** A formatter for dates in local time, from a strftime-like pattern ("%H:%M"). */
  export function timeFormat(specifier: string): (date: Date) => string;
}
