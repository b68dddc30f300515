// A project at a glance, for its dashboard: how many shipments are in each state, and where each
// of its containers on site sits — in an automounter (directly, or in an adaptor there: the port
// is both slots, as staff call it), in another container, or on a shelf. A container of another
// project that holds it is left unnamed.
import type { Db } from '../platform/db/database.ts';
import type { TransitState } from './tables.ts';

const STATES: TransitState[] = ['draft', 'sent', 'on_site', 'returned', 'archived'];

export interface ContainerWhereabouts {
  id: number;
  name: string;
  shipment_id: number | null;
  container_type: string;
  beamline: string | null;
  automounter: string | null;
  port: string | null;
  parent_id: number | null;
  parent: string | null;
  location: string | null;
}

export async function shipmentCounts(db: Db, projectId: number): Promise<Record<TransitState, number>> {
  const rows = await db.selectFrom('shipments').select(['state', (eb) => eb.fn.countAll().as('count')])
    .where('project_id', '=', projectId).groupBy('state').execute();
  const counts = Object.fromEntries(STATES.map((state) => [state, 0])) as Record<TransitState, number>;
  for (const row of rows) counts[row.state] = Number(row.count);
  return counts;
}

export async function containersOnSite(db: Db, projectId: number): Promise<ContainerWhereabouts[]> {
  const rows = await db.selectFrom('containers as c')
    .innerJoin('container_types as ct', 'ct.id', 'c.container_type_id')
    .leftJoin('container_locations as slot', 'slot.id', 'c.location_id')
    .leftJoin('containers as p', 'p.id', 'c.parent_id')
    .leftJoin('container_locations as pslot', 'pslot.id', 'p.location_id')
    // The automounter holding it directly, or holding the adaptor it sits in.
    .leftJoin('automounters as direct', 'direct.container_id', 'c.parent_id')
    .leftJoin('automounters as outer', 'outer.container_id', 'p.parent_id')
    .leftJoin('beamlines as b', (join) => join.on((eb) => eb('b.id', '=', eb.fn.coalesce('direct.beamline_id', 'outer.beamline_id'))))
    .leftJoin('containers as am', (join) => join.on((eb) => eb('am.id', '=', eb.fn.coalesce('direct.container_id', 'outer.container_id'))))
    .select([
      'c.id', 'c.name', 'c.shipment_id', 'ct.name as container_type', 'c.parent_id', 'p.name as parent', 'slot.name as location',
      'pslot.name as parent_location', 'p.project_id as parent_project_id', 'direct.id as direct_id', 'b.acronym as beamline', 'am.name as automounter',
    ])
    .where('c.project_id', '=', projectId).where('c.state', '=', 'on_site').orderBy('c.name').orderBy('c.id').execute();
  return rows.map(({ parent_location, parent_project_id, direct_id, ...row }) => {
    const port = row.automounter === null ? null : direct_id !== null ? row.location : `${parent_location ?? ''}${row.location ?? ''}`;
    // Staff may seat it in another project's container: that one is not the owner's to see.
    const foreign = parent_project_id !== null && parent_project_id !== projectId;
    return foreign ? { ...row, port, parent_id: null, parent: null, location: null } : { ...row, port };
  });
}
