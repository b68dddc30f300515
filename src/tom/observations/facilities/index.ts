// The observatory facilities this installation talks to, by the name clients use.
import type { Config } from '../../../config.ts';
import type { Facility } from '../facility.ts';

export function createFacilities(_config: Config): Map<string, Facility> {
  return new Map();
}
