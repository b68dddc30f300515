// The look-ups every MxDC call makes before its own work: the signing project by username (with
// its key and whether it may sign in), the beamline by acronym, and the beamline's active
// automounter. Kept in memory (see lookup-cache.ts) and dropped whenever a table they come from
// is written, so a key reset, a disabled account or a new automounter holds from the next call.
import type { Db } from '../../platform/db/database.ts';
import { activeAutomounterContainer, beamlineByAcronym } from '../beamlines.ts';
import type { Beamline } from '../beamlines.ts';
import type { Project, ProjectRepository } from '../projects.ts';
import { LookupCache } from './lookup-cache.ts';

export interface MxdcLookups {
  project(username: string): Promise<Project | null>;
  beamline(acronym: string): Promise<Beamline | null>;
  /** The root container of the beamline's active automounter, or null when none is active. */
  automounterContainer(beamlineId: number): Promise<number | null>;
}

export function cachedMxdcLookups(db: Db, projects: ProjectRepository): MxdcLookups {
  const project = new LookupCache(['users', 'projects'], (username) => projects.byUsername(username));
  const beamline = new LookupCache(['beamlines'], (acronym) => beamlineByAcronym(db, acronym));
  // Containers too: removing an automounter deletes its container, and the row goes by cascade.
  const automounter = new LookupCache(['automounters', 'beamlines', 'containers'], (id) => activeAutomounterContainer(db, Number(id)));
  return {
    project: (username) => project.get(username),
    beamline: (acronym) => beamline.get(acronym),
    automounterContainer: (beamlineId) => automounter.get(String(beamlineId)),
  };
}
