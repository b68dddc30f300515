// The samples MxDC may mount on a beamline (spec §3.4): the project's samples in on-site
// containers that sit in this beamline's automounter (directly, or in an adaptor there), or that
// are not loaded anywhere. Ordered by group priority, then sample priority (missing last).
import { sql } from 'kysely';
import type { CompiledQuery, RawBuilder } from 'kysely';
import type { DatabaseKind } from '../config.ts';
import type { Db } from '../platform/db/database.ts';
import { keepPlanned } from '../platform/db/planned-statements.ts';

export interface MountableSample {
  container: string;
  container_type: string;
  group: string | null;
  id: number;
  name: string;
  barcode: string | null;
  comments: string | null;
  location: string;
  port: string;
  /** The sample's place in mounting order, from 0. */
  priority: number;
}

// What each key of a listed sample holds, in the order the keys are written.
const FIELDS: Record<keyof MountableSample, RawBuilder<unknown>> = {
  container: sql`c.name`,
  container_type: sql`ct.name`,
  group: sql`g.name`,
  id: sql`s.id`,
  name: sql`s.name`,
  barcode: sql`s.barcode`,
  comments: sql`s.comments`,
  location: sql`sl.name`,
  port: sql`coalesce(pl.name, '') || coalesce(cl.name, '') || sl.name`,
  // NULL priorities last on both databases (PostgreSQL's default, which production MxLIVE had).
  priority: sql`row_number() over (order by g.priority is null, g.priority, s.priority is null, s.priority, s.id) - 1`,
};
const KEYS = Object.keys(FIELDS) as Array<keyof MountableSample>;

// MxDC asks for this list more than for anything else: the query is built and compiled once per
// database, with stand-ins for its two ids, and only its parameters change from call to call.
const PROJECT = -0x70_0001;
const AUTOMOUNTER = -0x70_0002;
const compiled = new WeakMap<Db, CompiledQuery<{ list: string }>>();

/**
 * The mountable samples as one JSON array (MountableSample objects in mounting order), written by
 * the database itself: reading a hundred rows into objects and serialising them again cost more
 * than running the query.
 */
export async function mountableSamplesJson(db: Db, kind: DatabaseKind, projectId: number, automounterContainerId: number): Promise<string> {
  let query = compiled.get(db);
  if (!query) {
    query = listQuery(db, kind).compile();
    compiled.set(db, query);
    // Planning this join on PostgreSQL costs more than running it.
    keepPlanned(query.sql);
  }
  const parameters = query.parameters.map((value) => (value === PROJECT ? projectId : value === AUTOMOUNTER ? automounterContainerId : value));
  const { rows } = await db.executeQuery<{ list: string }>({ ...query, parameters });
  return rows[0].list;
}

function listQuery(db: Db, kind: DatabaseKind) {
  // PostgreSQL writes each row as an object with its columns as keys, in their order. No row
  // gives NULL there, not an empty list; the json is cast to text so the driver hands the text
  // over instead of parsing it.
  const list: RawBuilder<string> = kind === 'postgres'
    ? sql`coalesce(json_agg(m order by m.priority), '[]')::text`
    : sql`json_group_array(json_object(${sql.join(KEYS.map((key) => sql`${sql.lit(key)}, ${sql.ref(`m.${key}`)}`))}) order by m.priority)`;
  return db.selectFrom(sampleQuery(db, PROJECT, AUTOMOUNTER).as('m')).select(list.as('list'));
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
    .select(KEYS.map((key) => FIELDS[key].as(key)))
    .where('s.project_id', '=', projectId)
    // Redundant (a project's samples sit in its own containers) but it lets PostgreSQL reach the
    // containers through their (state, project) index instead of hashing every on-site container.
    .where('c.project_id', '=', projectId)
    .where('c.state', '=', 'on_site')
    .where((eb) => eb.or([
      eb('c.parent_id', '=', automounterContainerId),
      eb('p.parent_id', '=', automounterContainerId),
      eb('c.parent_id', 'is', null),
    ]));
}
