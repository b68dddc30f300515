// HTTP load from this process against a server in another process, for a fixed time.
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** One request of a rotation: autocannon walks the list in order on every connection, then starts over. */
export interface LoadRequest {
  path: string;
  method?: 'GET' | 'POST';
  body?: Buffer;
}

export interface LoadOptions {
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: Buffer;
  requests?: LoadRequest[];
}

export async function measure(url: string, options: LoadOptions): Promise<LoadResult> {
  const { seconds, connections, ...rest } = options;
  // autocannon treats a key set to undefined as given, so only pass what is set.
  const extra = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  const result = await autocannon({ url, duration: seconds, connections, ...extra });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
