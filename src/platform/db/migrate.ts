// Applies pending migrations (on start and through `lightpath migrate`), each in its own transaction.
import { Migrator } from 'kysely';
import type { Kysely, MigrationProvider, Migration as KyselyMigration } from 'kysely';
import type { DatabaseKind } from '../../config.ts';
import { migrations } from './migrations/index.ts';

class CodeMigrations implements MigrationProvider {
  constructor(private readonly kind: DatabaseKind) {}

  async getMigrations(): Promise<Record<string, KyselyMigration>> {
    const result: Record<string, KyselyMigration> = {};
    for (const [name, migration] of Object.entries(migrations)) {
      result[name] = { up: (db) => migration.up(db, this.kind) };
    }
    return result;
  }
}

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(db: Kysely<any>, kind: DatabaseKind): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: new CodeMigrations(kind), migrationTableName: 'lightpath_migrations', migrationLockTableName: 'lightpath_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Database migration ${failed ?? ''} failed: ${(error as Error).message ?? String(error)}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
