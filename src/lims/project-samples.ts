// The samples MxDC may mount on a beamline (spec §3.4): the project's samples in on-site
// containers that sit in this beamline's automounter (directly, or in an adaptor there), or that
// are not loaded anywhere. Ordered by group priority, then sample priority (missing last).
import { sql } from 'kysely';
import type { CompiledQuery } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { keepPlanned } from '../platform/db/planned-statements.ts';

export interface MountableSample {
  id: number;
  name: string;
  barcode: string | null;
  comments: string | null;
  container: string;
  container_type: string;
  group: string | null;
  location: string;
  port: string;
}

// MxDC asks for this list more than for anything else: the query is built and compiled once per
// database, with stand-ins for its two ids, and only its parameters change from call to call.
const PROJECT = -0x70_0001;
const AUTOMOUNTER = -0x70_0002;
const compiled = new WeakMap<Db, CompiledQuery<MountableSample>>();

export async function mountableSamples(db: Db, projectId: number, automounterContainerId: number): Promise<MountableSample[]> {
  let query = compiled.get(db);
  if (!query) {
    query = sampleQuery(db, PROJECT, AUTOMOUNTER).compile();
    compiled.set(db, query);
    // Planning this join on PostgreSQL costs more than running it.
    keepPlanned(query.sql);
  }
  const parameters = query.parameters.map((value) => (value === PROJECT ? projectId : value === AUTOMOUNTER ? automounterContainerId : value));
  return (await db.executeQuery<MountableSample>({ ...query, parameters })).rows;
}

function sampleQuery(db: Db, projectId: number, automounterContainerId: number) {
  return db.selectFrom('samples as s')
    .innerJoin('containers as c', 'c.id', 's.container_id')
    .innerJoin('container_types as ct', 'ct.id', 'c.container_type_id')
    .innerJoin('container_locations as sl', 'sl.id', 's.location_id')
    .leftJoin('sample_groups as g', 'g.id', 's.group_id')
    .leftJoin('containers as p', 'p.id', 'c.parent_id')
    .leftJoin('container_locations as cl', 'cl.id', 'c.location_id')
    .leftJoin('container_locations as pl', 'pl.id', 'p.location_id')
    .select([
      's.id', 's.name', 's.barcode', 's.comments', 'c.name as container', 'ct.name as container_type', 'g.name as group', 'sl.name as location',
      sql<string>`coalesce(pl.name, '') || coalesce(cl.name, '') || sl.name`.as('port'),
    ])
    .where('s.project_id', '=', projectId)
    // Redundant (a project's samples sit in its own containers) but it lets PostgreSQL reach the
    // containers through their (state, project) index instead of hashing every on-site container.
    .where('c.project_id', '=', projectId)
    .where('c.state', '=', 'on_site')
    .where((eb) => eb.or([
      eb('c.parent_id', '=', automounterContainerId),
      eb('p.parent_id', '=', automounterContainerId),
      eb('c.parent_id', 'is', null),
    ]))
    // NULL priorities last on both databases (PostgreSQL's default, which production MxLIVE had).
    .orderBy(sql`g.priority is null`).orderBy('g.priority').orderBy(sql`s.priority is null`).orderBy('s.priority').orderBy('s.id');
}
