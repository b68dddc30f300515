// The REST list pages and MxDC's ProjectSamples as the facility grows from 10³ to 10⁶ samples and
// datasets in PostgreSQL (bench/lib/scale-filler.ts: identical projects of 1,000 samples and
// 1,000 datasets each, one project for the small facility, 1,000 for the large one). Both
// facilities run side by side, each with its own database and `lightpath serve`, and every call is
// timed on both in alternating rounds: the first page (default ordering) as the project's user and
// as staff, and with a search that finds one record. The goal is large ≤ 1.2 × small.
// BENCH_SCALE_PROJECTS (default 1000) sets the large facility's projects, to try it quickly.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import YAML from 'yaml';
import { startLoadedLightpath } from './lib/facility.ts';
import { registeredClient } from './lib/mxdc.ts';
import { Caller, loginCookie } from './lib/page-calls.ts';
import { timePair } from './lib/paired-timing.ts';
import { freshPostgresDatabase, postgresAdminUrl } from './lib/postgres.ts';
import type { BenchDatabase } from './lib/postgres.ts';
import { explainRequest } from './lib/request-plans.ts';
import { insertScaleFacility } from './lib/scale-filler.ts';
import type { ScaleCounts } from './lib/scale-filler.ts';
import type { RunningServer } from './lib/servers.ts';
import type { Outcome, Row } from './lib/table.ts';

const root = path.resolve(import.meta.dirname, '..');
const USER = { username: 'scaleuser', password: 'scaleuser-password' };
const STAFF = { username: 'scalestaff', password: 'scalestaff-password' };
const GOAL = 1.2;
const R = '/rest/v1';

/** Each list, and where its search looks (the code after the last "-" of a name of the user's project); activity has no search. */
const LISTS: Array<{ list: string; table?: string; column?: string }> = [
  { list: 'samples', table: 'samples', column: 'name' },
  { list: 'datasets', table: 'datasets', column: 'name' },
  { list: 'shipments', table: 'shipments', column: 'name' },
  { list: 'containers', table: 'containers', column: 'name' },
  { list: 'sessions', table: 'beamline_sessions', column: 'name' },
  { list: 'reports', table: 'reports', column: 'name' },
  { list: 'activity' },
];

function facilityDocument(): Record<string, unknown> {
  const demo = YAML.parse(fs.readFileSync(path.join(root, 'examples', 'demo-facility.yaml'), 'utf8')) as { beamlines: unknown[] };
  return {
    users: [
      { username: USER.username, password: USER.password, full_name: 'Scale User', email: 'scale@example.org' },
      { username: STAFF.username, password: STAFF.password, staff: true, full_name: 'Scale Staff', email: 'staff@example.org' },
    ],
    beamlines: demo.beamlines,
    projects: [{ username: USER.username, contact_person: 'Scale User', contact_email: 'scale@example.org' }],
  };
}

interface Facility {
  database: BenchDatabase;
  server: RunningServer;
  counts: ScaleCounts;
  user: Caller;
  staff: Caller;
  /** Search text per list, found in one record of the user's project. */
  terms: Map<string, string>;
  samplesPath: () => string;
}

async function openFacility(adminUrl: string, others: number): Promise<Facility> {
  const database = await freshPostgresDatabase(adminUrl);
  try {
    const env = { DATABASE_URL: database.url, LIGHTPATH_SERVE_RUNS_JOBS: 'false' };
    const server = await startLoadedLightpath(facilityDocument(), env);
    const sql = new pg.Client({ connectionString: database.url });
    try {
      await sql.connect();
      const started = Date.now();
      const counts = await insertScaleFacility(sql, others);
      await sql.query('analyze'); // as autovacuum would have by then in a real facility
      console.error(`  filled in ${((Date.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}`);
      const project = (await sql.query<{ id: number }>('select p.id from projects p join users u on u.id = p.user_id where u.username = $1', [USER.username])).rows[0].id;
      const terms = new Map<string, string>();
      for (const { list, table, column } of LISTS) {
        if (!table) continue;
        const { rows } = await sql.query<{ name: string }>(`select ${column} as name from ${table} where project_id = $1 order by id desc limit 1`, [project]);
        terms.set(list, rows[0].name.slice(rows[0].name.lastIndexOf('-') + 1));
      }
      const user = new Caller(server.url, await loginCookie(server.url, USER.username, USER.password));
      const staff = new Caller(server.url, await loginCookie(server.url, STAFF.username, STAFF.password));
      const mxdc = await registeredClient(server.url, USER.username);
      const beamline = (await sql.query<{ acronym: string }>('select acronym from beamlines order by id limit 1')).rows[0].acronym;
      const samplesPath = () => `/api/v2/${mxdc.signer.token(USER.username)}/samples/${beamline}/`;
      return { database, server, counts, user, staff, terms, samplesPath };
    } catch (error) {
      await server.stop();
      throw error;
    } finally {
      await sql.end().catch(() => {});
    }
  } catch (error) {
    await database.drop();
    throw error;
  }
}

