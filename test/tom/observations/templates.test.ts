// Observation templates through the REST API (spec §5, §8 "Observation templates"): staff and the target's owner,
// validated by the facility's form before saving, names unique per target and facility.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { login, makeUser } from '../../helpers/accounts.ts';
import { createTarget } from '../../../src/tom/targets.ts';
import { FakeFacility } from './fake-facility.ts';

describe('observation templates', () => {
  let server: TestServer;
  let targetId: number;
  let staff: Record<string, string>;
  let user: Record<string, string>;

  before(async () => {
    server = await startTestServer({ app: { facilities: new Map([['TemplateFake', new FakeFacility()]]) } });
    targetId = (await createTarget(server.platform.db, { identifier: 'tpl-target', name: 'my target', name2: '', name3: '', kind: 'sidereal', ra: 1, dec: 2, is_public: true, owner_id: null }, {})).id;
    await makeUser(server.platform, 'boss', { staff: true });
    await makeUser(server.platform, 'pupil');
    staff = (await login(server.app, 'boss')).headers;
    user = (await login(server.app, 'pupil')).headers;
  });
  after(() => server.close());

  const create = (headers: Record<string, string>, payload: object) =>
    server.app.inject({ method: 'POST', url: `/rest/v1/targets/${targetId}/observation-templates`, headers, payload });

  test('staff create a template from valid fields; the stored fields are the cleaned form', async () => {
    const response = await create(staff, { name: 'some-name', facility: 'TemplateFake', fields: { extra_field: 'hello', another_extra_field: '17' } });
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json();
    assert.equal(body.name, 'some-name');
    assert.deepEqual(body.fields, { extra_field: 'hello', another_extra_field: 17, target_id: targetId, facility: 'TemplateFake', test_input: 'some-name', observation_type: '' });
    const list = await server.app.inject({ method: 'GET', url: `/rest/v1/targets/${targetId}/observation-templates` });
    assert.equal(list.json().count, 1);
    assert.deepEqual(list.json().results.map((t: { name: string }) => t.name), ['some-name']);
  });

  test('a duplicate name, invalid fields, an unknown facility and non-staff are refused; nothing is saved', async () => {
    const duplicate = await create(staff, { name: 'some-name', facility: 'TemplateFake', fields: {} });
    assert.equal(duplicate.statusCode, 409);
    assert.equal(duplicate.json().detail, 'Template name "some-name" already in use');
    const invalid = await create(staff, { name: 'bad', facility: 'TemplateFake', fields: { another_extra_field: 'x' } });
    assert.equal(invalid.statusCode, 400);
    assert.deepEqual(invalid.json().fields, { another_extra_field: ['Enter a whole number.'] });
    const unknown = await create(staff, { name: 'bad', facility: 'Elsewhere', fields: {} });
    assert.equal(unknown.statusCode, 400);
    const forbidden = await create(user, { name: 'mine', facility: 'TemplateFake', fields: {} });
    assert.equal(forbidden.statusCode, 403);
    const list = await server.app.inject({ method: 'GET', url: `/rest/v1/targets/${targetId}/observation-templates` });
    assert.equal(list.json().count, 1);
  });

  test('staff delete a template; unknown ids are 404', async () => {
    const [template] = (await server.app.inject({ method: 'GET', url: `/rest/v1/targets/${targetId}/observation-templates` })).json().results;
    assert.equal((await server.app.inject({ method: 'DELETE', url: `/rest/v1/observation-templates/${template.id}`, headers: user })).statusCode, 403);
    assert.equal((await server.app.inject({ method: 'DELETE', url: `/rest/v1/observation-templates/${template.id}`, headers: staff })).statusCode, 200);
    assert.equal((await server.app.inject({ method: 'DELETE', url: `/rest/v1/observation-templates/${template.id}`, headers: staff })).statusCode, 404);
  });
});
