// What the target pages need from the REST API beyond the basics: the list sorted as asked and
// showing each target's newest frame preview, and "Update status", which asks the facility at once
// for the state of the target's open observations.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { login, makeUser } from '../../helpers/accounts.ts';
import { waitFor } from '../../helpers/wait.ts';
import { saveTemplate } from '../../../src/tom/observations/templates.ts';
import { FakeFacility } from '../observations/fake-facility.ts';
import { demoFrame, demoFrameNames } from './rest-bench.ts';
import { Readable } from 'node:stream';
import { fitsBytes } from '../../support/fits-writer.ts';
import { saveDataProduct } from '../../../src/tom/data-products.ts';

describe('target pages\' REST', () => {
  let server: TestServer;
  let fake: FakeFacility;
  let teacher: Record<string, string>;
  const call = (method: 'GET' | 'POST', url: string, payload?: unknown, headers = teacher) =>
    server.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as never }) });

  before(async () => {
    fake = new FakeFacility();
    server = await startTestServer({ app: { facilities: new Map([['TemplateFake', fake]]) }, env: { LIGHTPATH_OBSERVE_RATE: '1000/minute', LIGHTPATH_TARGET_EXTRA_FIELDS: 'active:boolean,magnitude:number' } });
    await makeUser(server.platform, 'teacher', { staff: true });
    teacher = (await login(server.app, 'teacher')).headers;
    await server.platform.jobs.startWorking();
  });
  after(() => server.close());

  test('the target form is told each scheme\'s elements and the declared extra fields with their types', async () => {
    const form = await call('GET', '/rest/v1/target-form', undefined, {});
    assert.equal(form.statusCode, 200);
    assert.deepEqual(form.json().schemes.MPC_COMET, ['epoch_of_elements', 'arg_of_perihelion', 'eccentricity', 'lng_asc_node', 'inclination', 'epoch_of_perihelion', 'perihdist']);
    assert.ok(form.json().schemes.MPC_MINOR_PLANET.includes('mean_anomaly'));
    assert.deepEqual(form.json().extra_fields, [{ name: 'active', type: 'boolean' }, { name: 'magnitude', type: 'number' }]);
  });

  test('the list sorts by identifier, name or creation, either way, and refuses other orderings', async () => {
    for (const [identifier, name] of [['b-target', 'Alpha'], ['a-target', 'Charlie'], ['c-target', 'Bravo']]) {
      assert.equal((await call('POST', '/rest/v1/targets', { identifier, name, ra: 1, dec: 2, public: true })).statusCode, 201);
    }
    const order = async (ordering: string) => (await call('GET', `/rest/v1/targets?ordering=${ordering}`)).json().results.map((t: { identifier: string }) => t.identifier);
    assert.deepEqual(await order('identifier'), ['a-target', 'b-target', 'c-target']);
    assert.deepEqual(await order('-identifier'), ['c-target', 'b-target', 'a-target']);
    assert.deepEqual(await order('name'), ['b-target', 'c-target', 'a-target']);
    assert.deepEqual(await order('-created_at'), ['c-target', 'a-target', 'b-target']);
    const bad = await call('GET', '/rest/v1/targets?ordering=owner');
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().detail);
  });

  test('each target in the list shows its newest frame\'s thumbnail once made, also to visitors of a public target', async () => {
    const target = (await call('POST', '/rest/v1/targets', { identifier: 'previewed', name: 'Previewed', ra: 1, dec: 2, public: true })).json();
    assert.equal(target.thumbnail_url, null);
    const [older, newer] = demoFrameNames();
    const ids: number[] = [];
    for (const name of [older, newer]) {
      const upload = await server.app.inject({
        method: 'POST', url: `/rest/v1/targets/${target.id}/data-products?file_name=${name}`,
        headers: { ...teacher, 'content-type': 'application/octet-stream' }, payload: demoFrame(name),
      });
      assert.equal(upload.statusCode, 201, upload.body);
      ids.push(upload.json().id);
    }
    const listed = await waitFor('both thumbnails', async () => {
      const products = (await call('GET', `/rest/v1/targets/${target.id}/data-products`)).json().results;
      return products.every((p: { thumbnail_url: string | null }) => p.thumbnail_url) ? products : null;
    });
    assert.equal(listed.length, 2);
    const seen = (await call('GET', '/rest/v1/targets?search=previewed', undefined, {})).json();
    assert.equal(seen.results[0].thumbnail_url, `/rest/v1/data-products/${ids[1]}/thumbnail`, 'the newer frame, seen by a visitor');
    assert.equal((await call('GET', seen.results[0].thumbnail_url, undefined, {})).statusCode, 200);
  });

  test('Update status asks the facility for the target\'s open observations and records their new state', async () => {
    const target = (await call('POST', '/rest/v1/targets', { identifier: 'observed', name: 'Observed', ra: 1, dec: 2 })).json();
    await saveTemplate(server.platform.db, { name: 'tpl', targetId: target.id, facility: 'TemplateFake', fields: { test_input: 'x' } });
    const observe = await call('POST', '/api/observe/', { target: target.id, template_name: 'tpl', facility: 'TemplateFake', email: 'kid@school.test' });
    assert.equal(observe.statusCode, 201, observe.body);
    const record = (await call('GET', `/rest/v1/targets/${target.id}/observations`)).json().results[0];
    fake.states_.set(record.observation_id, { state: 'PENDING', scheduledStart: '2026-12-08T01:00:00Z', scheduledEnd: '2026-12-08T02:00:00Z' });

    const updated = await call('POST', `/rest/v1/targets/${target.id}/observations/update-status`);
    assert.equal(updated.statusCode, 200, updated.body);
    assert.deepEqual(updated.json(), { checked: 1, changed: 1 });
    assert.equal((await call('GET', `/rest/v1/targets/${target.id}/observations`)).json().results[0].status, 'PENDING');

    fake.states_.set(record.observation_id, { state: 'COMPLETED', scheduledStart: '2026-12-08T01:00:00Z', scheduledEnd: '2026-12-08T02:00:00Z' });
    assert.deepEqual((await call('POST', `/rest/v1/targets/${target.id}/observations/update-status`)).json(), { checked: 1, changed: 1 });
    assert.deepEqual((await call('POST', `/rest/v1/targets/${target.id}/observations/update-status`)).json(), { checked: 0, changed: 0 }, 'ended ones are not asked again');

    const hidden = await call('POST', `/rest/v1/targets/${target.id}/observations/update-status`, undefined, (await login(server.app, (await makeUser(server.platform, 'student')).username)).headers);
    assert.equal(hidden.statusCode, 404, 'a private target is not found by others');
    assert.equal((await call('POST', `/rest/v1/targets/${target.id}/observations/update-status`, undefined, {})).statusCode, 401);
  });

  test('photometry says which observation its frame came from, so the plot can draw one series per observation', async () => {
    const target = (await call('POST', '/rest/v1/targets', { identifier: 'curves', name: 'Curves', ra: 1, dec: 2 })).json();
    await saveTemplate(server.platform.db, { name: 'tpl', targetId: target.id, facility: 'TemplateFake', fields: { test_input: 'x' } });
    assert.equal((await call('POST', '/api/observe/', { target: target.id, template_name: 'tpl', facility: 'TemplateFake', email: 'kid@school.test' })).statusCode, 201);
    const record = (await call('GET', `/rest/v1/targets/${target.id}/observations`)).json().results[0];
    const { db, files, jobs } = server.platform;
    const frame = await saveDataProduct(db, files, {
      targetId: target.id, targetIdentifier: target.identifier, facility: 'TemplateFake', fileName: 'frame-e91.fits', dataProductType: 'fits_file',
      observationId: record.id, enqueue: jobs.enqueue.bind(jobs),
    }, Readable.from([fitsBytes({ width: 4, height: 4 })]));
    const measured = await call('POST', `/rest/v1/targets/${target.id}/reduced-datums`, { data_product_id: frame.id, datums: [{ timestamp: '2026-12-01T00:00:00Z', magnitude: 12.1, error: 0.02 }] });
    assert.equal(measured.statusCode, 201, measured.body);
    assert.equal(measured.json().results[0].observation_record_id, record.id);
    const loose = await call('POST', `/rest/v1/targets/${target.id}/reduced-datums`, { datums: [{ timestamp: '2026-12-02T00:00:00Z', magnitude: 12.3, error: 0.02 }] });
    assert.equal(loose.json().results[0].observation_record_id, null);
    const listed = (await call('GET', `/rest/v1/targets/${target.id}/reduced-datums?data_type=photometry`)).json().results;
    assert.deepEqual(listed.map((d: { observation_record_id: number | null }) => d.observation_record_id), [record.id, null]);
  });

  test('a facility that cannot answer is a 502 with the reason, and nothing changes', async () => {
    const target = (await call('POST', '/rest/v1/targets', { identifier: 'unlucky', name: 'Unlucky', ra: 1, dec: 2 })).json();
    await saveTemplate(server.platform.db, { name: 'tpl', targetId: target.id, facility: 'TemplateFake', fields: { test_input: 'x' } });
    assert.equal((await call('POST', '/api/observe/', { target: target.id, template_name: 'tpl', facility: 'TemplateFake', email: 'kid@school.test' })).statusCode, 201);
    const original = fake.states.bind(fake);
    fake.states = async () => { throw new Error('portal is unreachable'); };
    try {
      const response = await call('POST', `/rest/v1/targets/${target.id}/observations/update-status`);
      assert.equal(response.statusCode, 502);
      assert.match(response.json().detail, /TemplateFake did not answer: portal is unreachable/);
    } finally {
      fake.states = original;
    }
  });
});
