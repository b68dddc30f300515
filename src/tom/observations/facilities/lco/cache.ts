// A value fetched at most once per time-to-live, per facility instance. Callers arriving while a
// fetch is under way share it; a failed fetch is not remembered, so the next caller tries again.

export type Clock = () => number;

export class TimedValue<T> {
  private value: { promise: Promise<T>; expires: number } | null = null;

  constructor(private readonly ttlMs: number, private readonly clock: Clock) {}

  get(load: () => Promise<T>): Promise<T> {
    const now = this.clock();
    if (this.value && now < this.value.expires) return this.value.promise;
    // Until it settles the entry never expires, so concurrent callers share one request.
    const entry = { promise: load(), expires: Number.POSITIVE_INFINITY };
    this.value = entry;
    entry.promise.then(
      () => {
        // The time-to-live counts from when the answer arrived.
        if (this.value === entry) entry.expires = this.clock() + this.ttlMs;
      },
      () => {
        if (this.value === entry) this.value = null;
      },
    );
    return entry.promise;
  }

  /** Forgets the value, e.g. a token the archive no longer accepts. */
  clear(): void {
    this.value = null;
  }
}
