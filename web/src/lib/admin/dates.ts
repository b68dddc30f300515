// Date filters as people pick them (whole days, both ends included) and as the API takes them
// (`from` inclusive, `to` exclusive, ISO dates in UTC).

/** The API's exclusive `to` for a last day a person picked: the day after it. */
export function dayAfter(day: string | undefined): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return day || undefined;
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
