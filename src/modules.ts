// The domains Lightpath is made of. Each may define job types, REST routes, compatibility routes
// and `lightpath load` sections; this list is the one place they are plugged in.
import type { JobRegistry } from './platform/jobs/registry.ts';
import type { OpenOptions } from './platform/context.ts';

export const defineDomainJobs: NonNullable<OpenOptions['defineJobs']> = (_registry: JobRegistry) => {
  // Domain job types are added here as the domains arrive.
};

import type { LoadSection } from './loader/section.ts';
import { usersSection } from './loader/users-section.ts';
import { beamlinesSection } from './lims/load-beamlines.ts';
import { projectsSection } from './lims/load-projects.ts';

/** Sections of a `lightpath load` file, in the order they are applied (users before what they own). */
export const loadSections: LoadSection[] = [usersSection, beamlinesSection, projectsSection];
