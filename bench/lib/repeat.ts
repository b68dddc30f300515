// Runs a task again and again for a time budget (at least `minimum` times) and keeps each duration.
export interface Repeated {
  runs: number;
  /** Seconds per run, in run order. */
  seconds: number[];
  median: number;
}

export async function repeatFor(budgetSeconds: number, task: () => Promise<unknown> | unknown, minimum = 1): Promise<Repeated> {
  const seconds: number[] = [];
  const started = performance.now();
  while (seconds.length < minimum || performance.now() - started < budgetSeconds * 1000) {
    const t = performance.now();
    await task();
    seconds.push((performance.now() - t) / 1000);
  }
  const sorted = [...seconds].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { runs: seconds.length, seconds, median };
}
