// EXPLAIN (ANALYZE) of every SELECT one REST request runs: the app is built in this process on the
// benchmark's database, the queries that pg sends while it answers are recorded, then explained
// with the same parameters. Used to show the plan of a list that grows with the facility.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { defineDomainJobs } from '../../src/modules.ts';
import { openPlatform } from '../../src/platform/context.ts';

interface Recorded { text: string; values: unknown[] }

/** Queries faster than this are counted, not shown. */
const MIN_MS = 1;

/** Runs `work` while recording the SELECTs every pg client sends. */
async function recordingQueries(work: () => Promise<void>): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [text, values] = args;
    if (typeof text === 'string' && /^\s*select/i.test(text)) recorded.push({ text, values: Array.isArray(values) ? values : [] });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return recorded;
}

/** The plan lines of each SELECT that GET `url` runs as `account` (logged in through the API). */
export async function explainRequest(databaseUrl: string, account: { username: string; password: string }, url: string): Promise<string[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lightpath-bench-plans-'));
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LIGHTPATH_DATA_DIR: dataDir, LIGHTPATH_SERVE_RUNS_JOBS: 'false' });
  const platform = await openPlatform(config, pino({ level: 'silent' }), { defineJobs: defineDomainJobs });
  const sql = new pg.Client({ connectionString: databaseUrl });
  try {
    const app = await buildApp(platform);
    await app.ready();
    await sql.connect();
    const login = await app.inject({ method: 'POST', url: '/rest/v1/auth/login', payload: account });
    if (login.statusCode !== 200) throw new Error(`login as ${account.username} answered ${login.statusCode}`);
    const cookie = login.headers['set-cookie'];
    const cookies = (Array.isArray(cookie) ? cookie : [cookie ?? '']).map((c) => c.split(';')[0]).join('; ');
    const queries = await recordingQueries(async () => {
      const answer = await app.inject({ method: 'GET', url, headers: { cookie: cookies } });
      if (answer.statusCode !== 200) throw new Error(`GET ${url} answered ${answer.statusCode}`);
    });
    const lines: string[] = [];
    let quick = 0;
    for (const query of queries) {
      const { rows } = await sql.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off) ${query.text}`, query.values);
      const plan = rows.map((row) => row['QUERY PLAN']);
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan[plan.length - 1])?.[1] ?? NaN);
      if (ms < MIN_MS) quick++;
      else lines.push(`-- ${query.text.replace(/\s+/g, ' ').slice(0, 300)}`, ...plan, '');
    }
    lines.push(`(${quick} more queries of this request ran in under ${MIN_MS} ms)`);
    await app.close();
    return lines;
  } finally {
    await sql.end().catch(() => {});
    await platform.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
