// A target's data page (/targets/<pk>/data/) with an observatory's data in PostgreSQL: 10⁴ targets
// and 10⁶ data products (one big target holding 10⁴ of them, with 200 finished processes; the
// others 100 each). Measured: the REST calls behind the page's first screen, for the big target
// and an ordinary one; and in Chromium, the time from navigation start until the page is usable
// (processes and the first 100 products shown) and until "Select all" has ticked them, against a
// static file's load and the login page's. BENCH_TELESCOPE_SCALE (default 1) shrinks the data.
import path from 'node:path';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { startLoadedLightpath } from './lib/facility.ts';
import { Caller, loginCookie } from './lib/page-calls.ts';
import { freshPostgresDatabase, postgresAdminUrl } from './lib/postgres.ts';
import { formatTable } from './lib/table.ts';
import type { Outcome, Row } from './lib/table.ts';
import { launchBrowser, median } from './lib/web-browser.ts';
import { ensureBundle } from '../test/web/web-app.ts';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = 50;
const TEACHER = { username: 'teacher', password: 'teacher-bench' };

/** Targets, their products and the big target's processes, written by PostgreSQL itself. */
async function fill(sql: pg.Client, scale: number): Promise<{ targets: number; products: number; big: number; ordinary: number }> {
  const targets = Math.max(2, Math.round(10_000 * scale));
  const products = Math.max(200, Math.round(1_000_000 * scale));
  const bigProducts = Math.max(100, Math.round(10_000 * scale));
  const perOther = Math.ceil((products - bigProducts) / (targets - 1));
  const owner = (await sql.query<{ id: number }>('select id from users where username = $1', [TEACHER.username])).rows[0].id;
  const now = new Date().toISOString();
  await sql.query(`insert into targets (identifier, name, name2, name3, kind, ra, dec, epoch, is_public, owner_id, created_at, updated_at)
    select 't' || lpad(n::text, 5, '0'), 'Target ' || n, '', '', 'sidereal', (n * 0.036) % 360, ((n * 7) % 180) - 90, 2000, n % 3 = 0, $1, $2, $2
    from generate_series(1, $3) n`, [owner, now, targets]);
  const first = (await sql.query<{ id: number }>('select min(id) as id from targets')).rows[0].id;
  // The big target's files, then every other target's, each with a distinct time.
  await sql.query(`insert into data_products (target_id, product_id, file_key, data_product_type, extra_data, size, created_at)
    select $1, 'frame-' || n, 't00001/none/frame-' || lpad(n::text, 6, '0') || '-e91.fits.fz', 'fits_file', '{}', 29440,
      to_char(timestamp '2026-01-01' + n * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    from generate_series(1, $2) n`, [first, bigProducts]);
  await sql.query(`insert into data_products (target_id, product_id, file_key, data_product_type, extra_data, size, created_at)
    select t.id, 'frame-' || n, t.identifier || '/none/frame-' || lpad(n::text, 6, '0') || '-e91.fits.fz', 'fits_file', '{}', 29440,
      to_char(timestamp '2026-01-01' + n * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    from targets t cross join generate_series(1, $2) n where t.id <> $1`, [first, perOther]);
  // A group holding the newest tenth of the big target's files, so rows carry group names.
  const group = (await sql.query<{ id: number }>(`insert into data_product_groups (name, created_at) values ('Good quality data', $1) returning id`, [now])).rows[0].id;
  await sql.query(`insert into data_product_group_members (group_id, data_product_id)
    select $1, id from data_products where target_id = $2 order by created_at desc limit $3`, [group, first, Math.ceil(bigProducts / 10)]);
  await sql.query(`insert into processes (identifier, process_type, is_pipeline, pipeline_name, target_id, status, failure_message, logs, flags, created_at, terminal_at)
    select 'timelapse_t00001_' || n || '.gif', 'timelapse', true, 'Timelapse', $1, 'created', '', 'Sorting frames' || chr(10) || 'Finished' || chr(10), '{"crop":false}',
      to_char(timestamp '2026-01-01' + n * interval '1 hour', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), to_char(timestamp '2026-01-01' + n * interval '1 hour' + interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    from generate_series(1, 200) n`, [first]);
  const count = Number((await sql.query<{ n: string }>('select count(*) as n from data_products')).rows[0].n);
  return { targets, products: count, big: first, ordinary: first + Math.floor(targets / 2) };
}

/** The calls the data page makes on opening (the products after the target). */
function pageCalls(id: number): string[][] {
  return [
    [`/rest/v1/targets/${id}`, `/rest/v1/targets/${id}/data-products?limit=100&offset=0`],
    [`/rest/v1/targets/${id}/processes?limit=20`],
    ['/rest/v1/pipelines'],
  ];
}

