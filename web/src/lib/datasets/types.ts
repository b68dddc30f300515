// The beamline records the session and dataset pages show, as the REST API describes them.
import type { components } from '$lib/api/schema';

export type BeamlineSession = components['schemas']['BeamlineSession'];
export type Dataset = components['schemas']['Dataset'];
export type Report = components['schemas']['Report'];
