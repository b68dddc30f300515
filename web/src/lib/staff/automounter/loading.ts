// Putting containers into an automounter's slots, moving them between slots and taking them out,
// through the containers' load and unload routes. A move is a load into the new slot: the API
// ends the old load and starts the new one in one step.
import { api, call } from '$lib/api/client';
import { loadTarget, type Slot } from './automounter-view';

export function loadInto(containerId: number, slot: Slot, beamline: string) {
  return call(api.POST('/rest/v1/containers/{id}/load', { params: { path: { id: containerId } }, body: loadTarget(slot, beamline) }));
}

export function unload(containerId: number) {
  return call(api.POST('/rest/v1/containers/{id}/unload', { params: { path: { id: containerId } } }));
}

export function unloadProject(beamlineId: number, projectId: number) {
  return call(api.POST('/rest/v1/beamlines/{id}/unload-project', { params: { path: { id: beamlineId } }, body: { project_id: projectId } }));
}
