// The domains Lightpath is made of. Each may define job types, REST routes, compatibility routes
// and `lightpath load` sections; this file is the one place their jobs and load sections are
// plugged in (routes are registered in app.ts).
import type { JobRegistry } from './platform/jobs/registry.ts';
import type { OpenOptions } from './platform/context.ts';
import type { LoadSection } from './loader/section.ts';
import { usersSection } from './loader/users-section.ts';
import { identityMappingSection } from './platform/auth/external/load-identity-mapping.ts';
import { beamlinesSection } from './lims/load-beamlines.ts';
import { projectsSection } from './lims/load-projects.ts';
import { supportAreasSection } from './lims/survey/load-areas.ts';
import { targetExtraFieldsSection, targetsSection } from './tom/load-targets.ts';
import { observationTemplatesSection } from './tom/observations/load-templates.ts';
import { pipelineJob } from './tom/pipelines/job.ts';
import { configuredPipelines } from './tom/pipelines/registry.ts';
import { createFacilities } from './tom/observations/facilities/index.ts';
import { followJob, outboxJob } from './tom/observations/jobs.ts';
import { thumbnailJob } from './tom/thumbnails/job.ts';

export const defineDomainJobs: NonNullable<OpenOptions['defineJobs']> = (registry: JobRegistry, platform) => {
  const { db, files, config, log, enqueue } = platform;
  registry.define(pipelineJob({ db, files, config, log, enqueue, pipelines: configuredPipelines(config) }));
  const facilities = createFacilities(config);
  registry.define(followJob({ db, files, config, log, enqueue, facilities }));
  registry.define(outboxJob({ db, files, config, log, enqueue, facilities }));
  registry.define(thumbnailJob({ db, files }));
};

/** Sections of a `lightpath load` file, in the order they are applied (what others refer to first). */
export const loadSections: LoadSection[] = [
  usersSection, beamlinesSection, projectsSection, supportAreasSection, targetExtraFieldsSection, targetsSection, observationTemplatesSection,
  identityMappingSection,
];
