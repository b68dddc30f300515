// Observations through Lightpath's own REST API (issue 10, the web app's observation pages):
// submitting from a template answers problems as {"detail", "fields"} with the observe endpoint's
// own messages and records nothing; a success records the observation and its alert; lists and
// the detail follow the target's visibility; templates are kept by staff and the target's owner.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { login, makeUser } from '../../helpers/accounts.ts';
import { createTarget } from '../../../src/tom/targets.ts';
import { saveTemplate } from '../../../src/tom/observations/templates.ts';
import { FakeFacility } from './fake-facility.ts';

describe('observations through the REST API', () => {
  let server: TestServer;
  let facility: FakeFacility;
  let teacher: Record<string, string>;
  let pupil: Record<string, string>;
  let staff: Record<string, string>;
  let targetId: number;
  let privateId: number;
  let templateId: number;
  const call = (headers: Record<string, string>, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const records = async () => (await server.platform.db.selectFrom('observation_records').select('id').execute()).length;

  before(async () => {
    facility = new FakeFacility();
    server = await startTestServer({ app: { facilities: new Map([['TemplateFake', facility]]) } });
    const owner = await makeUser(server.platform, 'teacher');
    await makeUser(server.platform, 'pupil');
    await makeUser(server.platform, 'boss', { staff: true });
    teacher = (await login(server.app, 'teacher')).headers;
    pupil = (await login(server.app, 'pupil')).headers;
    staff = (await login(server.app, 'boss')).headers;
    const fields = { name: '', name2: '', name3: '', kind: 'sidereal' as const, ra: 1, dec: 2, owner_id: owner.id };
    targetId = (await createTarget(server.platform.db, { ...fields, identifier: 'open', name: 'Open target', is_public: true }, {})).id;
    privateId = (await createTarget(server.platform.db, { ...fields, identifier: 'closed', name: 'Closed target', is_public: false }, {})).id;
    templateId = (await saveTemplate(server.platform.db, { name: 'tpl', targetId, facility: 'TemplateFake', fields: { test_input: 'x', extra_field: 'ok' } })).id;
  });
  after(() => server.close());

  test('bad overrides and addresses come back next to their fields, with the observe endpoint\'s messages; nothing is recorded', async () => {
    const url = `/rest/v1/targets/${targetId}/observations`;
    const bad = await call(pupil, 'POST', url, { template_id: templateId, overrides: { another_extra_field: 'x' }, email: 'kid@school.test' });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.match(bad.json().detail, /TemplateFake did not accept the observation/);
    assert.deepEqual(bad.json().fields, { another_extra_field: ['Enter a whole number.'] });
    const whole = await call(pupil, 'POST', url, { template_id: templateId, overrides: { extra_field: 'bad-combination' }, email: 'kid@school.test' });
    assert.deepEqual(whole.json().fields, { __all__: ['That combination is not allowed'] });
    const input = await call(pupil, 'POST', url, { template_id: templateId, overrides: { start: { nested: 1 } }, email: 'not an address' });
    assert.equal(input.statusCode, 400);
    assert.deepEqual(input.json().fields, { start: ['Not a valid string, number, boolean or null.'], email: ['Enter a valid email address.'] });
    const otherTemplate = await call(pupil, 'POST', `/rest/v1/targets/${privateId}/observations`, { template_id: templateId, email: 'kid@school.test' });
    assert.equal(otherTemplate.statusCode, 404, 'a private target is not there for others');
    assert.equal((await call({}, 'POST', url, { template_id: templateId, email: 'kid@school.test' })).statusCode, 401);
    assert.equal(await records(), 0);
    assert.equal(facility.submitted.length, 0);
  });

  test('a good request records the observation with its alert, listed and shown with the target\'s visibility', async () => {
    const response = await call(pupil, 'POST', `/rest/v1/targets/${targetId}/observations`, { template_id: templateId, overrides: { another_extra_field: '7' }, email: 'kid@school.test' });
    assert.equal(response.statusCode, 201, response.body);
    const [made] = response.json();
    assert.equal(made.target_id, targetId);
    assert.equal(made.target_name, 'Open target');
    assert.equal(made.facility, 'TemplateFake');
    assert.match(made.observation_id, /^fakeid-/);
    assert.equal(made.status, '');
    assert.equal(made.alerts, 1);
    assert.equal(made.parameters.another_extra_field, 7);
    assert.match(String(made.parameters.test_input), /^tpl-\d{4}-\d\d-\d\d-\d{6}$/);

    const listed = (await call({}, 'GET', `/rest/v1/observations?target_id=${targetId}`)).json();
    assert.equal(listed.count, 1);
    assert.equal(listed.results[0].id, made.id);
    assert.equal((await call({}, 'GET', `/rest/v1/observations?search=open`)).json().count, 1);
    assert.equal((await call({}, 'GET', `/rest/v1/observations?search=nothing-like-it`)).json().count, 0);
    assert.deepEqual((await call({}, 'GET', `/rest/v1/observations/${made.id}`)).json(), made);
    assert.equal((await call({}, 'GET', `/rest/v1/targets/${targetId}/observations`)).json().results[0].id, made.id);

    const hiddenTemplate = await saveTemplate(server.platform.db, { name: 'secret', targetId: privateId, facility: 'TemplateFake', fields: { test_input: 'x' } });
    const hidden = (await call(teacher, 'POST', `/rest/v1/targets/${privateId}/observations`, { template_id: hiddenTemplate.id, email: 'me@school.test' })).json()[0];
    assert.equal((await call(pupil, 'GET', `/rest/v1/observations/${hidden.id}`)).statusCode, 404);
    assert.equal((await call(pupil, 'GET', '/rest/v1/observations')).json().count, 1, 'only the public target\'s');
    assert.equal((await call(staff, 'GET', '/rest/v1/observations')).json().count, 2);
  });

  test('templates: the target\'s owner and staff create, change and delete them; others may only read', async () => {
    const create = await call(teacher, 'POST', `/rest/v1/targets/${targetId}/observation-templates`, { name: 'owned', facility: 'TemplateFake', fields: { extra_field: 'a' } });
    assert.equal(create.statusCode, 201, create.body);
    const id = create.json().id;
    assert.equal((await call(pupil, 'POST', `/rest/v1/targets/${targetId}/observation-templates`, { name: 'mine', facility: 'TemplateFake', fields: {} })).statusCode, 403);
    const changed = await call(teacher, 'PUT', `/rest/v1/observation-templates/${id}`, { name: 'renamed', facility: 'TemplateFake', fields: { extra_field: 'b', another_extra_field: '3' } });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().name, 'renamed');
    assert.equal(changed.json().fields.another_extra_field, 3);
    const invalid = await call(teacher, 'PUT', `/rest/v1/observation-templates/${id}`, { name: 'renamed', facility: 'TemplateFake', fields: { another_extra_field: 'x' } });
    assert.deepEqual(invalid.json().fields, { another_extra_field: ['Enter a whole number.'] });
    const clash = await call(staff, 'PUT', `/rest/v1/observation-templates/${id}`, { name: 'tpl', facility: 'TemplateFake', fields: {} });
    assert.equal(clash.statusCode, 409);
    assert.equal((await call(pupil, 'PUT', `/rest/v1/observation-templates/${id}`, { name: 'x', facility: 'TemplateFake', fields: {} })).statusCode, 403);
    const read = (await call(pupil, 'GET', `/rest/v1/observation-templates/${id}`)).json();
    assert.deepEqual(read.fields, { extra_field: 'b', another_extra_field: 3, test_input: 'renamed', target_id: targetId, facility: 'TemplateFake', observation_type: '' });
    assert.deepEqual((await call(pupil, 'GET', `/rest/v1/observation-templates?target_id=${targetId}`)).json().results.map((t: { name: string }) => t.name), ['renamed', 'tpl']);
    assert.equal((await call(pupil, 'GET', '/rest/v1/observation-templates')).json().count, 2, 'not the private target\'s');
    assert.equal((await call(pupil, 'DELETE', `/rest/v1/observation-templates/${id}`)).statusCode, 403);
    assert.equal((await call(teacher, 'DELETE', `/rest/v1/observation-templates/${id}`)).statusCode, 200);
    assert.equal((await call(teacher, 'GET', `/rest/v1/observation-templates/${id}`)).statusCode, 404);
  });

  test('a facility\'s form choices; an unknown facility is 404', async () => {
    const form = await call(pupil, 'GET', '/rest/v1/facilities/TemplateFake/form');
    assert.equal(form.statusCode, 200, form.body);
    assert.deepEqual(form.json(), { facility: 'TemplateFake', identifier_field: 'test_input', date_fields: [], proposals: [], instruments: [], filters: [], schedulable: {} });
    assert.equal((await call(pupil, 'GET', '/rest/v1/facilities/Elsewhere/form')).statusCode, 404);
  });
});
