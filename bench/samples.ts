// MxDC's ProjectSamples (GET /api/v2/<token>/samples/<beamline>/) for a project with 100 on-site
// samples loaded on the beamline, at 8 and 50 connections, on SQLite and (when a cluster is given)
// PostgreSQL, against a bare Fastify route serving the same bytes in the same run.
// Every Lightpath request carries one of 500 freshly signed tokens, so each is verified (DSA).
// Besides the rates, each row has the CPU time per call of the server process (and of its
// PostgreSQL backends) and the load average around it, which a busy machine disturbs far less.
import os from 'node:os';
import { BEAMLINE, beamlineSection, projectSection, startLoadedLightpath } from './lib/facility.ts';
import { measure } from './lib/load.ts';
import type { LoadResult } from './lib/load.ts';
import { registeredClient, signedPaths, TOKEN_POOL, tokenSeconds } from './lib/mxdc.ts';
import { analyzeDatabase, databaseBackends, onFreshPostgres } from './lib/postgres.ts';
import { cpuSeconds } from './lib/process-cpu.ts';
import { startBaseline } from './lib/servers.ts';
import type { Outcome, Row } from './lib/table.ts';

const USER = 'bench';
const SAMPLES = 100;
/** A few MxDC clients at once, and a crowd. */
const CONCURRENCIES = [8, 50];
/** Issue 12's goals at 8 connections, requests/s. */
const GOALS: Record<string, number> = { sqlite: 2000, postgres: 1500 };

interface Measured extends LoadResult {
  /** CPU milliseconds per call of the server process and of its PostgreSQL backends (NaN when none). */
  serverCpu?: number;
  databaseCpu?: number;
  /** One-minute load average before and after. */
  load: [number, number];
}
type Results = Map<number, Measured>;

/** Measures one run, with the CPU time `pids` spent on it and the load average around it. */
async function measured(url: string, seconds: number, connections: number, requests: Array<{ path: string }> | undefined, server?: number, backends: number[] = []): Promise<Measured> {
  const cpu = (pids: number[]) => (pids.length === 0 ? NaN : pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0));
  const before = { load: os.loadavg()[0], server: cpu(server ? [server] : []), database: cpu(backends) };
  const result = await measure(url, { seconds, connections, requests });
  const calls = result.requestsPerSecond * seconds;
  return {
    ...result,
    serverCpu: (1000 * (cpu(server ? [server] : []) - before.server)) / calls,
    databaseCpu: (1000 * (cpu(backends) - before.database)) / calls,
    load: [before.load, os.loadavg()[0]],
  };
}

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
      const backends = env.DATABASE_URL ? await databaseBackends(env.DATABASE_URL) : [];
      results.set(connections, await measured(server.url, tokenSeconds(seconds), connections, pool(), server.pid, backends));
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
      results.set(connections, await measured(`${baseline.url}/samples`, seconds, connections, undefined, baseline.pid));
    }
    return results;
  } finally {
    await baseline.stop();
  }
}

export async function samples(seconds: number): Promise<Outcome> {
  const contenders: Array<{ server: string; results: Results; goal?: number }> = [];
  const sqlite = await measureLightpath(seconds, {});
  contenders.push({ server: `Lightpath, SQLite (${TOKEN_POOL} fresh tokens)`, results: sqlite.results, goal: GOALS.sqlite });
  const postgres = await onFreshPostgres('samples', (url) => measureLightpath(seconds, { DATABASE_URL: url }));
  if (postgres) contenders.push({ server: `Lightpath, PostgreSQL (${TOKEN_POOL} fresh tokens)`, results: postgres.results, goal: GOALS.postgres });
  const bare = await measureBaseline(seconds, sqlite.body);

  const name = `GET samples (${SAMPLES} samples, ${Buffer.byteLength(sqlite.body)} B)`;
  const rows: Row[] = [];
  for (const connections of CONCURRENCIES) {
    const floor = bare.get(connections)!;
    for (const { server, results, goal } of [{ server: 'bare Fastify route (baseline)', results: bare, goal: undefined }, ...contenders]) {
      const result = results.get(connections)!;
      const met = goal !== undefined && connections === 8 ? `${goal.toLocaleString('en-US')} (${result.requestsPerSecond >= goal ? 'met' : 'not met'})` : '';
      rows.push({
        benchmark: name, connections, server, 'requests/s': result.requestsPerSecond, 'of baseline': `${((100 * result.requestsPerSecond) / floor.requestsPerSecond).toFixed(1)} %`, goal: met,
        'p50 ms': result.p50, 'p99 ms': result.p99, 'p99/p50': result.p50 > 0 ? (result.p99 / result.p50).toFixed(1) : '–', errors: result.errors + result.non2xx,
        'server CPU ms/call': cpuMs(result.serverCpu), 'database CPU ms/call': cpuMs(result.databaseCpu), 'load before → after': `${result.load[0].toFixed(1)} → ${result.load[1].toFixed(1)}`,
      });
    }
  }
  return {
    rows,
    notes: 'errors counts socket errors, timeouts and answers other than 2xx; p99/p50 is shown as – when p50 rounds to 0 ms. '
      + 'CPU ms/call: user + system time of the server process and of its PostgreSQL backends over the measurement, per answered call; load: one-minute load average.',
  };
}

function cpuMs(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '' : value.toFixed(3);
}
