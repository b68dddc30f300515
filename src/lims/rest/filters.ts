// List filters that name a record the way a person knows it: by id, or by its human key — a
// beamline's acronym, a project's username, a container type's name, or the name of a shipment,
// container, group, session, sample or dataset. A name stands for every record of that name; the
// list's own visibility rule still decides what is shown, so a name the caller cannot see, or
// that nothing has, lists nothing (as an unknown id does). Names are looked up by index, in SQL.
import { Type } from '@sinclair/typebox';
import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { Id } from './common.ts';

export type RefKind = 'beamline' | 'project' | 'containerType' | 'shipment' | 'container' | 'group' | 'session' | 'sample' | 'dataset';

const KEYS: Record<RefKind, string> = {
  beamline: 'acronym', project: 'owner\'s username', containerType: 'name', shipment: 'name', container: 'name',
  group: 'name', session: 'name', sample: 'name', dataset: 'name',
};

/** The filter's schema: an id, or the human key as text (a value of digits is taken as an id). */
export function Ref(what: string, kind: RefKind) {
  return Type.Optional(Type.Union([Id, Type.String({ minLength: 1, maxLength: 150 })], { description: `The ${what}: its id or its ${KEYS[kind]}.` }));
}

const BY_KEY: Record<RefKind, (db: Db, key: string) => SelectQueryBuilder<any, any, { id: number }>> = {
  beamline: (db, key) => db.selectFrom('beamlines').select('beamlines.id').where('beamlines.acronym', '=', key),
  project: (db, key) => db.selectFrom('projects').innerJoin('users', 'users.id', 'projects.user_id').select('projects.id').where('users.username', '=', key),
  containerType: (db, key) => db.selectFrom('container_types').select('container_types.id').where('container_types.name', '=', key),
  shipment: (db, key) => db.selectFrom('shipments').select('shipments.id').where('shipments.name', '=', key),
  container: (db, key) => db.selectFrom('containers').select('containers.id').where('containers.name', '=', key),
  group: (db, key) => db.selectFrom('sample_groups').select('sample_groups.id').where('sample_groups.name', '=', key),
  session: (db, key) => db.selectFrom('beamline_sessions').select('beamline_sessions.id').where('beamline_sessions.name', '=', key),
  sample: (db, key) => db.selectFrom('samples').select('samples.id').where('samples.name', '=', key),
  dataset: (db, key) => db.selectFrom('datasets').select('datasets.id').where('datasets.name', '=', key),
};

/** The ids a filter value stands for, as the right-hand side of `column in (…)`. */
export function refIds(db: Db, kind: RefKind, value: number | string): number[] | SelectQueryBuilder<any, any, { id: number }> {
  return typeof value === 'number' ? [value] : BY_KEY[kind](db, value);
}
