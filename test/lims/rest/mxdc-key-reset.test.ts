// Staff reset a project's MxDC key through the REST API: MxDC's signed requests are then refused
// with 400 (so MxDC knows to register again), and a fresh registration works.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_FACILITY, startFacility } from '../facility.ts';
import type { Facility } from '../facility.ts';
import { login, makeUser } from '../../helpers/accounts.ts';
import { MxdcClient } from '../../support/mxdc/client.ts';

describe('resetting the MxDC key', () => {
  let facility: Facility;
  let projectId: number;
  let staffHeaders: Record<string, string>;
  before(async () => {
    facility = await startFacility();
    await facility.load(DEMO_FACILITY);
    await makeUser(facility.server.platform, 'operator', { staff: true });
    staffHeaders = (await login(facility.server.app, 'operator')).headers;
    const projects = await facility.server.app.inject({ method: 'GET', url: '/rest/v1/projects?username=demo', headers: staffHeaders });
    projectId = projects.json().results[0].id;
  });
  after(() => facility.close());

  const project = async () => (await facility.server.app.inject({ method: 'GET', url: `/rest/v1/projects/${projectId}`, headers: staffHeaders })).json();

  test('a registered key works; after the reset the signed route answers 400; a new key registers', async () => {
    const mxdc = facility.client('demo');
    assert.equal((await mxdc.register()).status, 200);
    assert.equal((await mxdc.samples('SIM-1')).status, 200);
    assert.equal((await project()).has_mxdc_key, true);

    const reset = await facility.server.app.inject({ method: 'POST', url: `/rest/v1/projects/${projectId}/reset-mxdc-key`, headers: staffHeaders });
    assert.equal(reset.statusCode, 200, reset.body);
    assert.equal(reset.json().has_mxdc_key, false);

    const refused = await mxdc.samples('SIM-1');
    assert.equal(refused.status, 400);
    assert.match(refused.body.detail, /No key is registered/);

    const newMachine = new MxdcClient(facility.baseUrl, 'demo');
    assert.equal((await newMachine.register()).status, 200);
    assert.equal((await newMachine.samples('SIM-1')).status, 200);
    assert.equal((await mxdc.samples('SIM-1')).status, 403, 'the old key no longer signs');
    const log = await facility.server.app.inject({ method: 'GET', url: `/rest/v1/activity?project=${projectId}`, headers: staffHeaders });
    assert.ok(log.json().results.some((e: { description: string }) => e.description === 'MxDC key reset'));
  });

  test('a disabled account cannot sign for MxDC, even after its user is set active again', async () => {
    await facility.server.app.inject({ method: 'POST', url: `/rest/v1/projects/${projectId}/reset-mxdc-key`, headers: staffHeaders });
    const mxdc = new MxdcClient(facility.baseUrl, 'demo');
    assert.equal((await mxdc.register()).status, 200);
    assert.equal((await mxdc.samples('SIM-1')).status, 200);
    const db = facility.server.platform.db;
    const demoUser = (await facility.server.platform.users.findByUsername('demo'))!;
    // Staff's local disable (the account-routes endpoint takes directory accounts; demo is local, so set it directly).
    await db.updateTable('users').set({ disabled_at: new Date().toISOString() }).where('id', '=', demoUser.id).execute();
    const patched = await facility.server.app.inject({ method: 'PATCH', url: `/rest/v1/users/${demoUser.id}`, headers: staffHeaders, payload: { is_active: true } });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal((await mxdc.samples('SIM-1')).status, 404, 'refused as an unknown user');
    await db.updateTable('users').set({ disabled_at: null }).where('id', '=', demoUser.id).execute();
    assert.equal((await mxdc.samples('SIM-1')).status, 200);
  });

  test('the owner cannot reset it; an unknown project is 404', async () => {
    const demo = await login(facility.server.app, 'demo', 'demo');
    const response = await facility.server.app.inject({ method: 'POST', url: `/rest/v1/projects/${projectId}/reset-mxdc-key`, headers: demo.headers });
    assert.equal(response.statusCode, 403);
    const unknown = await facility.server.app.inject({ method: 'POST', url: '/rest/v1/projects/9999/reset-mxdc-key', headers: staffHeaders });
    assert.equal(unknown.statusCode, 404);
  });

  test('the demo facility\'s loaded records are readable through the REST API', async () => {
    const demo = await login(facility.server.app, 'demo', 'demo');
    const samples = await facility.server.app.inject({ method: 'GET', url: '/rest/v1/samples?name=lyso-', headers: demo.headers });
    assert.equal(samples.json().count, 8);
    const automounters = await facility.server.app.inject({ method: 'GET', url: '/rest/v1/automounters', headers: staffHeaders });
    const sam = automounters.json().results.find((a: { name: string }) => a.name === 'SIM-1-SAM');
    const detail = await facility.server.app.inject({ method: 'GET', url: `/rest/v1/automounters/${sam.id}`, headers: staffHeaders });
    assert.deepEqual(detail.json().loaded.map((c: { name: string; port: string }) => `${c.name}@${c.port}`), ['DEMO-ADAPTOR@L', 'DEMO-001@LA']);
  });
});
