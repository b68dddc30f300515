// Targets through the REST API: create, read, change and delete; sidereal and non-sidereal
// validation per scheme; typed extra fields; duplicate identifiers; who sees and changes what.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBench, storedKeys } from './rest-bench.ts';
import type { Bench } from './rest-bench.ts';

describe('REST targets', () => {
  let b: Bench;
  before(async () => {
    b = await startBench();
  });
  after(() => b.close());

  test('a user creates a sidereal target and owns it; typed extra fields come back typed', async () => {
    const response = await b.call(b.alice, 'POST', '/rest/v1/targets', {
      identifier: 'm13', name: 'Messier 13', name2: 'NGC 6205', ra: 250.4235, dec: 36.4613, epoch: 2000, pm_ra: -3.2, pm_dec: -2.6, parallax: 0.1,
      extra_fields: { mykey: 'hello', count: 3, active: true, seen: '2019-08-01T03:04:05Z' },
    });
    assert.equal(response.statusCode, 201, response.body);
    const target = response.json();
    assert.equal(target.identifier, 'm13');
    assert.equal(target.kind, 'sidereal');
    assert.equal(target.owner, 'alice');
    assert.equal(target.public, false);
    assert.equal(target.name3, '');
    assert.equal(target.scheme, null);
    assert.deepEqual(target.extra_fields, { mykey: 'hello', count: 3, active: true, seen: '2019-08-01T03:04:05.000Z' });
    const read = await b.call(b.alice, 'GET', `/rest/v1/targets/${target.id}`);
    assert.equal(read.statusCode, 200);
    assert.deepEqual(read.json(), target);
    // The tom_education target API sees the same target and extras.
    const compat = (await b.call(b.alice, 'GET', `/api/target/${target.id}/`)).json();
    assert.deepEqual(compat.target, { identifier: 'm13', name: 'Messier 13', name2: 'NGC 6205', name3: '', extra_fields: target.extra_fields });
  });

  test('non-sidereal targets need a scheme and exactly the elements that scheme uses', async () => {
    const comet = {
      identifier: 'c2020f3', name: 'NEOWISE', kind: 'non_sidereal', scheme: 'MPC_COMET',
      epoch_of_elements: 59000.5, arg_of_perihelion: 37.3, eccentricity: 0.999, lng_asc_node: 61.0, inclination: 128.9, epoch_of_perihelion: 59034.7, perihdist: 0.295,
    };
    const created = await b.call(b.alice, 'POST', '/rest/v1/targets', comet);
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().kind, 'non_sidereal');
    assert.equal(created.json().ra, null);
    assert.equal(created.json().perihdist, 0.295);

    // A minor planet needs mean anomaly, mean daily motion and semimajor axis, which a comet does not.
    const planet = await b.call(b.alice, 'POST', '/rest/v1/targets', { ...comet, identifier: 'mp1', scheme: 'MPC_MINOR_PLANET' });
    assert.equal(planet.statusCode, 400);
    assert.deepEqual(Object.keys(planet.json().fields).sort(), ['mean_anomaly', 'mean_daily_motion', 'semimajor_axis']);
    assert.match(planet.json().detail, /mean_anomaly is required for the MPC_MINOR_PLANET scheme/);

    const jpl = await b.call(b.alice, 'POST', '/rest/v1/targets', {
      identifier: 'mars', name: 'Mars', scheme: 'JPL_MAJOR_PLANET', epoch_of_elements: 59000, mean_anomaly: 1, arg_of_perihelion: 2, eccentricity: 0.09,
      lng_asc_node: 49.5, inclination: 1.85, mean_daily_motion: 0.524, semimajor_axis: 1.52,
    });
    assert.equal(jpl.statusCode, 201, jpl.body);
    assert.equal(jpl.json().kind, 'non_sidereal', 'a scheme without a kind means non-sidereal');

    const noScheme = await b.call(b.alice, 'POST', '/rest/v1/targets', { identifier: 'ns', name: 'x', kind: 'non_sidereal' });
    assert.equal(noScheme.statusCode, 400);
    assert.deepEqual(noScheme.json().fields.scheme, ['is required for a non-sidereal target']);

    const mixed = await b.call(b.alice, 'POST', '/rest/v1/targets', { ...comet, identifier: 'mixed', ra: 10 });
    assert.equal(mixed.statusCode, 400);
    assert.deepEqual(mixed.json().fields.ra, ['is only for sidereal targets']);
    assert.equal((await b.call(b.alice, 'GET', '/rest/v1/targets?identifier=mixed')).json().count, 0, 'nothing saved');
  });

  test('sidereal targets need RA and Dec within range; bad types are 400 with fields', async () => {
    const missing = await b.call(b.alice, 'POST', '/rest/v1/targets', { identifier: 'nopos', name: 'No position' });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(missing.json().fields, { ra: ['is required for a sidereal target'], dec: ['is required for a sidereal target'] });

    const outOfRange = await b.call(b.alice, 'POST', '/rest/v1/targets', { identifier: 'far', name: 'Far', ra: 361, dec: -91 });
    assert.equal(outOfRange.statusCode, 400);
    assert.deepEqual(Object.keys(outOfRange.json().fields).sort(), ['dec', 'ra']);

    const wrongType = await b.call(b.alice, 'POST', '/rest/v1/targets', { identifier: 'typed', name: 'Typed', ra: '250', dec: 36 });
    assert.equal(wrongType.statusCode, 400);
    assert.ok(wrongType.json().fields.ra);

    const badIdentifier = await b.call(b.alice, 'POST', '/rest/v1/targets', { identifier: '../etc', name: 'Bad', ra: 1, dec: 1 });
    assert.equal(badIdentifier.statusCode, 400);
    assert.ok(badIdentifier.json().fields.identifier);

    const scheme = await b.call(b.alice, 'POST', '/rest/v1/targets', { identifier: 'sch', name: 'x', ra: 1, dec: 1, scheme: 'HALLEY' });
    assert.equal(scheme.statusCode, 400);
    assert.ok(scheme.json().fields.scheme);
  });

  test('extra fields must be declared and of their declared type', async () => {
    const bad = await b.call(b.alice, 'POST', '/rest/v1/targets', {
      identifier: 'extras', name: 'Extras', ra: 1, dec: 1,
      extra_fields: { count: 'three', active: 'yes', seen: 'last tuesday', mykey: 5, colour: 'red' },
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().fields, {
      'extra_fields.count': ['must be a number'],
      'extra_fields.active': ['must be a boolean'],
      'extra_fields.seen': ['must be an ISO 8601 date, or date and time with a zone (e.g. 2019-08-01T03:04:05Z)'],
      'extra_fields.mykey': ['must be a string'],
      'extra_fields.colour': ['is not a declared extra field (declared: mykey, count, active, seen)'],
    });
    const noZone = await b.call(b.alice, 'POST', '/rest/v1/targets', { identifier: 'extras', name: 'Extras', ra: 1, dec: 1, extra_fields: { seen: '2019-08-01T03:04:05' } });
    assert.equal(noZone.statusCode, 400, 'a time without a zone is ambiguous');
    assert.equal((await b.call(b.alice, 'GET', '/rest/v1/targets?identifier=extras')).json().count, 0);
  });

  test('a duplicate identifier is 409', async () => {
    await b.target(b.alice, { identifier: 'dup1' });
    const again = await b.call(b.bob, 'POST', '/rest/v1/targets', { identifier: 'dup1', name: 'Again', ra: 1, dec: 1 });
    assert.equal(again.statusCode, 409);
    assert.match(again.json().detail, /"dup1" already exists/);
  });

  test('owner and staff change a target; others get 403 (visible) or 404 (private); kind changes clear the other kind', async () => {
    const target = await b.target(b.alice, { identifier: 'chg', public: false, extra_fields: { mykey: 'a', count: 1 } });
    const url = `/rest/v1/targets/${target.id}`;
    assert.equal((await b.call(b.bob, 'PATCH', url, { name: 'Bob was here' })).statusCode, 404, 'private: not even there for bob');
    assert.equal((await b.call(b.anonymous, 'PATCH', url, { name: 'x' })).statusCode, 401);

    const changed = await b.call(b.alice, 'PATCH', url, { name: 'Changed', public: true, extra_fields: { count: 2, mykey: null } });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().name, 'Changed');
    assert.equal(changed.json().public, true);
    assert.equal(changed.json().ra, 250.4235, 'fields not sent keep their values');
    assert.deepEqual(changed.json().extra_fields, { count: 2 }, 'null removes an extra value');

    const forbidden = await b.call(b.bob, 'PATCH', url, { name: 'Bob was here' });
    assert.equal(forbidden.statusCode, 403, 'public now: bob sees it but may not change it');
    assert.equal((await b.call(b.sam, 'PATCH', url, { name2: 'by staff' })).json().name2, 'by staff');

    const badDec = await b.call(b.alice, 'PATCH', url, { dec: null });
    assert.equal(badDec.statusCode, 400);
    assert.deepEqual(badDec.json().fields, { dec: ['is required for a sidereal target'] });

    const identifier = await b.call(b.alice, 'PATCH', url, { identifier: 'other' });
    assert.equal(identifier.statusCode, 400, 'the identifier cannot be changed');

    const toComet = await b.call(b.alice, 'PATCH', url, {
      kind: 'non_sidereal', scheme: 'MPC_COMET', epoch_of_elements: 1, arg_of_perihelion: 2, eccentricity: 0.5, lng_asc_node: 3, inclination: 4, epoch_of_perihelion: 5, perihdist: 6,
    });
    assert.equal(toComet.statusCode, 200, toComet.body);
    assert.equal(toComet.json().ra, null);
    assert.equal(toComet.json().dec, null);
    const fetched = (await b.call(b.anonymous, 'GET', url)).json();
    assert.equal(fetched.scheme, 'MPC_COMET');
    assert.equal(fetched.name2, 'by staff');
  });

  test('lists show anonymous the public targets, a user theirs too, staff everything; filters narrow them', async () => {
    await b.target(b.alice, { identifier: 'vis-alice-private', name: 'Hidden Cluster' });
    await b.target(b.alice, { identifier: 'vis-alice-public', name: 'Open Cluster', public: true });
    await b.target(b.bob, { identifier: 'vis-bob-private', name: 'Bob Nebula' });
    const identifiers = async (who: Record<string, string>, query = '') =>
      (await b.call(who, 'GET', `/rest/v1/targets?identifier=vis-${query}`)).json().results.map((t: { identifier: string }) => t.identifier);
    assert.deepEqual(await identifiers(b.anonymous), ['vis-alice-public']);
    assert.deepEqual(await identifiers(b.alice), ['vis-alice-private', 'vis-alice-public']);
    assert.deepEqual(await identifiers(b.bob), ['vis-alice-public', 'vis-bob-private']);
    assert.deepEqual(await identifiers(b.sam), ['vis-alice-private', 'vis-alice-public', 'vis-bob-private']);
    assert.deepEqual(await identifiers(b.aliceReadToken), ['vis-alice-private', 'vis-alice-public'], 'a read token reads as its user');

    const search = (await b.call(b.sam, 'GET', '/rest/v1/targets?search=CLUSTER')).json();
    assert.deepEqual(search.results.map((t: { identifier: string }) => t.identifier), ['vis-alice-private', 'vis-alice-public']);
    const publicOnly = (await b.call(b.sam, 'GET', '/rest/v1/targets?identifier=vis-&public=false')).json();
    assert.equal(publicOnly.count, 2);
    const wildcard = (await b.call(b.sam, 'GET', '/rest/v1/targets?identifier=vis%25')).json();
    assert.equal(wildcard.count, 0, 'a % in the filter is a literal character');
    const paged = (await b.call(b.sam, 'GET', '/rest/v1/targets?identifier=vis-&limit=1&offset=1')).json();
    assert.equal(paged.count, 3);
    assert.deepEqual(paged.results.map((t: { identifier: string }) => t.identifier), ['vis-alice-public']);
    const kinds = (await b.call(b.sam, 'GET', '/rest/v1/targets?kind=non_sidereal')).json();
    assert.ok(kinds.results.every((t: { kind: string }) => t.kind === 'non_sidereal') && kinds.count > 0);
    assert.equal((await b.call(b.sam, 'GET', '/rest/v1/targets?colour=red')).statusCode, 400, 'unknown filters are refused');

    const hidden = (await b.call(b.alice, 'GET', '/rest/v1/targets?identifier=vis-bob-private')).json();
    assert.equal(hidden.count, 0);
    const bobsId = (await b.call(b.sam, 'GET', '/rest/v1/targets?identifier=vis-bob-private')).json().results[0].id;
    assert.equal((await b.call(b.alice, 'GET', `/rest/v1/targets/${bobsId}`)).statusCode, 404);
    assert.equal((await b.call(b.anonymous, 'GET', `/rest/v1/targets/${bobsId}`)).statusCode, 404);
    assert.equal((await b.call(b.bob, 'GET', `/rest/v1/targets/${bobsId}`)).statusCode, 200);
  });

  test('deleting a target (owner or staff) removes its data products, their files and its datums', async () => {
    const target = await b.target(b.alice, { identifier: 'gone', public: true });
    const upload = await b.upload(b.alice, target.id, { file_name: 'notes.csv' }, Buffer.from('2019-08-01T00:00:00Z,12.1,0.1\n'));
    assert.equal(upload.statusCode, 201, upload.body);
    await b.call(b.alice, 'POST', `/rest/v1/targets/${target.id}/reduced-datums`, { datums: [{ timestamp: '2019-08-01T00:00:00Z', magnitude: 12, error: 0.1 }] });
    assert.ok((await storedKeys(b)).includes('gone/none/notes.csv'));

    assert.equal((await b.call(b.bob, 'DELETE', `/rest/v1/targets/${target.id}`)).statusCode, 403);
    assert.equal((await b.call(b.aliceReadToken, 'DELETE', `/rest/v1/targets/${target.id}`)).statusCode, 403, 'a read token cannot delete');
    const deleted = await b.call(b.alice, 'DELETE', `/rest/v1/targets/${target.id}`);
    assert.equal(deleted.statusCode, 204);
    assert.equal((await b.call(b.alice, 'GET', `/rest/v1/targets/${target.id}`)).statusCode, 404);
    assert.ok(!(await storedKeys(b)).includes('gone/none/notes.csv'), 'the file is gone');
    const db = b.server.platform.db;
    assert.equal((await db.selectFrom('data_products').select('id').where('target_id', '=', target.id).execute()).length, 0);
    assert.equal((await db.selectFrom('reduced_datums').select('id').where('target_id', '=', target.id).execute()).length, 0);
    assert.equal((await b.call(b.anonymous, 'GET', '/data/gone/none/notes.csv')).statusCode, 404);
  });

  test('the OpenAPI document has every telescope route, tagged, and the upload takes a raw file body', async () => {
    const document = (await b.call(b.anonymous, 'GET', '/rest/openapi.json')).json();
    const expected: Record<string, string[]> = {
      '/rest/v1/targets': ['get', 'post'],
      '/rest/v1/targets/{id}': ['get', 'patch', 'delete'],
      '/rest/v1/targets/{id}/data-products': ['get', 'post'],
      '/rest/v1/data-products/{id}': ['get', 'delete'],
      '/rest/v1/data-product-groups': ['get', 'post'],
      '/rest/v1/data-product-groups/{id}': ['get'],
      '/rest/v1/data-product-groups/{id}/products': ['post'],
      '/rest/v1/data-product-groups/{id}/products/{product}': ['delete'],
      '/rest/v1/targets/{id}/reduced-datums': ['get', 'post'],
      '/rest/v1/pipelines': ['get'],
      '/rest/v1/targets/{id}/pipelines/{name}': ['post'],
      '/rest/v1/targets/{id}/processes': ['get'],
      '/rest/v1/processes/{id}': ['get'],
    };
    const tags = new Set(['targets', 'data-products', 'data-product-groups', 'reduced-datums', 'pipelines', 'processes']);
    for (const [path, methods] of Object.entries(expected)) {
      for (const method of methods) {
        const operation = document.paths[path]?.[method];
        assert.ok(operation, `${method} ${path}`);
        assert.ok(tags.has(operation.tags?.[0]), `${method} ${path} is tagged`);
        assert.ok(operation.summary, `${method} ${path} has a summary`);
      }
    }
    const upload = document.paths['/rest/v1/targets/{id}/data-products'].post;
    assert.deepEqual(Object.keys(upload.requestBody.content), ['application/octet-stream']);
    assert.ok(upload.parameters.some((p: { name: string; in: string; required?: boolean }) => p.name === 'file_name' && p.in === 'query' && p.required));
  });
});
