// What the telescope target pages rest on, at an observatory's scale and beside a baseline:
// 1. the REST call behind /targets/ (its first page; with a search; sorted newest first; for a
//    visitor) with 10⁴ targets and 10⁶ data products in PostgreSQL, every product previewed,
//    against GET /healthz on the same server;
// 2. thumbnail generation on the same frames three ways: decoding alone (the floor), the whole
//    render in this thread (decode, zscale, resample, PNG), and as the thumbnail job does it (on
//    its worker thread, frames passed to it one by one). BENCH_TELESCOPE_SCALE (default 1) shrinks
//    the data of part 1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startLoadedLightpath } from './lib/facility.ts';
import { Caller, loginCookie } from './lib/page-calls.ts';
import { freshPostgresDatabase, postgresAdminUrl } from './lib/postgres.ts';
import { formatTable } from './lib/table.ts';
import type { Outcome, Row } from './lib/table.ts';
import { fitsBytes } from '../test/support/fits-writer.ts';
import { readFirstImage, readFitsFile } from '../src/tom/fits/index.ts';
import { renderThumbnail, THUMBNAIL_SIZE } from '../src/tom/thumbnails/render.ts';
import { renderInWorker } from '../src/tom/thumbnails/in-worker.ts';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = 50;
const TEACHER = { username: 'teacher', password: 'teacher-bench' };

/** 10⁴ targets with ~100 previewed FITS products each, written by PostgreSQL itself. */
async function fill(sql: pg.Client, scale: number): Promise<{ targets: number; products: number }> {
  const targets = Math.max(2, Math.round(10_000 * scale));
  const perTarget = Math.max(1, Math.round(1_000_000 * scale / targets));
  const owner = (await sql.query<{ id: number }>('select id from users where username = $1', [TEACHER.username])).rows[0].id;
  const now = new Date().toISOString();
  await sql.query(`insert into targets (identifier, name, name2, name3, kind, ra, dec, epoch, is_public, owner_id, created_at, updated_at)
    select 't' || lpad(n::text, 5, '0'), 'Target ' || n, 'NGC ' || (n * 7), '', 'sidereal', (n * 0.036) % 360, ((n * 7) % 180) - 90, 2000, n % 3 = 0, $1,
      to_char(timestamp '2026-01-01' + n * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), $2
    from generate_series(1, $3) n`, [owner, now, targets]);
  await sql.query(`insert into data_products (target_id, product_id, file_key, data_product_type, extra_data, size, created_at, thumbnail_key)
    select t.id, 'frame-' || n, t.identifier || '/none/frame-' || lpad(n::text, 6, '0') || '-e91.fits.fz', 'fits_file', '{}', 29440,
      to_char(timestamp '2026-01-01' + n * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '_thumbnails/' || t.identifier || '-' || n || '.png'
    from targets t cross join generate_series(1, $1) n`, [perTarget]);
  const count = Number((await sql.query<{ n: string }>('select count(*) as n from data_products')).rows[0].n);
  return { targets, products: count };
}

