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

// What each key of a listed sample holds, in the order the keys are written; then "priority".
const FIELDS: Record<Exclude<keyof MountableSample, 'priority'>, RawBuilder<unknown>> = {
  container: sql`c.name`,
  container_type: sql`ct.name`,
  group: sql`g.name`,
  id: sql`s.id`,
  name: sql`s.name`,
  barcode: sql`s.barcode`,
  comments: sql`s.comments`,
  location: sql`sl.name`,
  port: sql`coalesce(pl.name, '') || coalesce(cl.name, '') || sl.name`,
};
const COLUMNS = Object.entries(FIELDS).map(([key, value]) => value.as(key));
// NULL priorities last on both databases (PostgreSQL's default, which production MxLIVE had).
const ORDER = sql`g.priority is null, g.priority, s.priority is null, s.priority, s.id`;

// SQLite numbers the rows of an ordered list only through a window function, which here cost as
// much as the rest of the query: its objects end in this mark instead, and the numbers are put
// in afterwards, in order. The mark cannot occur inside a JSON string, where every '"' is escaped.
const UNNUMBERED = -1;
const MARK = `"priority":${UNNUMBERED}}`;

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
  const { list } = (await db.executeQuery<{ list: string }>({ ...query, parameters })).rows[0];
  return kind === 'sqlite' ? numberInOrder(list) : list;
}

function listQuery(db: Db, kind: DatabaseKind) {
  const samples = sampleQuery(db, PROJECT, AUTOMOUNTER);
  if (kind === 'postgres') {
    // Each row becomes an object with its columns as keys, in their order. No row gives NULL,
    // not an empty list; the json is cast to text so the driver hands the text over unparsed.
    const numbered = samples.select([...COLUMNS, sql<number>`row_number() over (order by ${ORDER}) - 1`.as('priority')]);
    return db.selectFrom(numbered.as('m')).select(sql<string>`coalesce(json_agg(m order by m.priority), '[]')::text`.as('list'));
  }
  const fields = sql.join(Object.entries(FIELDS).map(([key, value]) => sql`${sql.lit(key)}, ${value}`));
  return samples.select(sql<string>`json_group_array(json_object(${fields}, 'priority', ${sql.lit(UNNUMBERED)}) order by ${ORDER})`.as('list'));
}

/** Each object's "priority" mark replaced by its place in the list. */
function numberInOrder(list: string): string {
  let numbered = '';
  let from = 0;
  for (let priority = 0, at = list.indexOf(MARK); at >= 0; priority++, at = list.indexOf(MARK, from)) {
    numbered += `${list.slice(from, at)}"priority":${priority}}`;
    from = at + MARK.length;
  }
  return numbered + list.slice(from);
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
    .where('s.project_id', '=', projectId)
    // Redundant (a project's samples sit in its own containers) but it lets PostgreSQL reach the
    // containers through their (state, project) index instead of hashing every on-site container.
    .where('c.project_id', '=', projectId)
    // A literal, not a parameter: with the state unknown, the generic plan of this prepared
    // statement looked so much dearer than a custom one that PostgreSQL planned it afresh on
    // every call in a large facility (1.3 ms of planning for 0.7 ms of work).
    .where('c.state', '=', sql.lit('on_site'))
    .where((eb) => eb.or([
      eb('c.parent_id', '=', automounterContainerId),
      eb('p.parent_id', '=', automounterContainerId),
      eb('c.parent_id', 'is', null),
    ]));
}
