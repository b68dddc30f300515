// The observatory facilities this installation talks to, by the name clients use.
import type { Config } from '../../../config.ts';
import type { Facility } from '../facility.ts';
import { LcoFacility } from './lco/index.ts';

export function createFacilities(config: Config): Map<string, Facility> {
  const lco = new LcoFacility(config.lco);
  return new Map<string, Facility>([[lco.name, lco]]);
}
