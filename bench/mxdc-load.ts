// 200 MxDC-like clients against one `lightpath serve` on loopback for LOAD_SECONDS (default 300):
// each its own project and registered key, looping as MxDC does (bench/lib/mxdc-loop.ts) with no
// pause between calls. Reported per call: requests, errors (the goal is none), p50/p95/p99. The
// baseline, in the same run and from the same clients: GET /healthz on the same server for a tenth
// of the time. PostgreSQL when a cluster is given; LOAD_DATABASES=postgres,sqlite adds a SQLite run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BEAMLINE, beamlineSection, projectSection, startLoadedLightpath } from './lib/facility.ts';
import { registeredClient } from './lib/mxdc.ts';
import { CALLS, emptyLog, mxdcLoop } from './lib/mxdc-loop.ts';
import type { CallLog } from './lib/mxdc-loop.ts';
import { freshPostgresDatabase, postgresAdminUrl } from './lib/postgres.ts';
import type { Outcome, Row } from './lib/table.ts';

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200);

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

function summaryRow(database: string, call: string, ms: number[], errors: number, seconds: number): Row {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    database, call, requests: ms.length, 'per s': ms.length / seconds, errors,
    'p50 ms': percentile(sorted, 0.5), 'p95 ms': percentile(sorted, 0.95), 'p99 ms': percentile(sorted, 0.99),
  };
}

function rowsOf(database: string, log: CallLog, seconds: number): Row[] {
  const all = CALLS.flatMap((c) => log.ms[c]);
  const errors = CALLS.reduce((n, c) => n + log.errors[c], 0);
  return [...CALLS.map((c) => summaryRow(database, c, log.ms[c], log.errors[c], seconds)), summaryRow(database, 'all calls', all, errors, seconds)];
}

/** Every client GETs /healthz in a closed loop until the deadline. */
async function healthLoad(url: string, clients: number, seconds: number): Promise<{ ms: number[]; errors: number }> {
  const ms: number[] = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (Date.now() < deadline) {
      const sent = performance.now();
      try {
        const answer = await fetch(`${url}/healthz`);
        await answer.arrayBuffer();
        if (answer.status === 200) ms.push(performance.now() - sent);
        else errors++;
      } catch {
        errors++;
      }
    }
  }));
  return { ms, errors };
}

async function runLoad(database: string, seconds: number, env: Record<string, string>): Promise<{ rows: Row[]; examples: string[] }> {
  const usersRoot = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lightpath-bench-load-')));
  try {
    const names = Array.from({ length: CLIENTS }, (_, i) => `load${String(i + 1).padStart(3, '0')}`);
    const projects = names.map((username) => projectSection({ username, samples: 16, slots: [] }));
    const document = { users: projects.flatMap((p) => p.users), projects: projects.flatMap((p) => p.projects), beamlines: beamlineSection() };
    const server = await startLoadedLightpath(document, { LIGHTPATH_DATA_ROOTS: usersRoot, LIGHTPATH_DATA_USER_ROOT: usersRoot, ...env });
    try {
      const clients = [];
      for (const username of names) clients.push(await registeredClient(server.url, username));
      const baselineSeconds = Math.max(3, seconds / 10);
      console.error(`  ${database}: ${CLIENTS} clients registered; GET /healthz for ${baselineSeconds} s, then the MxDC loop for ${seconds} s`);
      const health = await healthLoad(server.url, CLIENTS, baselineSeconds);
      const log = emptyLog();
      const started = Date.now();
      const deadline = started + seconds * 1000;
      await Promise.all(clients.map((client) => mxdcLoop({ client, beamline: BEAMLINE, userDir: path.join(usersRoot, client.username), deadline, log })));
      const elapsed = (Date.now() - started) / 1000;
      const baseline = summaryRow(database, 'GET /healthz (baseline)', health.ms, health.errors, baselineSeconds);
      return { rows: [baseline, ...rowsOf(database, log, elapsed)], examples: log.examples };
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(usersRoot, { recursive: true, force: true });
  }
}

export async function mxdcLoad(): Promise<Outcome> {
  const seconds = Number(process.env.LOAD_SECONDS ?? 300);
  if (!(seconds > 0 && seconds <= 3600)) throw new Error('LOAD_SECONDS must be between 1 and 3600');
  const adminUrl = postgresAdminUrl();
  const wanted = (process.env.LOAD_DATABASES ?? 'postgres').split(',');
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const database of wanted) {
    let result: { rows: Row[]; examples: string[] };
    if (database === 'postgres') {
      if (!adminUrl) {
        notes.push('PostgreSQL skipped: set LIGHTPATH_BENCH_POSTGRES_URL or LIGHTPATH_TEST_POSTGRES_URL (LOAD_DATABASES=sqlite runs SQLite only).');
        continue;
      }
      const fresh = await freshPostgresDatabase(adminUrl);
      try {
        result = await runLoad('PostgreSQL', seconds, { DATABASE_URL: fresh.url });
      } finally {
        await fresh.drop();
      }
    } else if (database === 'sqlite') {
      result = await runLoad('SQLite', seconds, {});
    } else {
      throw new Error(`LOAD_DATABASES: unknown database ${database} (postgres, sqlite)`);
    }
    rows.push(...result.rows);
    if (result.examples.length > 0) notes.push(`Errors on ${database}:\n\n${result.examples.map((e) => `- ${e}`).join('\n')}`);
  }
  notes.unshift(`${CLIENTS} clients, ${seconds} s each run; baseline: the same clients on GET /healthz for a tenth of that.`);
  return { rows, notes: notes.join('\n\n') };
}
