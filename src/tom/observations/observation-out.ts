// How an observation looks in the REST API: the facility's request with its state, the form
// values it was submitted with, its target, how many alerts wait on it and how many data
// products it brought. One query for a whole page.
import { Type } from '@sinclair/typebox';
import type { Db } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { Nullable } from '../../platform/http/rest-schemas.ts';
import { visibleTargets } from '../targets.ts';

export const ObservationOut = Type.Object({
  id: Type.Integer(),
  target_id: Type.Integer(),
  target_name: Type.String(),
  facility: Type.String(),
  observation_id: Type.String({ description: 'The facility\'s own id (an LCO request id).' }),
  status: Type.String({ description: 'The facility\'s state, "" until first checked.' }),
  scheduled_start: Nullable(Type.String()),
  scheduled_end: Nullable(Type.String()),
  parameters: Type.Record(Type.String(), Type.Unknown(), { description: 'The form values it was submitted with.' }),
  created_at: Type.String(),
  updated_at: Type.String(),
  alerts: Type.Integer({ description: 'Email alerts waiting on its data.' }),
  data_products: Type.Integer({ description: 'Data products fetched from it.' }),
}, { $id: 'Observation' });

/** Observations of targets the principal may see, with everything ObservationOut shows. */
export function observationsQuery(db: Db, principal: Principal) {
  return db.selectFrom('observation_records as r').innerJoin('targets', 'targets.id', 'r.target_id')
    .where(visibleTargets(principal))
    .selectAll('r').select('targets.name as target_name')
    .select((eb) => eb.selectFrom('observation_alerts as a').select((e) => e.fn.countAll<number>().as('n')).whereRef('a.observation_record_id', '=', 'r.id').as('alerts'))
    .select((eb) => eb.selectFrom('data_products as p').select((e) => e.fn.countAll<number>().as('n')).whereRef('p.observation_id', '=', 'r.id').as('data_products'));
}

type ObservationSelected = Awaited<ReturnType<ReturnType<typeof observationsQuery>['executeTakeFirstOrThrow']>>;

export function observationOut(row: ObservationSelected) {
  return {
    id: row.id, target_id: row.target_id, target_name: row.target_name, facility: row.facility, observation_id: row.observation_id,
    status: row.status, scheduled_start: row.scheduled_start, scheduled_end: row.scheduled_end, parameters: JSON.parse(row.parameters) as Record<string, unknown>,
    created_at: row.created_at, updated_at: row.updated_at, alerts: Number(row.alerts ?? 0), data_products: Number(row.data_products ?? 0),
  };
}
