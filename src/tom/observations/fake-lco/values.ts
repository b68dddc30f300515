// Small helpers for the JSON the fake portal reads and writes.

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Portal times without a zone are UTC. */
export function parseUtc(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  return Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`);
}

/** As the portal writes times: "2019-08-05T00:00:00Z". */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
