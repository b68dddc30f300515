// ProjectSamples latency as the database grows: the same signed request and query path with
// 1,000 samples in PostgreSQL, then with 1,000,000 (the others belong to ~1,000 other projects,
// as in a real facility). Returned: the project's own 100 samples, then a project's 1,000.
// Each case is measured at 1 and 10 connections, with its p50 over the same connections' p50 at
// 1,000 samples; the query plan of the big case is printed.
import pg from 'pg';
import { BEAMLINE, beamlineSection, lightpathLoad, projectSection, startLoadedLightpath } from './lib/facility.ts';
import { explainSamplesQuery } from './lib/explain.ts';
import { insertOtherProjects } from './lib/filler.ts';
import { sampleLatency } from './lib/latency.ts';
import { registeredClient, signedPaths, TOKEN_POOL, tokenSeconds } from './lib/mxdc.ts';
import { freshPostgresDatabase, postgresAdminUrl } from './lib/postgres.ts';
import type { MxdcClient } from '../test/support/mxdc/client.ts';
import type { Outcome, Row } from './lib/table.ts';

const SMALL = 'bench';
const LARGE = 'bench1000';

async function countSamples(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>('select count(*) as n from samples');
  return Number(rows[0].n);
}

async function measureCase(url: string, mxdc: MxdcClient, inDatabase: number, seconds: number): Promise<Row[]> {
  const route = `samples/${BEAMLINE}/`;
  const reply = await mxdc.samples(BEAMLINE);
  if (reply.status !== 200 || !Array.isArray(reply.body)) throw new Error(`ProjectSamples answered ${reply.status}: ${reply.text.slice(0, 200)}`);
  const rows: Row[] = [];
  for (const connections of [1, 10]) {
    await sampleLatency(url, signedPaths(mxdc, route, 50), { seconds: 1, connections }); // warm-up
    const result = await sampleLatency(url, signedPaths(mxdc, route), { seconds: tokenSeconds(seconds), connections });
    rows.push({
      'samples in database': inDatabase, 'samples returned': reply.body.length, connections,
      'requests/s': result.requestsPerSecond, 'p50 ms': result.p50, 'p99 ms': result.p99, errors: result.errors,
    });
  }
  return rows;
}

export async function samplesScale(seconds: number): Promise<Outcome> {
  const adminUrl = postgresAdminUrl();
  if (!adminUrl) {
    const message = 'skipped: no PostgreSQL (set LIGHTPATH_BENCH_POSTGRES_URL or LIGHTPATH_TEST_POSTGRES_URL)';
    console.error(`  samples-scale ${message}`);
    return [{ benchmark: 'samples-scale', result: message }];
  }
  const each = Math.max(2, seconds / 2);
  const database = await freshPostgresDatabase(adminUrl);
  try {
    const env = { DATABASE_URL: database.url };
    const server = await startLoadedLightpath({ ...projectSection({ username: SMALL, samples: 100, slots: ['L', 'M'] }), beamlines: beamlineSection() }, env);
    const sql = new pg.Client({ connectionString: database.url });
    try {
      await sql.connect();
      const rows: Row[] = [];
      const small = await registeredClient(server.url, SMALL);
      await insertOtherProjects(sql, { tag: 'a', projects: 9, samplesPerProject: 100 });
      await sql.query('analyze');
      const before = await countSamples(sql);
      console.error(`  ${before} samples; measuring ${each} s per case, ${TOKEN_POOL} fresh tokens each`);
      rows.push(...await measureCase(server.url, small, before, each));

      const started = Date.now();
      await lightpathLoad(server.dataDir, 'large-project', projectSection({ username: LARGE, samples: 1000, slots: ['R'] }), { LIGHTPATH_DATA_DIR: server.dataDir, ...env });
      await insertOtherProjects(sql, { tag: 'b', projects: 998, samplesPerProject: 1000 });
      await sql.query('analyze'); // as autovacuum would have by then in a real facility
      const total = await countSamples(sql);
      console.error(`  grew to ${total} samples in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      rows.push(...await measureCase(server.url, small, total, each));
      rows.push(...await measureCase(server.url, await registeredClient(server.url, LARGE), total, each));

      // The goal (issue 12): the 100-sample answer with 10⁶ samples within 1.2× of its time with 10³
      // (the 1,000-sample answer has no small case to compare with).
      for (const row of rows) {
        const small = rows.find((r) => r['samples in database'] === before && r.connections === row.connections)!;
        const same = row['samples returned'] === small['samples returned'];
        row['p50 ratio to 10³'] = same ? Number((Number(row['p50 ms']) / Number(small['p50 ms'])).toFixed(2)) : '–';
      }
      const notes: string[] = [];
      for (const username of [SMALL, LARGE]) {
        const plan = await explainSamplesQuery(database.url, username, BEAMLINE);
        const verdict = plan.sequential.length === 0 ? 'no sequential scan' : `SEQUENTIAL SCAN: ${plan.sequential.join('; ')}`;
        notes.push(`EXPLAIN (ANALYZE) of the samples query for ${username} with ${total.toLocaleString('en-US')} samples: ${verdict}; `
          + `execution ${plan.executionMs} ms. Scans: ${plan.scans.join('; ')}.`);
        if (plan.sequential.length > 0 || process.env.BENCH_PLANS) notes.push(['```', ...plan.lines, '```'].join('\n'));
      }
      return { rows, notes: notes.join('\n\n') };
    } finally {
      await sql.end().catch(() => {});
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}
