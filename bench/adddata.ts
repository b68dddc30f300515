// MxDC's AddData (POST /api/v2/<token>/data/<beamline>/): a msgpack dataset record with no
// Content-Type, each request with one of 500 freshly signed tokens. Every upload creates a dataset,
// a data-proxy key for its directory and an activity entry, committed before the answer. On
// SQLite, and on PostgreSQL when a cluster is given; the baseline is a bare Fastify route
// answering {"id":1} to the same POSTs in the same run. Goals (issue 12): 1,000 uploads/s on
// SQLite and 800 on PostgreSQL at 8 connections.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encode } from '@msgpack/msgpack';
import { sessionKey } from '../test/support/mxdc/client.ts';
import { BEAMLINE, beamlineSection, projectSection, startLoadedLightpath } from './lib/facility.ts';
import { measure } from './lib/load.ts';
import type { LoadResult } from './lib/load.ts';
import { registeredClient, signedPaths, TOKEN_POOL, tokenSeconds } from './lib/mxdc.ts';
import { databaseBackends, freshPostgresDatabase, postgresAdminUrl } from './lib/postgres.ts';
import { cpuSeconds } from './lib/process-cpu.ts';
import { startBaseline } from './lib/servers.ts';
import type { Outcome } from './lib/table.ts';

const USER = 'bench';
/** A facility has a handful of beamlines, each MxDC uploading one dataset at a time. */
const CONNECTIONS = 8;
const GOALS: Record<string, number> = { SQLite: 1000, PostgreSQL: 800 };

/** The record MxDC sends after a data collection (as in test/lims/mxdc-flow.test.ts). */
function dataset(directory: string, sample: { id: number; name: string; container: string; port: string }): Buffer {
  return Buffer.from(encode({
    name: `${sample.name}_1`, frames: '1-360', filename: `${sample.name}_1_{:05d}.cbf`, group: 'group-1', container: sample.container, port: sample.port,
    start_time: '2026-11-21T10:00:00.000000+00:00', end_time: '2026-11-21T10:03:00.000000+00:00', type: 'DATA', sample_id: sample.id,
    uuid: '5d0c0b5e-2f6a-4b8e-9a51-3f1f4c1d2e7a', directory, energy: 12.658, attenuation: 50, exposure: 0.5, beam_size: 50,
    detector_type: 'PILATUS 6M', beam_x: 1231.5, beam_y: 1263.5, pixel_size: 0.172, resolution: 1.8, start_angle: 0, delta_angle: 0.5,
  }));
}

interface Measured {
  result: LoadResult;
  body: Buffer;
  /** CPU milliseconds per upload of the server process, and of its PostgreSQL backends (NaN on SQLite). */
  serverCpu: number;
  databaseCpu: number;
  /** One-minute load average before and after the measurement. */
  load: [number, number];
}

