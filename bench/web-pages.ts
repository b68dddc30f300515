// The web app with a facility's data in PostgreSQL (10⁶ samples, 10⁵ datasets, ~1,000 projects,
// one big project owning a tenth; bench/lib/web-filler.ts): the REST time behind each list page's
// first screen for the big project and for staff, next to GET /healthz on the same server; the
// JavaScript of the first page; and the time until the shipment list is usable in Chromium.
// BENCH_WEB_SCALE (default 1) shrinks the data to try the benchmark quickly.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import YAML from 'yaml';
import { startLoadedLightpath } from './lib/facility.ts';
import { projectPages, staffPages } from './lib/first-screens.ts';
import { Caller, loginCookie, pageTime } from './lib/page-calls.ts';
import type { CallTiming, PageCalls } from './lib/page-calls.ts';
import { freshPostgresDatabase, postgresAdminUrl } from './lib/postgres.ts';
import { formatTable } from './lib/table.ts';
import type { Outcome, Row } from './lib/table.ts';
import { firstPageScripts, launchBrowser, scriptRows, shipmentListTimes } from './lib/web-browser.ts';
import { insertWebFacility } from './lib/web-filler.ts';
import { ensureBundle } from '../test/web/web-app.ts';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = 50;
const STAFF = { username: 'staffer', password: 'staffer-password' };
const PROJECT = { username: 'demo', password: 'demo' };
const BUDGET_MS = 100;

function facilityDocument(): Record<string, unknown> {
  const demo = YAML.parse(fs.readFileSync(path.join(root, 'examples', 'demo-facility.yaml'), 'utf8')) as { users: unknown[] };
  return { ...demo, users: [...demo.users, { username: STAFF.username, password: STAFF.password, staff: true, full_name: 'Bench Staff', email: 'staff@example.org' }] };
}

async function timePages(caller: Caller, pages: PageCalls[], timings: Map<string, CallTiming>): Promise<void> {
  for (const page of pages) {
    for (const path of page.chains.flat(2)) {
      if (!timings.has(path)) timings.set(path, await caller.time(path, RUNS));
    }
  }
}

/** One row per kind of call (ids folded into {id}): the slowest of its kind, and how many there were. */
function callRows(who: string, pages: PageCalls[], timings: Map<string, CallTiming>): Row[] {
  const kinds = new Map<string, CallTiming[]>();
  for (const path of new Set(pages.flatMap((p) => p.chains.flat(2)))) {
    const kind = path.replace('/rest/v1', '').replace(/(?<=\/|parent=)\d+(?=[/&]|$)/g, '{id}');
    kinds.set(kind, [...(kinds.get(kind) ?? []), timings.get(path)!]);
  }
  return [...kinds].map(([kind, all]) => {
    const slowest = all.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    return {
      who, call: `GET ${kind}${all.length > 1 ? ` (${all.length} ids, slowest)` : ''}`,
      'p50 ms': slowest.p50, 'p95 ms': slowest.p95, 'max ms': slowest.max, 'KB': Number((slowest.bytes / 1024).toFixed(1)),
    };
  });
}

function pageRows(pages: PageCalls[], timings: Map<string, CallTiming>): Row[] {
  return pages.map((page) => {
    const p95 = pageTime(page, timings, 'p95');
    return {
      who: page.who, page: page.page, calls: page.chains.flat(2).length, 'p50 ms': pageTime(page, timings, 'p50'), 'p95 ms': p95,
      [`≤ ${BUDGET_MS} ms (p95)`]: p95 <= BUDGET_MS ? 'yes' : 'NO',
    };
  });
}

export async function webPages(): Promise<Outcome> {
  const adminUrl = postgresAdminUrl();
  if (!adminUrl) {
    const message = 'skipped: no PostgreSQL (set LIGHTPATH_BENCH_POSTGRES_URL or LIGHTPATH_TEST_POSTGRES_URL)';
    console.error(`  web-pages ${message}`);
    return [{ benchmark: 'web-pages', result: message }];
  }
  const scale = Number(process.env.BENCH_WEB_SCALE ?? 1);
  ensureBundle();
  const database = await freshPostgresDatabase(adminUrl);
  try {
    const env = { DATABASE_URL: database.url, LIGHTPATH_WEB_DIR: path.join(root, 'web', 'build'), LIGHTPATH_SERVE_RUNS_JOBS: 'false' };
    const server = await startLoadedLightpath(facilityDocument(), env);
    const sql = new pg.Client({ connectionString: database.url });
    const callers: Caller[] = [];
    try {
      await sql.connect();
      const big = (await sql.query<{ id: number }>(`select p.id from projects p join users u on u.id = p.user_id where u.username = $1`, [PROJECT.username])).rows[0].id;
      const started = Date.now();
      const counts = await insertWebFacility(sql, { projects: 1000, bigProjectId: big, scale });
      await sql.query('analyze'); // as autovacuum would have by then in a real facility
      console.error(`  filled in ${((Date.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}`);

      const user = new Caller(server.url, await loginCookie(server.url, PROJECT.username, PROJECT.password));
      const staff = new Caller(server.url, await loginCookie(server.url, STAFF.username, STAFF.password));
      const anonymous = new Caller(server.url);
      callers.push(user, staff, anonymous);
      const health = await anonymous.time('/healthz', RUNS);
      const userPages = await projectPages(user);
      const staffOnes = await staffPages(staff);
      const userTimings = new Map<string, CallTiming>();
      const staffTimings = new Map<string, CallTiming>();
      await timePages(user, userPages, userTimings);
      await timePages(staff, staffOnes, staffTimings);

      const browser = await launchBrowser();
      let scripts: Row[];
      let interactive: Row[];
      try {
        scripts = scriptRows(await firstPageScripts(browser, server.url, PROJECT.username, PROJECT.password));
        interactive = await shipmentListTimes(browser, server.url, PROJECT.username, PROJECT.password, Number(process.env.BENCH_WEB_RUNS ?? 9));
      } finally {
        await browser.close();
      }

      const calls = [
        { who: 'anyone', call: 'GET /healthz (baseline)', 'p50 ms': health.p50, 'p95 ms': health.p95, 'max ms': health.max, 'KB': Number((health.bytes / 1024).toFixed(1)) },
        ...callRows('project (big)', userPages, userTimings), ...callRows('staff', staffOnes, staffTimings),
      ];
      const data = `${counts.samples.toLocaleString('en-US')} samples, ${counts.datasets.toLocaleString('en-US')} datasets, `
        + `${counts.shipments.toLocaleString('en-US')} shipments, ${counts.sessions.toLocaleString('en-US')} sessions in PostgreSQL; ${RUNS} sequential runs per call after 5 warm-ups`;
      return {
        rows: [...pageRows(userPages, userTimings), ...pageRows(staffOnes, staffTimings)],
        notes: [data, 'Each call:', formatTable(calls), 'JavaScript of the first page (gzip -9 of the bytes served):', formatTable(scripts),
          'The shipment list in Chromium (from navigation start, logged in as the big project):', formatTable(interactive)].join('\n\n'),
      };
    } finally {
      for (const caller of callers) caller.close();
      await sql.end().catch(() => {});
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}
