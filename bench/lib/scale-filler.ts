// A facility of identical projects, inserted with SQL directly (generate_series) in one
// transaction, so that the facility can grow while one project's view stays the same. Each
// project holds 1,000 samples and 1,000 datasets with what goes with them: 10 shipments (one
// group and 7 Uni-Pucks each), 25 sessions of 40 datasets (so a project's first page of sessions is
// as full in the small facility as in the large one), a report for every other dataset, and
// 10 activity entries per shipment. 1,000 projects make 10⁶ samples and 10⁶ datasets.
// Names end in a 6-hex code from md5, so a search for one sample's code finds that sample only.
import type pg from 'pg';
import { bulkTransaction, insertProjects, sqlTimes } from './filler.ts';

export const PER_PROJECT = { shipments: 10, samples: 1000, sessions: 25, datasets: 1000 };

export interface ScaleCounts {
  projects: number;
  samples: number;
  datasets: number;
  shipments: number;
  containers: number;
  sessions: number;
  reports: number;
  activity: number;
}

const STATES = ['draft', 'sent', 'on_site', 'returned', 'returned', 'returned', 'returned', 'archived', 'archived', 'archived'];

/** `others` new projects, then the same contents for every project in the database (those loaded before too). */
export async function insertScaleFacility(client: pg.Client, others: number): Promise<ScaleCounts> {
  const now = Date.now();
  const puckType = (await client.query<{ id: number }>(`select id from container_types where name = 'Uni-Puck'`)).rows[0].id;
  const dataType = (await client.query<{ id: number }>('select id from data_types order by id limit 1')).rows[0].id;
  const { minutesAgo: ago, after } = sqlTimes(now);
  // Trigram indexes (migration 0018) are built faster afresh than row by row: dropped, then rebuilt after.
  const trigrams = (await client.query<{ indexdef: string; indexname: string }>(`select indexname, indexdef from pg_indexes where indexname like '%_trigrams'`)).rows;
  for (const { indexname } of trigrams) await client.query(`drop index ${indexname}`);
  await bulkTransaction(client, async () => {
    if (others > 0) await insertProjects(client, 'scale-', others, new Date(now).toISOString());
    await client.query(`
      insert into shipments (project_id, name, state, comments, date_shipped, created_at, updated_at)
      select p.id, 'SHIP-' || substr(md5('ship' || p.id || '-' || k), 1, 6), (array[${STATES.map((s) => `'${s}'`).join(',')}])[k % 10 + 1], 'scale-bench',
        case when k % 10 = 0 then null else ${ago('(p.id * 10 + k) * 7')} end, ${ago('(p.id * 10 + k) * 7')}, ${ago('(p.id * 10 + k) * 7')}
      from projects p, generate_series(0, $1::int - 1) k`, [PER_PROJECT.shipments]);
    await client.query(`
      insert into sample_groups (project_id, shipment_id, name, state, priority, created_at, updated_at)
      select project_id, id, 'group-1', 'draft', 1, created_at, created_at from shipments where comments = 'scale-bench'`);
    await client.query(`
      insert into containers (project_id, shipment_id, name, container_type_id, state, priority, created_at, updated_at)
      select s.project_id, s.id, 'PUCK-' || substr(md5('puck' || s.id || '-' || j), 1, 6), $1,
        case when s.state in ('on_site', 'returned', 'archived') then s.state else 'draft' end, j, s.created_at, s.created_at
      from shipments s, generate_series(1, 7) j where s.comments = 'scale-bench'`, [puckType]);
    await client.query(`
      insert into samples (project_id, container_id, location_id, group_id, name, priority, collect_status, created_at, updated_at)
      select c.project_id, c.id, l.id, g.id, 'xtal-' || substr(md5('sample' || c.id || '-' || l.position), 1, 6), l.position + 1, false, c.created_at, c.created_at
      from shipments s
      join containers c on c.shipment_id = s.id
      join container_locations l on l.container_type_id = $1
      join sample_groups g on g.shipment_id = s.id
      where s.comments = 'scale-bench' and (c.priority - 1) * 16 + l.position < $2::int`, [puckType, PER_PROJECT.samples / PER_PROJECT.shipments]);
    await client.query(`
      insert into beamline_sessions (project_id, beamline_id, name, comments, created_at)
      select p.id, b.id, 'session-' || substr(md5('session' || p.id || '-' || k), 1, 6), 'scale-bench', ${ago(`(p.id * ${PER_PROJECT.sessions} + k) * 30`)}
      from projects p, generate_series(0, $1::int - 1) k,
        lateral (select id from beamlines order by id offset (p.id + k) % (select count(*) from beamlines) limit 1) b`, [PER_PROJECT.sessions]);
    await client.query(`
      insert into stretches (session_id, started_at, ended_at)
      select id, created_at, ${after('created_at', "interval '20 minutes'")} from beamline_sessions where comments = 'scale-bench'`);
    // Dataset j of a session is on the project's sample number (session's rank × 40 + j). The
    // ranks go in analysed temporary tables, so that PostgreSQL hash-joins them.
    await client.query(`create temp table ranked_samples on commit drop as
      select id, group_id, project_id, (row_number() over (partition by project_id order by id) - 1)::int as n from samples`);
    await client.query(`create temp table ranked_sessions on commit drop as
      select id, project_id, beamline_id, created_at, (row_number() over (partition by project_id order by id) - 1)::int as n
      from beamline_sessions where comments = 'scale-bench'`);
    await client.query('analyze ranked_samples');
    await client.query('analyze ranked_sessions');
    await client.query(`
      insert into datasets (project_id, beamline_id, session_id, sample_id, group_id, data_type_id, name, energy, proxy_key, state, created_at, updated_at)
      select bs.project_id, bs.beamline_id, bs.id, sa.id, sa.group_id, $1, 'ds-' || substr(md5('ds' || bs.id || '-' || j), 1, 6), 12.658,
        md5('scale-ds-' || bs.id || '-' || j), 'active', ${after('bs.created_at', "j * interval '10 seconds'")}, ${after('bs.created_at', "j * interval '10 seconds'")}
      from ranked_sessions bs cross join generate_series(0, $2::int - 1) j
      left join ranked_samples sa on sa.project_id = bs.project_id and sa.n = bs.n * $2::int + j`, [dataType, PER_PROJECT.datasets / PER_PROJECT.sessions]);
    await client.query(`
      insert into reports (project_id, name, kind, score, proxy_key, state, created_at, updated_at)
      select project_id, name, 'Data Processing', (id % 100) / 100.0, md5('report-' || proxy_key), 'active', created_at, created_at
      from datasets where id % 2 = 0 and starts_with(name, 'ds-')`);
    await client.query(`
      insert into report_datasets (report_id, dataset_id)
      select r.id, d.id from reports r join datasets d on md5('report-' || d.proxy_key) = r.proxy_key where starts_with(r.name, 'ds-')`);
    await client.query(`
      insert into activity_log (created_at, project_id, action, object_type, object_id, description)
      select ${after('s.created_at', "j * interval '1 hour'")}, s.project_id, (array['create','modify','delete','archive','task'])[j % 5 + 1], 'shipment', s.id, 'scale bench'
      from shipments s, generate_series(0, 9) j where s.comments = 'scale-bench'`);
  });
  for (const { indexdef } of trigrams) await client.query(indexdef);
  const count = async (table: string) => Number((await client.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0].n);
  return {
    projects: await count('projects'), samples: await count('samples'), datasets: await count('datasets'), shipments: await count('shipments'),
    containers: await count('containers'), sessions: await count('beamline_sessions'), reports: await count('reports'), activity: await count('activity_log'),
  };
}
