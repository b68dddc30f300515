// GET /healthz on Lightpath (its real stack: hooks, access policy, request ids, JSON logging)
// against a bare Fastify route serving the same bytes, measured in the same run.
import { measure } from './lib/load.ts';
import { startBaseline, startLightpath } from './lib/servers.ts';
import type { Row } from './lib/table.ts';

export async function healthz(seconds: number): Promise<Row[]> {
  const rows: Row[] = [];
  const contenders = [
    { name: 'bare Fastify route (baseline)', start: () => startBaseline('bare-fastify') },
    { name: 'Lightpath /healthz (default settings)', start: () => startLightpath() },
  ];
  for (const contender of contenders) {
    const server = await contender.start();
    try {
      await measure(`${server.url}/healthz`, { seconds: 1, connections: 10 }); // warm-up
      const result = await measure(`${server.url}/healthz`, { seconds, connections: 50 });
      rows.push({
        benchmark: 'GET /healthz', server: contender.name, 'requests/s': result.requestsPerSecond,
        'p50 ms': result.p50, 'p99 ms': result.p99, errors: result.errors + result.non2xx,
      });
    } finally {
      await server.stop();
    }
  }
  return rows;
}
