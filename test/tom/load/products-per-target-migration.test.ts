// Migration 0009 on a database that already holds data products: every row, id and link (group
// members, reduced datums) survives; afterwards a product id is unique per target only, deleting a
// product still cascades to what refers to it, and new ids continue after the highest ever used.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Migrator } from 'kysely';
import type { Kysely } from 'kysely';
import { freshDatabase } from '../../helpers/database.ts';
import type { TestDatabase } from '../../helpers/database.ts';
import { testEnv } from '../../helpers/platform.ts';
import { loadConfig } from '../../../src/config.ts';
import { openDatabase } from '../../../src/platform/db/database.ts';
import type { DatabaseHandle } from '../../../src/platform/db/database.ts';
import { migrateToLatest } from '../../../src/platform/db/migrate.ts';
import { migrations } from '../../../src/platform/db/migrations/index.ts';
import { isUniqueViolation } from '../../../src/platform/db/unique-violation.ts';

describe('migration 0009: product ids unique per target', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let db: Kysely<any>;
  const now = new Date().toISOString();
  const product = (targetId: number, productId: string, file: string) => ({
    target_id: targetId, observation_id: null, product_id: productId, file_key: file, data_product_type: 'fits_file', extra_data: '{}', size: 1, created_at: now,
  });

  before(async () => {
    database = await freshDatabase();
    handle = openDatabase(loadConfig(testEnv(database)));
    db = handle.db as Kysely<any>;
    const kind = handle.kind;
    const migrator = new Migrator({
      db, migrationTableName: 'lightpath_migrations', migrationLockTableName: 'lightpath_migrations_lock',
      provider: { getMigrations: async () => Object.fromEntries(Object.entries(migrations).map(([name, m]) => [name, { up: (d: Kysely<any>) => m.up(d, kind) }])) },
    });
    const { error } = await migrator.migrateTo('0008_frame_identity');
    assert.ifError(error);
  });
  after(async () => {
    await handle.close();
    await database.drop();
  });

  test('rows and links survive; the rule is per target afterwards', async () => {
    const target = (identifier: string) => db.insertInto('targets').values({ identifier, name: identifier, name2: '', name3: '', kind: 'sidereal', ra: 1, dec: 2, is_public: handle.kind === 'postgres' ? true : 1, owner_id: null, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const a = (await target('mig-a')).id;
    const b = (await target('mig-b')).id;
    const kept = await db.insertInto('data_products').values(product(a, 'frame.fits', 'mig-a/none/frame.fits')).returning('id').executeTakeFirstOrThrow();
    const last = await db.insertInto('data_products').values(product(a, 'gone.fits', 'mig-a/none/gone.fits')).returning('id').executeTakeFirstOrThrow();
    await db.deleteFrom('data_products').where('id', '=', last.id).execute();
    const group = await db.insertInto('data_product_groups').values({ name: 'mig', created_at: now }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('data_product_group_members').values({ group_id: group.id, data_product_id: kept.id }).execute();
    await db.insertInto('reduced_datums').values({ target_id: a, data_product_id: kept.id, data_type: 'photometry', source_name: '', source_location: '', timestamp: now, value: '{}' }).execute();
    await assert.rejects(db.insertInto('data_products').values(product(b, 'frame.fits', 'mig-b/none/frame.fits')).execute(), isUniqueViolation, 'before: unique across targets');

    await migrateToLatest(db, handle.kind);

    const rows = await db.selectFrom('data_products').select(['id', 'product_id', 'file_key']).execute();
    assert.deepEqual(rows, [{ id: kept.id, product_id: 'frame.fits', file_key: 'mig-a/none/frame.fits' }]);
    assert.equal((await db.selectFrom('data_product_group_members').selectAll().execute()).length, 1);
    const other = await db.insertInto('data_products').values(product(b, 'frame.fits', 'mig-b/none/frame.fits')).returning('id').executeTakeFirstOrThrow();
    assert.ok(other.id > last.id, 'ids are not handed out again');
    await assert.rejects(db.insertInto('data_products').values(product(a, 'frame.fits', 'mig-a/LCO/frame.fits')).execute(), isUniqueViolation, 'after: unique within a target');
    await assert.rejects(db.insertInto('data_products').values(product(b, 'other.fits', 'mig-b/none/frame.fits')).execute(), isUniqueViolation, 'stored paths stay unique');
    await db.deleteFrom('data_products').where('id', '=', kept.id).execute();
    assert.equal((await db.selectFrom('data_product_group_members').selectAll().execute()).length, 0, 'deleting still cascades to group members');
    assert.equal((await db.selectFrom('reduced_datums').selectAll().execute()).length, 0, 'and to reduced datums');
  });
});