async function measureLightpath(seconds: number, env: Record<string, string>): Promise<Measured> {
  const usersRoot = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lightpath-bench-users-')));
  try {
    const project = projectSection({ username: USER, samples: 16, slots: ['L'] });
    const server = await startLoadedLightpath({ ...project, beamlines: beamlineSection() }, {
      LIGHTPATH_DATA_ROOTS: usersRoot, LIGHTPATH_DATA_USER_ROOT: usersRoot, ...env,
    });
    try {
      const client = await registeredClient(server.url, USER);
      const session = sessionKey(BEAMLINE);
      const launched = await client.launch(BEAMLINE, session);
      if (launched.status !== 200) throw new Error(`launch answered ${launched.status}: ${launched.text}`);
      const [sample] = (await client.samples(BEAMLINE)).body;
      const directory = path.join(usersRoot, USER, session, sample.name, 'data');
      fs.mkdirSync(directory, { recursive: true });
      const body = dataset(directory, sample);
      const check = await client.post(`data/${BEAMLINE}/`, body);
      if (check.status !== 200 || typeof check.body?.id !== 'number') throw new Error(`AddData answered ${check.status}: ${check.text}`);
      const pool = () => signedPaths(client, `data/${BEAMLINE}/`).map((p) => ({ path: p, method: 'POST' as const, body }));
      await measure(server.url, { seconds: 1, connections: CONNECTIONS, requests: pool() }); // warm-up
      // CPU per upload is what a shared machine's load disturbs least (the rate suffers first).
      const backends = env.DATABASE_URL ? await databaseBackends(env.DATABASE_URL) : [];
      const databaseSeconds = () => (backends.length === 0 ? NaN : backends.reduce((sum, pid) => sum + cpuSeconds(pid), 0));
      const requests = pool();
      const before = { server: cpuSeconds(server.pid), database: databaseSeconds(), load: os.loadavg()[0] };
      const result = await measure(server.url, { seconds: tokenSeconds(seconds), connections: CONNECTIONS, requests });
      const uploads = result.requestsPerSecond * tokenSeconds(seconds);
      return {
        result, body,
        serverCpu: (1000 * (cpuSeconds(server.pid) - before.server)) / uploads,
        databaseCpu: (1000 * (databaseSeconds() - before.database)) / uploads,
        load: [before.load, os.loadavg()[0]],
      };
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(usersRoot, { recursive: true, force: true });
  }
}

export async function adddata(seconds: number): Promise<Outcome> {
  const measured: Array<{ server: string; result: LoadResult; cpu?: Measured }> = [];
  const sqlite = await measureLightpath(seconds, {});
  measured.push({ server: `Lightpath, SQLite (${TOKEN_POOL} fresh tokens)`, result: sqlite.result, cpu: sqlite });

  const adminUrl = postgresAdminUrl();
  if (adminUrl) {
    const database = await freshPostgresDatabase(adminUrl);
    try {
      const postgres = await measureLightpath(seconds, { DATABASE_URL: database.url });
      measured.push({ server: `Lightpath, PostgreSQL (${TOKEN_POOL} fresh tokens)`, result: postgres.result, cpu: postgres });
    } finally {
      await database.drop();
    }
  } else {
    console.error('  adddata: PostgreSQL skipped (set LIGHTPATH_BENCH_POSTGRES_URL or LIGHTPATH_TEST_POSTGRES_URL)');
  }

  const baseline = await startBaseline('bare-fastify', { METHOD: 'POST', ROUTE: '/data', BODY: '{"id":1}' });
  try {
    const options = { connections: CONNECTIONS, method: 'POST' as const, body: sqlite.body };
    await measure(`${baseline.url}/data`, { seconds: 1, ...options }); // warm-up
    const load = os.loadavg()[0];
    const result = await measure(`${baseline.url}/data`, { seconds, ...options });
    measured.unshift({ server: 'bare Fastify route (baseline)', result, cpu: { load: [load, os.loadavg()[0]] } as Measured });
  } finally {
    await baseline.stop();
  }

  const bare = measured[0].result.requestsPerSecond;
  const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '' : value.toFixed(2));
  const rows = measured.map(({ server, result, cpu }) => {
    const goal = Object.entries(GOALS).find(([database]) => server.includes(database))?.[1];
    return {
      benchmark: `POST data (msgpack, ${sqlite.body.length} B, ${CONNECTIONS} connections)`, server,
      'uploads/s': result.requestsPerSecond, 'of baseline': `${((100 * result.requestsPerSecond) / bare).toFixed(1)} %`,
      goal: goal === undefined ? '' : `${goal.toLocaleString('en-US')} (${result.requestsPerSecond >= goal ? 'met' : 'not met'})`,
      'p50 ms': result.p50, 'p99 ms': result.p99, errors: result.errors + result.non2xx,
      'server CPU ms/upload': ms(cpu?.serverCpu), 'PostgreSQL CPU ms/upload': ms(cpu?.databaseCpu),
      'load before → after': cpu ? `${cpu.load[0].toFixed(2)} → ${cpu.load[1].toFixed(2)}` : '',
    };
  });
  return {
    rows,
    notes: 'Each upload is answered after its transaction commits (several concurrent uploads share one); errors counts socket errors, timeouts and answers other than 2xx. '
      + 'CPU ms/upload: user + system time of the server process, and of the PostgreSQL backends of its database, over the uploads measured; '
      + 'load: the one-minute load average before and after each measurement.',
  };
}
