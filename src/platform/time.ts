// Time is UTC inside Lightpath and stored as ISO-8601 text; wire formats convert at the edge.
export function isoNow(): string {
  return new Date().toISOString();
}

export function isoAfter(seconds: number, from: Date = new Date()): string {
  return new Date(from.getTime() + seconds * 1000).toISOString();
}

/** Epoch seconds with a microsecond-style fraction, as Python's datetime.timestamp() gives. */
export function epochSeconds(iso: string): number {
  return Date.parse(iso) / 1000;
}

/**
 * Waits `ms`, or until `signal` aborts. The listener is removed when the time is up: a loop that
 * sleeps on one long-lived signal would otherwise add a listener on every turn, for ever.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
