// MxDC's ProjectSamples (GET /api/v2/<token>/samples/<beamline>/) for a project with 100 on-site
// samples loaded on the beamline, against a bare Fastify route serving the same bytes.
// Every Lightpath request carries one of 500 freshly signed tokens, so each is verified (DSA).
import { BEAMLINE, beamlineSection, projectSection, startLoadedLightpath } from './lib/facility.ts';
import { measure } from './lib/load.ts';
import type { LoadResult } from './lib/load.ts';
import { registeredClient, signedPaths, TOKEN_POOL, tokenSeconds } from './lib/mxdc.ts';
import { startBaseline } from './lib/servers.ts';
import type { Row } from './lib/table.ts';

const USER = 'bench';
const SAMPLES = 100;
const CONNECTIONS = 50;

export async function samples(seconds: number): Promise<Row[]> {
  const route = `samples/${BEAMLINE}/`;
  const project = projectSection({ username: USER, samples: SAMPLES, slots: ['L', 'M'] });
  let body: string;
  let lightpath: LoadResult;
  const server = await startLoadedLightpath({ ...project, beamlines: beamlineSection() });
  try {
    const client = await registeredClient(server.url, USER);
    const reply = await client.samples(BEAMLINE);
    if (reply.status !== 200 || !Array.isArray(reply.body) || reply.body.length !== SAMPLES) {
      throw new Error(`ProjectSamples answered ${reply.status} with ${reply.text.slice(0, 200)}`);
    }
    body = reply.text;
    const pool = () => signedPaths(client, route).map((path) => ({ path }));
    await measure(server.url, { seconds: 1, connections: 10, requests: pool() }); // warm-up
    lightpath = await measure(server.url, { seconds: tokenSeconds(seconds), connections: CONNECTIONS, requests: pool() });
  } finally {
    await server.stop();
  }

  const baseline = await startBaseline('bare-fastify', { BODY: body, ROUTE: '/samples' });
  let bare: LoadResult;
  try {
    await measure(`${baseline.url}/samples`, { seconds: 1, connections: 10 }); // warm-up
    bare = await measure(`${baseline.url}/samples`, { seconds, connections: CONNECTIONS });
  } finally {
    await baseline.stop();
  }

  const name = `GET samples (${SAMPLES} samples, ${Buffer.byteLength(body)} B)`;
  const row = (server: string, result: LoadResult): Row => ({
    benchmark: name, server, 'requests/s': result.requestsPerSecond, 'p50 ms': result.p50, 'p99 ms': result.p99, errors: result.errors + result.non2xx,
  });
  return [
    row('bare Fastify route (baseline)', bare),
    row(`Lightpath, SQLite (${TOKEN_POOL} fresh tokens)`, lightpath),
  ];
}
