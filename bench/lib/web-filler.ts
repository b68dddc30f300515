// A facility's worth of records behind the web app's list pages, inserted with SQL directly
// (generate_series) in one transaction: `projects` − 1 new projects plus the given big project,
// which owns one record in ten of each kind (shipments, containers, groups, samples, sessions,
// datasets, reports, activity). At scale 1: ~10⁴ shipments, 6 × 10⁴ Uni-Pucks, 10⁵ groups,
// 10⁶ samples, 10⁴ sessions, 10⁵ datasets, 5 × 10⁴ reports, 10⁵ activity entries.
import type pg from 'pg';
import { bulkTransaction, insertProjects, sqlTimes } from './filler.ts';

export interface WebFacilitySpec {
  projects: number;
  bigProjectId: number;
  /** 1 for the full facility; smaller to try the benchmark quickly. */
  scale: number;
}

export interface WebFacilityCounts {
  shipments: number;
  samples: number;
  sessions: number;
  datasets: number;
}

const SAMPLES_PER_SHIPMENT = 96; // six full Uni-Pucks
const PREFIX = 'web-other-';
const STATES = ['draft', 'sent', 'on_site', 'returned', 'returned', 'returned', 'returned', 'archived', 'archived', 'archived'];

export async function insertWebFacility(client: pg.Client, spec: WebFacilitySpec): Promise<WebFacilityCounts> {
  const shipments = Math.ceil((1_000_000 * spec.scale) / SAMPLES_PER_SHIPMENT);
  const sessions = Math.round(10_000 * spec.scale);
  const others = spec.projects - 1;
  const now = Date.now();
  const puckType = (await client.query<{ id: number }>(`select id from container_types where name = 'Uni-Puck'`)).rows[0].id;
  const dataType = (await client.query<{ id: number }>('select id from data_types order by id limit 1')).rows[0].id;
  const { minutesAgo: at, after } = sqlTimes(now);
  // Record k belongs to the big project when k is a multiple of 10, otherwise to other project k mod (projects − 1).
  const owner = (k: string) => `case when ${k} % 10 = 0 then ${spec.bigProjectId} else o.id end`;
  const ownerJoin = (k: string) => `join web_owners o on o.n = ${k} % ${others}`;
  await bulkTransaction(client, async () => {
    await insertProjects(client, PREFIX, others, new Date(now).toISOString());
    await client.query(`create temp table web_owners on commit drop as
      select (row_number() over (order by p.id) - 1)::int as n, p.id from projects p join users u on u.id = p.user_id where starts_with(u.username, $1)`, [PREFIX]);
    await client.query(`
      insert into shipments (project_id, name, state, comments, date_shipped, created_at, updated_at)
      select ${owner('k')}, 'WEB-SHIPMENT-' || k, (array[${STATES.map((s) => `'${s}'`).join(',')}])[k % ${STATES.length} + 1], 'web-bench',
        case when k % ${STATES.length} = 0 then null else ${at('k * 7')} end, ${at('k * 7')}, ${at('k * 7')}
      from generate_series(1, $1::int) k ${ownerJoin('k')}`, [shipments]);
    await client.query(`
      insert into containers (project_id, shipment_id, name, container_type_id, state, priority, created_at, updated_at)
      select s.project_id, s.id, 'PUCK-' || j, $1, case when s.state in ('on_site', 'returned', 'archived') then s.state else 'draft' end, j, s.created_at, s.created_at
      from shipments s, generate_series(1, 6) j where s.comments = 'web-bench'`, [puckType]);
    await client.query(`
      insert into sample_groups (project_id, shipment_id, name, state, priority, created_at, updated_at)
      select s.project_id, s.id, 'group-' || j, 'draft', j, s.created_at, s.created_at
      from shipments s, generate_series(1, 10) j where s.comments = 'web-bench'`);
    await client.query(`
      insert into samples (project_id, container_id, location_id, group_id, name, priority, collect_status, created_at, updated_at)
      select c.project_id, c.id, l.id, g.id, 'w' || lpad(c.id::text, 8, '0') || '-' || lpad((l.position + 1)::text, 2, '0'), l.position + 1, false, c.created_at, c.created_at
      from shipments s
      join containers c on c.shipment_id = s.id
      join container_locations l on l.container_type_id = $1
      join sample_groups g on g.shipment_id = s.id and g.priority = ((c.priority - 1) * 16 + l.position) % 10 + 1
      where s.comments = 'web-bench'`, [puckType]);
    // Sessions on the facility's beamlines; the two newest are still running (an open stretch).
    await client.query(`
      insert into beamline_sessions (project_id, beamline_id, name, comments, created_at)
      select ${owner('k')}, b.id, 'web-session-' || k, 'web-bench', ${at('k * 30')}
      from generate_series(1, $1::int) k ${ownerJoin('k')}
      join (select id, (row_number() over (order by id) - 1)::int as n, count(*) over ()::int as m from beamlines) b on b.n = k % b.m`, [sessions]);
    await client.query(`
      insert into stretches (session_id, started_at, ended_at)
      select id, created_at, case when name in ('web-session-1', 'web-session-2') then null else ${after('created_at', "interval '20 minutes'")} end
      from beamline_sessions where comments = 'web-bench'`);
    // Ten datasets per session, each on a sample and group of its project's shipments (the big
    // project's datasets on its own samples), and a report for every other dataset.
    await client.query(`
      insert into datasets (project_id, beamline_id, session_id, data_type_id, name, energy, proxy_key, state, created_at, updated_at)
      select bs.project_id, bs.beamline_id, bs.id, $1, 'web-ds-' || bs.id || '-' || j, 12.658, md5('web-ds-' || bs.id || '-' || j), 'active',
        ${after('bs.created_at', "j * interval '1 minute'")}, ${after('bs.created_at', "j * interval '1 minute'")}
      from beamline_sessions bs, generate_series(1, 10) j where bs.comments = 'web-bench'`, [dataType]);
    await client.query(`
      update datasets d set sample_id = s.id, group_id = s.group_id
      from (select project_id, min(id) as first, count(*) as n from samples group by project_id) r, samples s
      where d.project_id = r.project_id and starts_with(d.name, 'web-ds-') and s.id = r.first + d.id % least(r.n, 500)`);
    await client.query(`
      insert into reports (project_id, name, kind, score, proxy_key, state, created_at, updated_at)
      select project_id, name, 'Data Processing', (id % 100) / 100.0, md5('report-' || name), 'active', created_at, created_at
      from datasets where starts_with(name, 'web-ds-') and id % 2 = 0`);
    await client.query(`
      insert into report_datasets (report_id, dataset_id)
      select r.id, d.id from reports r join datasets d on d.name = r.name and d.project_id = r.project_id where starts_with(r.name, 'web-ds-')`);
    await client.query(`
      insert into activity_log (created_at, project_id, action, object_type, object_id, description)
      select ${after('s.created_at', "j * interval '1 hour'")}, s.project_id, (array['created','modified','sent','received','returned'])[j % 5 + 1], 'shipment', s.id, 'web bench'
      from shipments s, generate_series(0, 9) j where s.comments = 'web-bench'`);
  });
  const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0].n);
  return {
    shipments: await count('select count(*) as n from shipments'),
    samples: await count('select count(*) as n from samples'),
    sessions: await count('select count(*) as n from beamline_sessions'),
    datasets: await count('select count(*) as n from datasets'),
  };
}
