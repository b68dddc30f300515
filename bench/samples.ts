// MxDC's ProjectSamples (GET /api/v2/<token>/samples/<beamline>/) for a project with 100 on-site
// samples loaded on the beamline, at 8 and 50 connections, on SQLite and (when a cluster is given)
// PostgreSQL, against a bare Fastify route serving the same bytes in the same run.
// Every Lightpath request carries one of 500 freshly signed tokens, so each is verified (DSA).
import { BEAMLINE, beamlineSection, projectSection, startLoadedLightpath } from './lib/facility.ts';
import { measure } from './lib/load.ts';
import type { LoadResult } from './lib/load.ts';
import { registeredClient, signedPaths, TOKEN_POOL, tokenSeconds } from './lib/mxdc.ts';
import { analyzeDatabase, onFreshPostgres } from './lib/postgres.ts';
import { startBaseline } from './lib/servers.ts';
import type { Outcome, Row } from './lib/table.ts';

const USER = 'bench';
const SAMPLES = 100;
/** A few MxDC clients at once, and a crowd. */
const CONCURRENCIES = [8, 50];

type Results = Map<number, LoadResult>;

/** Measures one Lightpath server at each concurrency; returns the results and the bytes it answered. */
async function measureLightpath(seconds: number, env: Record<string, string>): Promise<{ results: Results; body: string }> {
  const project = projectSection({ username: USER, samples: SAMPLES, slots: ['L', 'M'] });
  const server = await startLoadedLightpath({ ...project, beamlines: beamlineSection() }, env);
  try {
    if (env.DATABASE_URL) await analyzeDatabase(env.DATABASE_URL);
    const client = await registeredClient(server.url, USER);
    const reply = await client.samples(BEAMLINE);
    if (reply.status !== 200 || !Array.isArray(reply.body) || reply.body.length !== SAMPLES) {
      throw new Error(`ProjectSamples answered ${reply.status} with ${reply.text.slice(0, 200)}`);
    }
    // Signed just before each measurement, so no token outlives its minute.
    const pool = () => signedPaths(client, `samples/${BEAMLINE}/`).map((path) => ({ path }));
    const results: Results = new Map();
    for (const connections of CONCURRENCIES) {
      await measure(server.url, { seconds: 1, connections, requests: pool() }); // warm-up
      results.set(connections, await measure(server.url, { seconds: tokenSeconds(seconds), connections, requests: pool() }));
    }
    return { results, body: reply.text };
  } finally {
    await server.stop();
  }
}

async function measureBaseline(seconds: number, body: string): Promise<Results> {
  const baseline = await startBaseline('bare-fastify', { BODY: body, ROUTE: '/samples' });
  try {
    const results: Results = new Map();
    for (const connections of CONCURRENCIES) {
      await measure(`${baseline.url}/samples`, { seconds: 1, connections }); // warm-up
      results.set(connections, await measure(`${baseline.url}/samples`, { seconds, connections }));
    }
    return results;
  } finally {
    await baseline.stop();
  }
}

export async function samples(seconds: number): Promise<Outcome> {
  const contenders: Array<{ server: string; results: Results }> = [];
  const sqlite = await measureLightpath(seconds, {});
  contenders.push({ server: `Lightpath, SQLite (${TOKEN_POOL} fresh tokens)`, results: sqlite.results });
  const postgres = await onFreshPostgres('samples', (url) => measureLightpath(seconds, { DATABASE_URL: url }));
  if (postgres) contenders.push({ server: `Lightpath, PostgreSQL (${TOKEN_POOL} fresh tokens)`, results: postgres.results });
  const bare = await measureBaseline(seconds, sqlite.body);

  const name = `GET samples (${SAMPLES} samples, ${Buffer.byteLength(sqlite.body)} B)`;
  const rows: Row[] = [];
  for (const connections of CONCURRENCIES) {
    const floor = bare.get(connections)!;
    for (const { server, results } of [{ server: 'bare Fastify route (baseline)', results: bare }, ...contenders]) {
      const result = results.get(connections)!;
      rows.push({
        benchmark: name, connections, server, 'requests/s': result.requestsPerSecond, 'of baseline': `${((100 * result.requestsPerSecond) / floor.requestsPerSecond).toFixed(1)} %`,
        'p50 ms': result.p50, 'p99 ms': result.p99, 'p99/p50': result.p50 > 0 ? (result.p99 / result.p50).toFixed(1) : '–', errors: result.errors + result.non2xx,
      });
    }
  }
  return { rows, notes: 'errors counts socket errors, timeouts and answers other than 2xx; p99/p50 is shown as – when p50 rounds to 0 ms.' };
}
