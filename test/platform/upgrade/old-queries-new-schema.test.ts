// Rolling upgrade, the old code's side: while servers are replaced one by one, those of the
// previous release run on this release's schema. The SQL the previous release ran for its hot
// paths (recorded when it was made) must still run on it. A migration that renames or drops a
// column, or adds a NOT NULL column without a default, breaks that; the synthetic migrations
// below prove the replay notices.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../src/config.ts';
import { migrations } from '../../../src/platform/db/migrations/index.ts';
import type { Migration } from '../../../src/platform/db/migrations/index.ts';
import { previousRelease } from '../../../src/platform/db/releases.ts';
import { migratedDatabase, replayPreviousRelease } from './schema-compat.ts';

/** Replays the previous release's queries on this schema, plus `extra` migrations. */
async function replayOnThisSchema(extra: Record<string, Migration> = {}): Promise<number> {
  const database = await migratedDatabase({ migrations: { ...migrations, ...extra } });
  try {
    return await replayPreviousRelease(database);
  } finally {
    await database.drop();
  }
}

/**
 * SQLite cannot add a NOT NULL column without a default; a migration would rebuild the table
 * (as 0009 does). This one rebuilds activity_log with such a column.
 */
async function addRequiredColumn(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  if (kind === 'postgres') {
    await sql`alter table activity_log add column origin text not null`.execute(db);
    return;
  }
  const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'activity_log'`.execute(db);
  const create = rows[0].sql.replace(/^create table "activity_log"/i, 'create table "activity_log_new"').replace(/\)$/, ', "origin" text not null)');
  await sql.raw(create).execute(db);
  await sql`drop table activity_log`.execute(db);
  await sql`alter table activity_log_new rename to activity_log`.execute(db);
}

describe(`release ${previousRelease.version}'s hot-path queries on this schema`, () => {
  test('every recorded query runs', async () => {
    assert.ok((await replayOnThisSchema()) > 100);
  });

  test('a migration that renames a column is caught', async () => {
    const rename: Migration = { up: async (db) => void (await sql`alter table samples rename column name to sample_name`.execute(db)) };
    await assert.rejects(replayOnThisSchema({ '9999_synthetic_rename': rename }), /recorded query \d+ failed: .*(no such column|column .* does not exist|has no column named)[^]*"samples"/);
  });

  test('a migration that drops a column is caught', async () => {
    const drop: Migration = { up: async (db) => void (await sql`alter table datasets drop column beam_size`.execute(db)) };
    await assert.rejects(replayOnThisSchema({ '9999_synthetic_drop': drop }), /recorded query \d+ failed: .*beam_size/);
  });

  test('a migration that adds a NOT NULL column without a default is caught', async () => {
    await assert.rejects(replayOnThisSchema({ '9999_synthetic_required': { up: addRequiredColumn } }),
      /recorded query \d+ failed: .*(NOT NULL constraint failed: activity_log\.origin|null value in column "origin")[^]*insert into "activity_log"/);
  });
});