async function browserTimes(browser: Browser, base: string, targets: Array<{ label: string; id: number }>, runs: number): Promise<Row[]> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(120_000); // a busy machine is slow, not broken
    await page.goto('/login/');
    await page.getByLabel('Username').fill(TEACHER.username);
    await page.getByLabel('Password', { exact: true }).fill(TEACHER.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login/'));
    const since = () => page.evaluate(() => performance.now());
    const times = new Map<string, number[]>();
    const note = (what: string, ms: number) => times.set(what, [...(times.get(what) ?? []), ms]);
    for (let i = 0; i < runs + 1; i++) {
      await page.goto('/robots.txt', { waitUntil: 'load' });
      const robots = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
      const round: Array<[string, number]> = [['/robots.txt, load event (baseline)', robots]];
      for (const target of targets) {
        await page.goto(`/targets/${target.id}/data/`, { waitUntil: 'commit' });
        const products = page.getByRole('table', { name: 'Data products of this target, newest first' });
        await page.getByRole('table', { name: 'Processes of this target, newest first' }).or(page.getByText('No processes yet')).first().waitFor();
        await products.getByRole('row').nth(100).waitFor();
        round.push([`${target.label}: processes and 100 products shown`, await since()]);
        await page.getByRole('button', { name: 'Select all', exact: true }).click();
        await page.getByText('100 selected').waitFor();
        round.push([`${target.label}: all 100 ticked after Select all`, await since()]);
      }
      if (i === 0) continue; // the first round fills the browser's and the server's caches
      for (const [what, ms] of round) note(what, ms);
    }
    return [...times].map(([what, values]) => ({ page: what, runs: values.length, 'median ms': median(values), 'min ms': Math.min(...values), 'max ms': Math.max(...values) }));
  } finally {
    await context.close();
  }
}

export async function telescopeDataPage(): Promise<Outcome> {
  const adminUrl = postgresAdminUrl();
  if (!adminUrl) {
    const message = 'skipped: no PostgreSQL (set LIGHTPATH_BENCH_POSTGRES_URL or LIGHTPATH_TEST_POSTGRES_URL)';
    console.error(`  telescope-data-page ${message}`);
    return [{ benchmark: 'telescope-data-page', result: message }];
  }
  const scale = Number(process.env.BENCH_TELESCOPE_SCALE ?? 1);
  ensureBundle();
  const database = await freshPostgresDatabase(adminUrl);
  try {
    const env = { DATABASE_URL: database.url, LIGHTPATH_WEB_DIR: path.join(root, 'web', 'build'), LIGHTPATH_SERVE_RUNS_JOBS: 'false' };
    const server = await startLoadedLightpath({ users: [{ ...TEACHER, staff: true, full_name: 'Bench Teacher' }] }, env);
    const sql = new pg.Client({ connectionString: database.url });
    let caller: Caller | null = null;
    try {
      await sql.connect();
      const started = Date.now();
      const data = await fill(sql, scale);
      await sql.query('analyze');
      console.error(`  filled in ${((Date.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(data)}`);
      caller = new Caller(server.url, await loginCookie(server.url, TEACHER.username, TEACHER.password));
      const health = await caller.time('/healthz', RUNS);
      const calls: Row[] = [{ target: '—', call: 'GET /healthz (baseline)', 'p50 ms': health.p50, 'p95 ms': health.p95, 'max ms': health.max }];
      const targets = [{ label: `big target (${Math.round(10_000 * scale).toLocaleString('en-US')} products)`, id: data.big }, { label: 'ordinary target', id: data.ordinary }];
      for (const target of targets) {
        for (const path of pageCalls(target.id).flat()) {
          const timing = await caller.time(path, RUNS);
          calls.push({ target: target.label, call: `GET ${path.replace(/\/targets\/\d+/, '/targets/{id}')}`, 'p50 ms': timing.p50, 'p95 ms': timing.p95, 'max ms': timing.max });
        }
      }
      const browser = await launchBrowser();
      let interactive: Row[];
      try {
        interactive = await browserTimes(browser, server.url, targets, Number(process.env.BENCH_WEB_RUNS ?? 9));
      } finally {
        await browser.close();
      }
      const described = `${data.targets.toLocaleString('en-US')} targets, ${data.products.toLocaleString('en-US')} data products in PostgreSQL; `
        + `${RUNS} sequential runs per call after 5 warm-ups, logged in as staff`;
      return { rows: interactive, notes: [described, 'The calls behind the page:', formatTable(calls)].join('\n\n') };
    } finally {
      caller?.close();
      await sql.end().catch(() => {});
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}
