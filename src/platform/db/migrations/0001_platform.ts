// Accounts, sessions, API tokens, the job table and rate-limit hits.
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../config.ts';
import { booleanType, jsonType, timestampType, withId } from '../column-types.ts';

export async function up(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  const bool = booleanType(kind);

  await withId(db.schema.createTable('users'), kind)
    .addColumn('username', 'varchar(150)', (c) => c.notNull().unique())
    .addColumn('full_name', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('is_staff', bool, (c) => c.notNull().defaultTo(kind === 'postgres' ? false : 0))
    .addColumn('is_active', bool, (c) => c.notNull().defaultTo(kind === 'postgres' ? true : 1))
    .addColumn('password_hash', 'text')
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .execute();

  await db.schema.createTable('login_sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('expires_at', timestampType, (c) => c.notNull())
    .addColumn('last_seen_at', timestampType, (c) => c.notNull())
    .addColumn('client_address', 'varchar(64)')
    .execute();
  await db.schema.createIndex('login_sessions_user').on('login_sessions').column('user_id').execute();
  await db.schema.createIndex('login_sessions_expires').on('login_sessions').column('expires_at').execute();

  await withId(db.schema.createTable('api_tokens'), kind)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('token_prefix', 'varchar(16)', (c) => c.notNull())
    .addColumn('scope', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('expires_at', timestampType)
    .addColumn('revoked_at', timestampType)
    .addColumn('last_used_at', timestampType)
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

  await withId(db.schema.createTable('jobs'), kind)
    .addColumn('type', 'varchar(100)', (c) => c.notNull())
    .addColumn('payload', jsonType, (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_after', timestampType, (c) => c.notNull())
    .addColumn('lease_until', timestampType)
    .addColumn('locked_by', 'varchar(200)')
    .addColumn('last_error', 'text')
    .addColumn('result', jsonType)
    .addColumn('external_id', 'varchar(64)')
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('started_at', timestampType)
    .addColumn('finished_at', timestampType)
    .execute();
  await db.schema.createIndex('jobs_state_run_after').on('jobs').columns(['state', 'run_after']).execute();
  await db.schema.createIndex('jobs_state_lease').on('jobs').columns(['state', 'lease_until']).execute();
  await db.schema.createIndex('jobs_type_state').on('jobs').columns(['type', 'state']).execute();

  await withId(db.schema.createTable('rate_limit_hits'), kind)
    .addColumn('bucket', 'varchar(300)', (c) => c.notNull())
    .addColumn('hit_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_hits_bucket').on('rate_limit_hits').columns(['bucket', 'hit_at']).execute();
}
