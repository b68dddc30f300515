// The fake portal and archive themselves: loopback only, the archive's Bearer check, pre-signed
// downloads, and a control API that refuses what it cannot do.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeLco } from '../../../src/tom/observations/fake-lco/server.ts';
import { fakePortal } from './helpers.ts';

describe('fake LCO', () => {
  let fake: FakeLco;
  before(async () => {
    fake = await fakePortal({ archiveToken: 'tok' });
  });
  after(() => fake.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${fake.portalUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  test('listens on loopback', () => {
    assert.match(fake.portalUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(fake.archiveUrl, `${fake.portalUrl}/archive`);
  });

  test('the archive wants its Bearer token; downloads refuse any Authorization header', async () => {
    assert.equal((await fetch(`${fake.archiveUrl}/frames/?REQNUM=1`)).status, 401);
    assert.equal((await fetch(`${fake.archiveUrl}/frames/?REQNUM=1`, { headers: { authorization: 'Bearer nope' } })).status, 401);
    const ok = await fetch(`${fake.archiveUrl}/frames/?REQNUM=1`, { headers: { authorization: 'Bearer tok' } });
    assert.deepEqual(await ok.json(), { count: 0, next: null, previous: null, results: [] });
    const submitted = await post('/api/requestgroups/', {
      name: 'n', proposal: 'myprop', requests: [{ configurations: [{ instrument_type: 'myinstr' }], windows: [{ start: '2019-01-01', end: '2019-01-02' }] }],
    });
    assert.equal(submitted.status, 201);
    const requestId = ((await submitted.json()) as { requests: { id: number }[] }).requests[0].id;
    const [frame] = (await (await post(`/_fake/requests/${requestId}/frames`, { frames: [{ filename: 'f-e91.fits.fz' }] })).json()) as { id: number }[];
    const url = `${fake.archiveUrl}/download/${frame.id}/f-e91.fits.fz`;
    assert.equal((await fetch(url, { headers: { authorization: 'Bearer tok' } })).status, 400);
    assert.equal(await (await fetch(url)).text(), 'fake frame f-e91.fits.fz\n');
  });

  test('submit refuses an invalid group with the errors at the top level, as the portal does', async () => {
    const response = await post('/api/requestgroups/', { name: '', proposal: 'nope', requests: [] });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      name: ['This field is required.'],
      proposal: ['Invalid pk "nope" - object does not exist.'],
      requests: ['You must specify at least 1 request'],
    });
  });

  test('the control API refuses unknown endpoints, bad statuses and unknown requests', async () => {
    assert.equal((await post('/_fake/fail', { endpoint: 'nothing', status: 500 })).status, 400);
    assert.equal((await post('/_fake/fail', { endpoint: 'submit', status: 200 })).status, 400);
    assert.equal((await post('/_fake/requests/1/state', { state: 'COMPLETED' })).status, 404);
    assert.equal((await post('/_fake/settings', { pageSize: 0 })).status, 400);
  });

  test('a failure planned for several calls answers that many, then stops', async () => {
    assert.equal((await post('/_fake/fail', { endpoint: 'instruments', status: 502, times: 2, body: 'upstream down' })).status, 204);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${fake.portalUrl}/api/instruments/`)).status);
    assert.deepEqual(statuses, [502, 502, 200]);
  });
});
