// Accounts that sign in through the facility's directory (LDAP) or identity provider (OpenID
// Connect). users.auth_source says where a person's password lives ('local' for Lightpath's own);
// users.disabled_at is staff's local "keep out", which no sign-in undoes. external_links holds what
// the mapping granted at the last sign-in (staff, a beamline project, a telescope group), so the
// next sign-in can see what was taken away. identity_rules is the mapping itself, set by a load file.
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../config.ts';
import { timestampType, withId } from '../column-types.ts';

export async function up(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  await db.schema.alterTable('users').addColumn('auth_source', 'varchar(10)', (c) => c.notNull().defaultTo('local')).execute();
  await db.schema.alterTable('users').addColumn('disabled_at', timestampType).execute();

  await db.schema.createTable('external_links')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addPrimaryKeyConstraint('external_links_pk', ['user_id', 'kind', 'name'])
    .execute();

  await withId(db.schema.createTable('identity_rules'), kind)
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('match_group', 'varchar(1000)')
    .addColumn('match_attribute', 'varchar(200)')
    .addColumn('match_value', 'varchar(1000)')
    .addColumn('grants', 'varchar(10)', (c) => c.notNull())
    .addColumn('telescope_group', 'varchar(150)')
    .execute();
}
