// A small beamline world for the LIMS REST tests: a server, a staff member, two project owners
// (alice and bob) and a user without a project (carol), a beamline with an automounter, and an
// `api` that speaks as any of them through the session cookie (with the CSRF token on writes).
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { login, makeUser } from '../../helpers/accounts.ts';
import type { Login } from '../../helpers/accounts.ts';
import { launchSession } from '../../../src/lims/sessions.ts';
import { saveDataset } from '../../../src/lims/datasets.ts';
import { saveReport } from '../../../src/lims/reports.ts';

export type Who = 'staff' | 'alice' | 'bob' | 'carol';
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface World {
  server: TestServer;
  logins: Record<Who, Login>;
  projects: { alice: number; bob: number };
  beamline: { id: number; acronym: string; automounterId: number };
  api(who: Who, method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  /** Like api, but asserts the status and returns the parsed body. */
  ok(who: Who, method: Method, url: string, payload?: unknown, status?: number): Promise<any>;
  csv(who: Who, containerId: number, text: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const server = await startTestServer();
  const { platform, app } = server;
  await makeUser(platform, 'staffer', { staff: true });
  for (const name of ['alice', 'bob', 'carol']) await makeUser(platform, name);
  const logins = {
    staff: await login(app, 'staffer'), alice: await login(app, 'alice'), bob: await login(app, 'bob'), carol: await login(app, 'carol'),
  };
  const api = (who: Who, method: Method, url: string, payload?: unknown) =>
    app.inject({ method, url: `/rest/v1${url}`, headers: logins[who].headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const ok = async (who: Who, method: Method, url: string, payload?: unknown, status?: number) => {
    const response = await api(who, method, url, payload);
    const expected = status ?? (method === 'POST' && !/\/(send|recall|receive|unreceive|return|unreturn|archive|load|unload|activate|deactivate|reset-mxdc-key|unload-project)$/.test(url) ? 201 : method === 'DELETE' ? 204 : 200);
    assert.equal(response.statusCode, expected, `${who} ${method} ${url}: ${response.body}`);
    return response.body ? response.json() : null;
  };
  const projects = {
    alice: (await ok('staff', 'POST', '/projects', { username: 'alice', contact_person: 'Alice A.' })).id,
    bob: (await ok('staff', 'POST', '/projects', { username: 'bob' })).id,
  };
  const line = await ok('staff', 'POST', '/beamlines', { acronym: 'BL-1', name: 'Beamline One' });
  const automounter = await ok('staff', 'POST', '/automounters', { beamline_id: line.id, name: 'BL1-SAM', type: 'SAM Automounter', active: true });
  return {
    server, logins, projects, beamline: { id: line.id, acronym: line.acronym, automounterId: automounter.id },
    api, ok,
    csv: (who, containerId, text) => app.inject({
      method: 'POST', url: `/rest/v1/containers/${containerId}/samples/import`, headers: { ...logins[who].headers, 'content-type': 'text/csv' }, payload: text,
    }),
    close: () => server.close(),
  };
}

/** A draft shipment with an adaptor, a puck seated in it, a group and two samples; returns their ids. */
export async function draftShipment(world: World, who: 'alice' | 'bob', name: string) {
  const shipment = await world.ok(who, 'POST', '/shipments', { name });
  const adaptor = await world.ok(who, 'POST', '/containers', { shipment_id: shipment.id, name: `${name}-AD`, type: 'Adaptor' });
  const puck = await world.ok(who, 'POST', '/containers', { shipment_id: shipment.id, name: `${name}-P1`, type: 'Uni-Puck' });
  await world.ok(who, 'POST', `/containers/${puck.id}/load`, { parent_id: adaptor.id, location: 'A' });
  const group = await world.ok(who, 'POST', '/groups', { shipment_id: shipment.id, name: `${name}-g`, priority: 1 });
  const first = await world.ok(who, 'POST', '/samples', { container_id: puck.id, name: `${name}-s1`, location: '1', group_id: group.id });
  const second = await world.ok(who, 'POST', '/samples', { container_id: puck.id, name: `${name}-s2`, location: '2', group_id: group.id });
  return { shipment: shipment.id as number, adaptor: adaptor.id as number, puck: puck.id as number, group: group.id as number, samples: [first.id as number, second.id as number] };
}

/** What MxDC would have recorded for a project: a session, a dataset of one sample and a report on it. */
export async function beamlineRecords(world: World, who: 'alice' | 'bob', sampleId: number | null, sessionName: string) {
  const db = world.server.platform.db;
  const projectId = world.projects[who];
  const userId = (await db.selectFrom('users').select('id').where('username', '=', who).executeTakeFirstOrThrow()).id;
  const session = await launchSession(db, {
    projectId, userId, beamlineId: world.beamline.id, name: sessionName, proxyKey: 'a'.repeat(40), address: null, beamlineAcronym: world.beamline.acronym,
  });
  const type = await db.selectFrom('data_types').select('id').where('acronym', '=', 'DATA').executeTakeFirstOrThrow();
  const dataset = await saveDataset(db, {
    project_id: projectId, beamline_id: world.beamline.id, session_id: session.id, sample_id: sampleId, group_id: null, data_type_id: type.id,
    name: `${sessionName}-data`, file_name: 'x_{:05d}.cbf', frames: '1-10', num_frames: 10, frames_per_file: 1, exposure_time: 0.5,
    attenuation: 0, energy: 12.658, beam_size: null, proxy_key: 'b'.repeat(40), meta_data: JSON.stringify({ resolution: 1.8 }),
    start_time: '2026-01-01T00:00:00.000Z', end_time: '2026-01-01T00:01:00.000Z',
  }, { id: null, userId, address: null, description: 'test' });
  const report = await saveReport(db, {
    project_id: projectId, name: `${sessionName}-report`, kind: 'MX Native Analysis', score: 0.8, proxy_key: 'c'.repeat(40),
    details: JSON.stringify([{ title: 'Statistics', content: [{ kind: 'table', data: [['Resolution', 1.8]] }] }]),
  }, { id: null, datasetIds: [dataset], userId, address: null, description: 'test' });
  return { session: session.id, dataset, report };
}
