// OpenID Connect sign-ins, one row per browser that started one (its id is the fingerprint of the
// random value in that browser's lightpath_oidc cookie). It holds the PKCE verifier, state and
// nonce until the provider sends the person back, then the ID token that logout hands back to the
// provider as its hint, so no token is ever kept in the browser. A row outlives its login session
// (set null) just long enough for the sign-out at the provider that follows a logout.
import type { Kysely } from 'kysely';
import { timestampType } from '../column-types.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('oidc_sign_ins')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('state', 'varchar(64)', (c) => c.notNull())
    .addColumn('nonce', 'varchar(64)', (c) => c.notNull())
    .addColumn('code_verifier', 'varchar(128)', (c) => c.notNull())
    .addColumn('return_to', 'varchar(2000)', (c) => c.notNull())
    .addColumn('username', 'varchar(150)')
    .addColumn('detail', 'varchar(1000)')
    .addColumn('id_token', 'text')
    .addColumn('login_session_id', 'varchar(64)', (c) => c.references('login_sessions.id').onDelete('set null'))
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('expires_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oidc_sign_ins_session').on('oidc_sign_ins').column('login_session_id').execute();
  await db.schema.createIndex('oidc_sign_ins_expires').on('oidc_sign_ins').column('expires_at').execute();
}
