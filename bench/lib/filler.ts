// Other projects' samples, inserted with SQL directly (generate_series) so a PostgreSQL database
// can hold a facility's million samples in seconds: each project has one shipment with one group
// and full Uni-Pucks, not loaded anywhere; one shipment in five is on site, the rest returned.
import type pg from 'pg';
import { recountStatements } from '../../src/platform/db/row-counts.ts';

export interface FillerSpec {
  /** Distinguishes this batch's usernames and shipments from earlier ones. */
  tag: string;
  projects: number;
  samplesPerProject: number;
}

/**
 * Runs `work` in one transaction. The rows it writes must be consistent by construction: as a
 * superuser the foreign-key triggers are skipped (a setting reset at commit), which makes
 * inserting a million samples about 4 times faster.
 */
export async function bulkTransaction(client: pg.Client, work: () => Promise<void>): Promise<void> {
  const superuser = (await client.query<{ is_superuser: string }>('show is_superuser')).rows[0].is_superuser === 'on';
  await client.query('begin');
  try {
    if (superuser) await client.query('set local session_replication_role = replica');
    await work();
    // The row-count triggers (migration 0019) were skipped with the others.
    if (superuser) for (const statement of recountStatements('postgres')) await client.query(statement);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/** `count` project accounts named `<prefix>1`, `<prefix>2`…, each with its project. */
export async function insertProjects(client: pg.Client, prefix: string, count: number, now: string): Promise<void> {
  await client.query(`
    with new_users as (
      insert into users (username, full_name, email, is_staff, is_active, created_at, updated_at)
      select $1::text || g, 'Other project ' || g, '', false, true, $2, $2 from generate_series(1, $3::int) g
      returning id
    )
    insert into projects (user_id, created_at, updated_at) select id, $2, $2 from new_users`, [prefix, now, count]);
}

export async function insertOtherProjects(client: pg.Client, spec: FillerSpec): Promise<void> {
  const now = new Date().toISOString();
  const pucks = Math.ceil(spec.samplesPerProject / 16);
  const prefix = `other-${spec.tag}-`;
  const { rows } = await client.query<{ id: number }>(`select id from container_types where name = 'Uni-Puck'`);
  const puckType = rows[0].id;
  await bulkTransaction(client, async () => {
    await insertProjects(client, prefix, spec.projects, now);
    await client.query(`
      insert into shipments (project_id, name, state, comments, created_at, updated_at)
      select p.id, 'SHIPMENT-1', case when p.id % 5 = 0 then 'on_site' else 'returned' end, $2, $3, $3
      from projects p join users u on u.id = p.user_id where starts_with(u.username, $1)`, [prefix, spec.tag, now]);
    await client.query(`
      insert into sample_groups (project_id, shipment_id, name, state, priority, created_at, updated_at)
      select project_id, id, 'group-1', 'draft', 1, $2, $2 from shipments where comments = $1`, [spec.tag, now]);
    await client.query(`
      insert into containers (project_id, shipment_id, name, container_type_id, state, priority, created_at, updated_at)
      select s.project_id, s.id, 'PUCK-' || k, $2, s.state, k, $3, $3
      from shipments s, generate_series(1, $4::int) k where s.comments = $1`, [spec.tag, puckType, now, pucks]);
    // Puck k holds samples (k-1)*16+1 … k*16 of its project: the last puck may be partly filled.
    // Names follow the insertion order, so the name indexes grow at their end (twice as fast).
    await client.query(`
      insert into samples (project_id, container_id, location_id, group_id, name, priority, collect_status, created_at, updated_at)
      select c.project_id, c.id, l.id, g.id, 'x' || lpad(c.id::text, 8, '0') || '-' || lpad((l.position + 1)::text, 2, '0'), l.position + 1, false, $3, $3
      from shipments s
      join containers c on c.shipment_id = s.id
      join sample_groups g on g.shipment_id = s.id
      join container_locations l on l.container_type_id = $2
      where s.comments = $1 and (c.priority - 1) * 16 + l.position < $4::int`, [spec.tag, puckType, now, spec.samplesPerProject]);
  });
}

/**
 * SQL expressions for timestamps as Lightpath stores them (ISO-8601 UTC text,
 * src/platform/db/column-types.ts): some minutes before `now`, or a column's time plus an interval.
 */
export function sqlTimes(now: number): { minutesAgo(minutes: string): string; after(column: string, interval: string): string } {
  const iso = (time: string) => `to_char((${time}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return {
    minutesAgo: (minutes) => iso(`timestamptz '${new Date(now).toISOString()}' - (${minutes}) * interval '1 minute'`),
    after: (column, interval) => iso(`${column}::timestamptz + ${interval}`),
  };
}
