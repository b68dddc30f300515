// Uploads that share a commit (src/platform/db/group-commit.ts) stay independent: when one write
// of a group fails, the others are still committed and only the one at fault is refused.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GroupCommit } from '../../src/platform/db/group-commit.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';

describe('group commit', () => {
  let server: TestServer;
  let db: Db;

  before(async () => {
    server = await startTestServer();
    db = server.platform.db;
  });
  after(() => server.close());

  const keyRow = (key: string) => ({ key, path: `/data/${key.slice(0, 4)}`, created_at: new Date().toISOString(), revoked_at: null, outside_roots: false });
  const stored = async (keys: string[]) => (await db.selectFrom('proxy_keys').select('key').where('key', 'in', keys).execute()).map((r) => r.key).sort();

  test('writes made at the same moment all commit, each answered with its own result', async () => {
    const writes = new GroupCommit(db);
    const keys = ['1', '2', '3', '4', '5'].map((d) => d.repeat(40));
    const results = await Promise.all(keys.map((key, index) => writes.run(async (trx) => {
      await trx.insertInto('proxy_keys').values(keyRow(key)).execute();
      return index;
    })));
    assert.deepEqual(results, [0, 1, 2, 3, 4]);
    assert.deepEqual(await stored(keys), keys);
  });

  test('a write that fails in a group fails alone; the others commit', async () => {
    const writes = new GroupCommit(db);
    const [a, c] = ['a'.repeat(40), 'c'.repeat(40)];
    const insert = (key: string) => writes.run(async (trx) => {
      await trx.insertInto('proxy_keys').values(keyRow(key)).execute();
      return key;
    });
    // The second write repeats the first one's primary key.
    const outcomes = await Promise.allSettled([insert(a), insert(a), insert(c)]);
    assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.deepEqual(await stored([a, c]), [a, c]);
  });
});
