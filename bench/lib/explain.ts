// EXPLAIN (ANALYZE) of the exact ProjectSamples query Lightpath runs: mountableSamplesJson is called on
// a Kysely that records its SQL, which is then explained with the same parameters.
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/platform/db/schema.ts';
import { mountableSamplesJson } from '../../src/lims/project-samples.ts';

export interface Plan {
  lines: string[];
  /** One entry per scan node with the rows it read, e.g. "Index Scan using samples_project on samples s: 100 rows". */
  scans: string[];
  sequential: string[];
  executionMs: number;
}

export async function explainSamplesQuery(databaseUrl: string, username: string, beamline: string): Promise<Plan> {
  let recorded: CompiledQuery | undefined;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) }),
    log: (event) => {
      if (event.level === 'query' && recorded === undefined) recorded = event.query;
    },
  });
  try {
    const project = await db.selectFrom('projects as p').innerJoin('users as u', 'u.id', 'p.user_id').select('p.id').where('u.username', '=', username).executeTakeFirstOrThrow();
    const automounter = await db.selectFrom('automounters as a').innerJoin('beamlines as b', 'b.id', 'a.beamline_id')
      .select('a.container_id').where('b.acronym', '=', beamline).where('a.active', '=', true).executeTakeFirstOrThrow();
    recorded = undefined;
    await mountableSamplesJson(db, 'postgres', project.id, automounter.container_id);
    const query = recorded!;
    const result = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]));
    const lines = result.rows.map((row) => row['QUERY PLAN']);
    const scans = lines.flatMap((line) => {
      const found = /((?:Parallel )?(?:Seq|Index Only|Index|Bitmap Heap|Bitmap Index) Scan(?: using \S+)?(?: on \S+(?: \S+)?)?)\s+\(cost.*rows=(\d+) loops=(\d+)\)/.exec(line);
      return found ? [`${found[1]}: ${(Number(found[2]) * Number(found[3])).toLocaleString('en-US')} rows`] : [];
    });
    const execution = lines.map((line) => /Execution Time: ([\d.]+) ms/.exec(line)).find(Boolean);
    return { lines, scans, sequential: scans.filter((s) => s.includes('Seq Scan')), executionMs: execution ? Number(execution[1]) : NaN };
  } finally {
    await db.destroy();
  }
}
