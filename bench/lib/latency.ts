// Closed-loop latency sampling with microsecond resolution: `connections` keep-alive connections,
// each sending its next request as soon as the previous answer has been read. autocannon keeps
// latencies in whole milliseconds, too coarse for single-connection requests of a few ms.
import http from 'node:http';

export interface LatencyResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

function get(agent: http.Agent, url: URL, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: url.hostname, port: url.port, path, agent }, (response) => {
      response.on('data', () => {});
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** GETs `paths` in turn (shared by all connections) for `seconds`; latencies in ms. */
export async function sampleLatency(base: string, paths: string[], options: { seconds: number; connections: number }): Promise<LatencyResult> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const path = paths[next++ % paths.length];
      const sent = performance.now();
      try {
        if ((await get(agent, url, path)) === 200) latencies.push(performance.now() - sent);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? NaN;
  return { requestsPerSecond: (latencies.length + errors) / elapsed, p50: at(0.5), p99: at(0.99), errors };
}
