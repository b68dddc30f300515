// Audit A9: an upload's ?group= may only name a group the uploader may see (or a new one). Naming
// someone else's private group answers 404 and writes nothing: no row, no file, no membership,
// and the group stays out of the uploader's sight.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBench, storedKeys } from './rest-bench.ts';
import type { Bench } from './rest-bench.ts';

const CSV = Buffer.from('2019-08-01T00:00:00+00:00,12.5,0.05\n');

describe('uploads join only groups the uploader may see', () => {
  let b: Bench;
  let alicesGroup: { id: number; name: string };
  let bobsTarget: { id: number; identifier: string };

  before(async () => {
    b = await startBench();
    const alicesTarget = await b.target(b.alice, { identifier: 'alice-secret' });
    bobsTarget = await b.target(b.bob, { identifier: 'bob-own' });
    const upload = await b.upload(b.alice, alicesTarget.id, { file_name: 'private.csv', group: 'alice-private' }, CSV);
    assert.equal(upload.statusCode, 201, upload.body);
    alicesGroup = (await b.call(b.alice, 'GET', '/rest/v1/data-product-groups?name=alice-private')).json().results[0];
  });
  after(() => b.close());

  test('another owner\'s private group: 404, and nothing is written', async () => {
    const keysBefore = await storedKeys(b);
    const refused = await b.upload(b.bob, bobsTarget.id, { file_name: 'sneaky.csv', group: alicesGroup.name }, CSV);
    assert.equal(refused.statusCode, 404, refused.body);
    assert.deepEqual(refused.json(), { detail: 'No such group.' });

    const { db } = b.server.platform;
    assert.equal((await db.selectFrom('data_products').select('id').where('target_id', '=', bobsTarget.id).execute()).length, 0, 'no row');
    assert.deepEqual(await storedKeys(b), keysBefore, 'no file');
    assert.equal((await db.selectFrom('data_product_group_members').select('data_product_id').where('group_id', '=', alicesGroup.id).execute()).length, 1, 'the group is unchanged');
    assert.equal((await b.call(b.bob, 'GET', `/rest/v1/data-product-groups/${alicesGroup.id}`)).statusCode, 404, 'still hidden from bob');
    assert.equal((await b.call(b.bob, 'GET', '/rest/v1/data-product-groups?name=alice-private')).json().count, 0);
  });

  test('a new group, a group of one\'s own, and staff with any group still work', async () => {
    const fresh = await b.upload(b.bob, bobsTarget.id, { file_name: 'one.csv', group: 'bob-night' }, CSV);
    assert.equal(fresh.statusCode, 201, fresh.body);
    const again = await b.upload(b.bob, bobsTarget.id, { file_name: 'two.csv', group: 'bob-night' }, CSV);
    assert.equal(again.statusCode, 201, again.body);
    assert.equal((await b.call(b.bob, 'GET', '/rest/v1/data-product-groups?name=bob-night')).json().results[0].product_count, 2);
    const staff = await b.upload(b.sam, bobsTarget.id, { file_name: 'staff.csv', group: alicesGroup.name }, CSV);
    assert.equal(staff.statusCode, 201, staff.body);
  });
});