async function listCalls(adminUrl: string, scale: number): Promise<{ rows: Row[]; described: string }> {
  const database = await freshPostgresDatabase(adminUrl);
  try {
    const server = await startLoadedLightpath({ users: [{ ...TEACHER, staff: true, full_name: 'Bench Teacher' }] }, { DATABASE_URL: database.url, LIGHTPATH_SERVE_RUNS_JOBS: 'false' });
    const sql = new pg.Client({ connectionString: database.url });
    const staff = new Caller(server.url, await loginCookie(server.url, TEACHER.username, TEACHER.password));
    const visitor = new Caller(server.url);
    try {
      await sql.connect();
      const started = Date.now();
      const data = await fill(sql, scale);
      await sql.query('vacuum analyze');
      console.error(`  filled in ${((Date.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(data)}`);
      const calls: Array<[string, Caller, string]> = [
        ['GET /healthz (baseline)', staff, '/healthz'],
        ['first page (staff: every target)', staff, '/rest/v1/targets?limit=25&offset=0'],
        ['search "target 123" (staff)', staff, '/rest/v1/targets?limit=25&offset=0&search=target%20123'],
        ['newest first (staff)', staff, '/rest/v1/targets?limit=25&offset=0&ordering=-created_at'],
        ['a late page (staff, offset 9,000)', staff, `/rest/v1/targets?limit=25&offset=${Math.max(0, data.targets - 1000)}`],
        ['first page (visitor: public targets)', visitor, '/rest/v1/targets?limit=25&offset=0'],
      ];
      const rows: Row[] = [];
      for (const [what, caller, url] of calls) {
        const timing = await caller.time(url, RUNS);
        rows.push({ call: what, 'p50 ms': timing.p50, 'p95 ms': timing.p95, 'max ms': timing.max, 'answer bytes': timing.bytes });
      }
      const described = `${data.targets.toLocaleString('en-US')} targets, ${data.products.toLocaleString('en-US')} data products (each with a thumbnail) in PostgreSQL; `
        + `${RUNS} sequential calls each after 5 warm-ups over one keep-alive connection`;
      return { rows, described };
    } finally {
      staff.close();
      visitor.close();
      await sql.end().catch(() => {});
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

/** The demo's 12 small frames (128², tile-compressed) and 6 synthetic 2048² plain frames (16 MB each). */
function frameSets(dir: string): Array<{ label: string; files: string[] }> {
  const demoDir = path.join(root, 'examples', 'demo-observatory', 'frames');
  const demo = fs.readdirSync(demoDir).filter((f) => f.endsWith('.fits.fz')).sort().map((f) => path.join(demoDir, f));
  const large = Array.from({ length: 6 }, (_, i) => {
    const file = path.join(dir, `sky-${i}.fits`);
    fs.writeFileSync(file, fitsBytes({ width: 2048, height: 2048, pixels: (x, y) => 1000 + ((x * 7919 + y * 104729 + i * 31) % 97) + ((x - 1024) ** 2 + (y - 1024) ** 2 < 400 ? 5000 : 0) }));
    return file;
  });
  return [{ label: 'demo frames, 128×128 .fits.fz', files: demo }, { label: 'sky frames, 2048×2048 .fits', files: large }];
}

async function perSecond(files: string[], each: (file: string) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (const file of files) await each(file);
  return files.length / ((performance.now() - started) / 1000);
}

const ROUNDS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Each way's median rate over ROUNDS rounds, the ways taking turns within a round (after one round to warm up). */
async function medianRates(files: string[], ways: Array<(file: string) => Promise<unknown>>): Promise<number[]> {
  const rates: number[][] = ways.map(() => []);
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [i, way] of ways.entries()) {
      const rate = await perSecond(files, way);
      if (round > 0) rates[i].push(rate);
    }
  }
  return rates.map(median);
}

async function thumbnailThroughput(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lightpath-bench-thumbs-'));
  try {
    const rows: Row[] = [];
    for (const set of frameSets(dir)) {
      const source = (file: string) => ({ path: file, name: path.basename(file) });
      const [decode, render, job] = await medianRates(set.files, [
        async (file) => readFirstImage(await readFitsFile(file)),
        (file) => renderThumbnail(source(file)),
        (file) => renderInWorker({ source: source(file), size: THUMBNAIL_SIZE }),
      ]);
      rows.push(
        { frames: set.label, way: 'decoding alone (baseline)', 'frames/s': decode, 'ms per frame': 1000 / decode, 'vs decoding': '100%' },
        { frames: set.label, way: 'thumbnail, in this thread', 'frames/s': render, 'ms per frame': 1000 / render, 'vs decoding': `${Math.round((100 * render) / decode)}%` },
        { frames: set.label, way: 'thumbnail as the job makes it (worker thread)', 'frames/s': job, 'ms per frame': 1000 / job, 'vs decoding': `${Math.round((100 * job) / decode)}%` },
      );
    }
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function telescopePages(): Promise<Outcome> {
  const thumbnails = await thumbnailThroughput();
  const adminUrl = postgresAdminUrl();
  if (!adminUrl) {
    console.error('  telescope-pages: no PostgreSQL, the target list part is skipped');
    return { rows: thumbnails, notes: 'The target list: skipped (no PostgreSQL: set LIGHTPATH_BENCH_POSTGRES_URL or LIGHTPATH_TEST_POSTGRES_URL).' };
  }
  const list = await listCalls(adminUrl, Number(process.env.BENCH_TELESCOPE_SCALE ?? 1));
  return { rows: thumbnails, notes: ['The target list\'s REST call:', list.described, formatTable(list.rows)].join('\n\n') };
}
