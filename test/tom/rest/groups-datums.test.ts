// Data product groups and reduced datums through the REST API.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fitsBytes } from '../../support/fits-writer.ts';
import { startBench } from './rest-bench.ts';
import type { Bench } from './rest-bench.ts';

describe('REST groups and reduced datums', () => {
  let b: Bench;
  let alicePrivate: { id: number };
  let alicePublic: { id: number };
  let bobPrivate: { id: number };
  const frame = async (who: Record<string, string>, targetId: number, name: string) => {
    const response = await b.upload(who, targetId, { file_name: name }, fitsBytes({ width: 4, height: 4 }));
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { id: number };
  };

  before(async () => {
    b = await startBench();
    alicePrivate = await b.target(b.alice, { identifier: 'ap' });
    alicePublic = await b.target(b.alice, { identifier: 'apub', public: true });
    bobPrivate = await b.target(b.bob, { identifier: 'bp' });
  });
  after(() => b.close());

  test('groups: created with the caller\'s products, listed by what each caller may see, changed only with own products', async () => {
    const a1 = await frame(b.alice, alicePrivate.id, 'a1.fits');
    const a2 = await frame(b.alice, alicePublic.id, 'a2.fits');
    const b1 = await frame(b.bob, bobPrivate.id, 'b1.fits');

    const refused = await b.call(b.alice, 'POST', '/rest/v1/data-product-groups', { name: 'mixed', data_product_ids: [a1.id, b1.id] });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().detail, new RegExp(`Not data products you may change: ${b1.id}\\.`));
    assert.equal((await b.call(b.sam, 'GET', '/rest/v1/data-product-groups?name=mixed')).json().count, 0, 'nothing created');

    const created = await b.call(b.alice, 'POST', '/rest/v1/data-product-groups', { name: 'night', data_product_ids: [a1.id, a2.id] });
    assert.equal(created.statusCode, 201, created.body);
    const group = created.json();
    assert.equal(group.product_count, 2);
    assert.deepEqual(group.products.map((p: { id: number }) => p.id), [a1.id, a2.id]);
    assert.equal((await b.call(b.bob, 'POST', '/rest/v1/data-product-groups', { name: 'night' })).statusCode, 409);

    // Bob sees the group through alice's public product only; anonymous likewise.
    const asBob = (await b.call(b.bob, 'GET', `/rest/v1/data-product-groups/${group.id}`)).json();
    assert.equal(asBob.product_count, 1);
    assert.deepEqual(asBob.products.map((p: { id: number }) => p.id), [a2.id]);
    assert.equal((await b.call(b.anonymous, 'GET', '/rest/v1/data-product-groups?name=night')).json().results[0].product_count, 1);

    const addForeign = await b.call(b.bob, 'POST', `/rest/v1/data-product-groups/${group.id}/products`, { data_product_ids: [a1.id] });
    assert.equal(addForeign.statusCode, 400, 'bob cannot add alice\'s product');
    const addOwn = await b.call(b.bob, 'POST', `/rest/v1/data-product-groups/${group.id}/products`, { data_product_ids: [b1.id] });
    assert.equal(addOwn.statusCode, 200, addOwn.body);
    assert.deepEqual(addOwn.json().products.map((p: { id: number }) => p.id), [a2.id, b1.id], 'bob sees his and the public one');
    assert.equal((await b.call(b.alice, 'GET', `/rest/v1/data-product-groups/${group.id}`)).json().product_count, 2, 'alice does not see bob\'s private product');
    assert.equal((await b.call(b.sam, 'GET', `/rest/v1/data-product-groups/${group.id}`)).json().product_count, 3);

    assert.equal((await b.call(b.bob, 'DELETE', `/rest/v1/data-product-groups/${group.id}/products/${a2.id}`)).statusCode, 403);
    assert.equal((await b.call(b.alice, 'DELETE', `/rest/v1/data-product-groups/${group.id}/products/${a2.id}`)).statusCode, 204);
    assert.equal((await b.call(b.alice, 'DELETE', `/rest/v1/data-product-groups/${group.id}/products/${a2.id}`)).statusCode, 404, 'no longer in it');
    assert.deepEqual((await b.call(b.sam, 'GET', `/rest/v1/data-product-groups/${group.id}`)).json().products.map((p: { id: number }) => p.id), [a1.id, b1.id]);
    assert.equal((await b.call(b.alice, 'GET', `/rest/v1/data-products/${a2.id}`)).statusCode, 200, 'the product itself stays');

    // A group of only private products of someone else is not there at all.
    const bobs = (await b.call(b.bob, 'POST', '/rest/v1/data-product-groups', { name: 'bob only', data_product_ids: [b1.id] })).json();
    assert.equal((await b.call(b.alice, 'GET', `/rest/v1/data-product-groups/${bobs.id}`)).statusCode, 404);
    assert.equal((await b.call(b.anonymous, 'GET', '/rest/v1/data-product-groups?name=bob%20only')).json().count, 0);
    const empty = (await b.call(b.alice, 'POST', '/rest/v1/data-product-groups', { name: 'empty' })).json();
    assert.equal(empty.product_count, 0);
    assert.equal((await b.call(b.anonymous, 'POST', '/rest/v1/data-product-groups', { name: 'anon' })).statusCode, 401);
  });

  test('reduced datums: the owner adds photometry; whoever sees the target lists it in time order, filtered', async () => {
    const url = `/rest/v1/targets/${alicePublic.id}/reduced-datums`;
    const added = await b.call(b.alice, 'POST', url, {
      source_name: 'AAVSO',
      datums: [
        { timestamp: '2019-08-02T00:00:00Z', magnitude: 12.6, error: 0.04 },
        { timestamp: '2019-08-01T00:00:00+02:00', magnitude: 12.5, error: 0.05 },
        { timestamp: '2019-08-03T00:00:00Z', magnitude: 12.7, error: 0.06 },
      ],
    });
    assert.equal(added.statusCode, 201, added.body);
    assert.equal(added.json().count, 3);
    assert.equal(added.json().results[1].timestamp, '2019-07-31T22:00:00.000Z', 'stored in UTC');

    const listed = (await b.call(b.anonymous, 'GET', `${url}?data_type=photometry`)).json();
    assert.equal(listed.count, 3);
    assert.deepEqual(listed.results.map((d: { value: { magnitude: number } }) => d.value.magnitude), [12.5, 12.6, 12.7]);
    assert.deepEqual(listed.results[0].value, { magnitude: 12.5, error: 0.05 });
    assert.equal(listed.results[0].source_name, 'AAVSO');
    assert.equal(listed.results[0].data_type, 'photometry');
    const window = (await b.call(b.anonymous, 'GET', `${url}?since=2019-08-01T12:00:00Z&until=2019-08-03T00:00:00Z`)).json();
    assert.deepEqual(window.results.map((d: { value: { magnitude: number } }) => d.value.magnitude), [12.6]);
    assert.equal((await b.call(b.anonymous, 'GET', `${url}?data_type=spectroscopy`)).json().count, 0);

    // The photometry CSV of the tom_education side reads the same datums.
    const csv = await b.call(b.anonymous, 'GET', `/targets/${alicePublic.id}/data/download/`);
    assert.equal(csv.body.trim().split('\n').length, 3);

    assert.equal((await b.call(b.bob, 'POST', url, { datums: [{ timestamp: '2019-08-04T00:00:00Z', magnitude: 1, error: 0 }] })).statusCode, 403);
    assert.equal((await b.call(b.bob, 'GET', `/rest/v1/targets/${alicePrivate.id}/reduced-datums`)).statusCode, 404);
    for (const bad of [
      { datums: [] },
      { datums: [{ timestamp: 'yesterday', magnitude: 1, error: 0.1 }] },
      { datums: [{ timestamp: '2019-08-04T00:00:00Z', magnitude: '12', error: 0.1 }] },
      { datums: [{ timestamp: '2019-08-04T00:00:00Z', magnitude: 12, error: -1 }] },
      { datums: [{ timestamp: '2019-08-04T00:00:00Z', magnitude: 12 }] },
    ]) {
      const response = await b.call(b.alice, 'POST', url, bad);
      assert.equal(response.statusCode, 400, JSON.stringify(bad));
      assert.ok(response.json().fields);
    }
    const bobsFrame = await frame(b.bob, bobPrivate.id, 'bobs.fits');
    const foreignProduct = await b.call(b.alice, 'POST', url, { data_product_id: bobsFrame.id, datums: [{ timestamp: '2019-08-04T00:00:00Z', magnitude: 1, error: 0 }] });
    assert.equal(foreignProduct.statusCode, 400);
    assert.equal((await b.call(b.anonymous, 'GET', url)).json().count, 3, 'nothing added by the refused requests');
  });
});
