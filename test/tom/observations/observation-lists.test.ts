// Issue 8 item 8: a target's observations and observation templates answer as every list does,
// {"count", "results"}, paged by limit and offset, with unknown parameters refused.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { createTarget } from '../../../src/tom/targets.ts';
import { saveTemplate } from '../../../src/tom/observations/templates.ts';
import { FakeFacility } from './fake-facility.ts';

describe('observation lists are pages', () => {
  let server: TestServer;
  let targetId: number;
  const get = (url: string) => server.app.inject({ method: 'GET', url });

  before(async () => {
    server = await startTestServer({ app: { facilities: new Map([['TemplateFake', new FakeFacility()]]) }, env: { LIGHTPATH_OBSERVE_RATE: '1000/minute' } });
    targetId = (await createTarget(server.platform.db, { identifier: 'paged', name: 'paged', name2: '', name3: '', kind: 'sidereal', ra: 1, dec: 2, is_public: true, owner_id: null }, {})).id;
    for (const name of ['tpl-a', 'tpl-b', 'tpl-c']) await saveTemplate(server.platform.db, { name, targetId, facility: 'TemplateFake', fields: { test_input: 'x' } });
    for (let i = 0; i < 3; i++) {
      const response = await server.app.inject({ method: 'POST', url: '/api/observe/', payload: { target: targetId, template_name: 'tpl-a', facility: 'TemplateFake', email: `n${i}@school.test` } });
      assert.equal(response.statusCode, 201, response.body);
    }
  });
  after(() => server.close());

  test('observations: count and results, newest first, paged', async () => {
    const all = await get(`/rest/v1/targets/${targetId}/observations`);
    assert.equal(all.statusCode, 200, all.body);
    assert.deepEqual(Object.keys(all.json()), ['count', 'results']);
    assert.equal(all.json().count, 3);
    const ids = all.json().results.map((o: { id: number }) => o.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
    const page = (await get(`/rest/v1/targets/${targetId}/observations?limit=1&offset=1`)).json();
    assert.equal(page.count, 3);
    assert.deepEqual(page.results.map((o: { id: number }) => o.id), [ids[1]]);
    assert.equal(page.results[0].alerts, 1);
    assert.equal((await get(`/rest/v1/targets/${targetId}/observations?limit=0`)).statusCode, 400);
    assert.equal((await get(`/rest/v1/targets/${targetId}/observations?status=x`)).statusCode, 400, 'unknown parameters are refused');
    assert.equal((await get('/rest/v1/targets/999999/observations')).statusCode, 404);
  });

  test('observation templates: count and results, by name, paged', async () => {
    const all = (await get(`/rest/v1/targets/${targetId}/observation-templates`)).json();
    assert.equal(all.count, 3);
    assert.deepEqual(all.results.map((t: { name: string }) => t.name), ['tpl-a', 'tpl-b', 'tpl-c']);
    const page = (await get(`/rest/v1/targets/${targetId}/observation-templates?limit=2&offset=2`)).json();
    assert.deepEqual({ count: page.count, names: page.results.map((t: { name: string }) => t.name) }, { count: 3, names: ['tpl-c'] });
  });
});
