// Uploads that share a commit (src/platform/db/group-commit.ts) are written together by one call
// of the group's writer, yet stay independent: when the group's write fails because of one of
// them, the others are still committed and only the one at fault is refused.
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
  /** Writes a whole group of keys in one multi-row INSERT, answering each with its own key. */
  const keyWrites = (groups: string[][] = []) => new GroupCommit<string, string>(db, async (trx, keys) => {
    groups.push(keys);
    await trx.insertInto('proxy_keys').values(keys.map(keyRow)).execute();
    return keys;
  });

  test('writes made at the same moment share one transaction, each answered with its own result', async () => {
    const groups: string[][] = [];
    const writes = keyWrites(groups);
    const keys = ['1', '2', '3', '4', '5'].map((d) => d.repeat(40));
    const results = await Promise.all(keys.map((key) => writes.write(key)));
    assert.deepEqual(results, keys);
    assert.deepEqual(groups, [keys]);
    assert.deepEqual(await stored(keys), keys);
  });

  test('a write that fails in a group fails alone; the others commit', async () => {
    const writes = keyWrites();
    const [a, c] = ['a'.repeat(40), 'c'.repeat(40)];
    // The second write repeats the first one's primary key, which fails the group's one INSERT.
    const outcomes = await Promise.allSettled([writes.write(a), writes.write(a), writes.write(c)]);
    assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.deepEqual(await stored([a, c]), [a, c]);
  });

  test('writes that reserved their place join the group that starts while they are still on their way', async () => {
    const groups: string[][] = [];
    const writes = keyWrites(groups);
    const [a, b, c] = ['e', 'f', '0'].map((d) => d.repeat(40));
    const places = [writes.reserve(), writes.reserve(), writes.reserve()];
    const first = places[0].write(a);
    // The others arrive a turn of the event loop later, as requests read together do.
    await new Promise((resolve) => setImmediate(resolve));
    const results = await Promise.all([first, places[1].write(b), places[2].write(c)]);
    assert.deepEqual(results, [a, b, c]);
    assert.deepEqual(groups, [[a, b, c]]);
  });

  test('a reserved place given up, or never used, does not hold the group back for good', async () => {
    const groups: string[][] = [];
    const writes = keyWrites(groups);
    const [a, b] = ['1a', '2b'].map((d) => d.repeat(20));
    const failed = writes.reserve();
    writes.reserve(); // a request that never comes back (the group waits a moment for it, then goes)
    const written = writes.reserve().write(a);
    await new Promise((resolve) => setImmediate(resolve));
    failed.release();
    assert.equal(await written, a);
    assert.equal(await writes.write(b), b);
    assert.deepEqual(groups, [[a], [b]]);
  });

  test('a group written by one statement goes without BEGIN and COMMIT, and still fails alone', async () => {
    const inTransaction: boolean[] = [];
    const writes = new GroupCommit<string, string>(db, async (target, keys) => {
      inTransaction.push(target.isTransaction);
      await target.insertInto('proxy_keys').values(keys.map(keyRow)).execute();
      return keys;
    }, { oneStatement: (keys) => keys.length > 1 });
    const [g, h] = ['7', '8'].map((d) => d.repeat(40));
    // The repeated key fails the group's one INSERT, which writes nothing; each is then written alone.
    const outcomes = await Promise.allSettled([writes.write(g), writes.write(g), writes.write(h)]);
    assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.deepEqual(await stored([g, h]), [g, h]);
    assert.deepEqual(inTransaction, [false, true, true, true]);
  });

  test('a writer that answers for fewer items than it was given commits nothing', async () => {
    const writes = new GroupCommit<string, string>(db, async (trx, keys) => {
      await trx.insertInto('proxy_keys').values(keys.map(keyRow)).execute();
      return keys.slice(1);
    });
    const key = 'd'.repeat(40);
    await assert.rejects(writes.write(key), /1 items/);
    assert.deepEqual(await stored([key]), []);
  });
});
