// Decision D17: a beamline record whose directory lies outside the data roots keeps its path in
// a key that serves nothing, so its download links can say why instead of failing MxDC's upload.
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../config.ts';
import { booleanType } from '../column-types.ts';

export async function up(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  await db.schema.alterTable('proxy_keys')
    .addColumn('outside_roots', booleanType(kind), (c) => c.notNull().defaultTo(kind === 'postgres' ? false : 0))
    .execute();
}