async function closeFacility(facility: Facility): Promise<void> {
  facility.user.close();
  facility.staff.close();
  await facility.server.stop();
  await facility.database.drop();
}

export async function restScale(seconds: number): Promise<Outcome> {
  const adminUrl = postgresAdminUrl();
  if (!adminUrl) {
    const message = 'skipped: no PostgreSQL (set LIGHTPATH_BENCH_POSTGRES_URL or LIGHTPATH_TEST_POSTGRES_URL)';
    console.error(`  rest-scale ${message}`);
    return [{ benchmark: 'rest-scale', result: message }];
  }
  const projects = Number(process.env.BENCH_SCALE_PROJECTS ?? 1000);
  const rounds = Math.max(2, Math.round(seconds / 2));
  const small = await openFacility(adminUrl, 0);
  try {
    const large = await openFacility(adminUrl, projects - 1);
    try {
      const rows: Row[] = [];
      const over: Array<{ who: string; path: string }> = [];
      const record = (call: string, who: string, timing: Awaited<ReturnType<typeof timePair>>) => {
        rows.push({
          call, who, 'p50 ms at 10³': timing.small.p50, 'p50 ms at 10⁶': timing.large.p50,
          'p95 ms at 10³': timing.small.p95, 'p95 ms at 10⁶': timing.large.p95,
          ratio: Number(timing.ratio.toFixed(2)), [`≤ ${GOAL}×`]: timing.ratio <= GOAL ? 'yes' : 'NO',
        });
      };
      const health = await timePair(small.user, '/healthz', large.user, '/healthz', rounds);
      record('GET /healthz (baseline)', 'anyone', health);
      record('ProjectSamples (MxDC, 100 samples)', 'project', await timePair(small.user, small.samplesPath, large.user, large.samplesPath, rounds));
      for (const { list } of LISTS) {
        for (const [who, pick] of [['project', (f: Facility) => f.user], ['staff', (f: Facility) => f.staff]] as const) {
          const calls: Array<[string, (f: Facility) => string]> = [[`GET ${R}/${list}?limit=25`, () => `${R}/${list}?limit=25`]];
          if (small.terms.has(list)) calls.push([`GET ${R}/${list}?limit=25&search=…`, (f) => `${R}/${list}?limit=25&search=${f.terms.get(list)}`]);
          for (const [call, pathOf] of calls) {
            const timing = await timePair(pick(small), pathOf(small), pick(large), pathOf(large), rounds);
            record(call, who, timing);
            if (timing.ratio > GOAL) over.push({ who, path: pathOf(large) });
          }
        }
      }
      const notes: string[] = [];
      const describe = (c: ScaleCounts) => Object.entries(c).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ');
      notes.push(`At 10³: ${describe(small.counts)}.`, `At 10⁶: ${describe(large.counts)}.`);
      notes.push(`Each call: 5 warm-ups, then ${rounds} rounds of 10 sequential GETs on each facility in turn; the search finds one record of the user's project.`);
      for (const { who, path: request } of over) {
        const account = who === 'staff' ? STAFF : USER;
        const plans = await explainRequest(large.database.url, account, request);
        notes.push(`Over ${GOAL}×: ${who} ${request}\n\n${['```', ...plans, '```'].join('\n')}`);
      }
      return { rows, notes: notes.join('\n\n') };
    } finally {
      await closeFacility(large);
    }
  } finally {
    await closeFacility(small);
  }
}
