// Applies pending migrations (on start and through `lightpath migrate`), each in its own transaction.
import { Migrator } from 'kysely';
import type { Kysely, MigrationProvider, Migration as KyselyMigration } from 'kysely';
import type { DatabaseKind } from '../../config.ts';
import { migrations as allMigrations } from './migrations/index.ts';
import type { Migration } from './migrations/index.ts';

export const MIGRATION_TABLE = 'lightpath_migrations';

class CodeMigrations implements MigrationProvider {
  constructor(private readonly kind: DatabaseKind, private readonly migrations: Record<string, Migration>) {}

  async getMigrations(): Promise<Record<string, KyselyMigration>> {
    const result: Record<string, KyselyMigration> = {};
    for (const [name, migration] of Object.entries(this.migrations)) {
      result[name] = { up: (db) => migration.up(db, this.kind) };
    }
    return result;
  }
}

export interface MigrationReport {
  applied: string[];
}

export interface MigrateOptions {
  /** Stop after this migration (an older release's schema, for upgrade tests). */
  upTo?: string;
  /** The migrations to apply; the real list unless a test adds one of its own. */
  migrations?: Record<string, Migration>;
}

export async function migrateToLatest(db: Kysely<any>, kind: DatabaseKind, options: MigrateOptions = {}): Promise<MigrationReport> {
  const migrator = new Migrator({
    db, provider: new CodeMigrations(kind, options.migrations ?? allMigrations),
    migrationTableName: MIGRATION_TABLE, migrationLockTableName: 'lightpath_migrations_lock',
  });
  const { error, results } = options.upTo ? await migrator.migrateTo(options.upTo) : await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Database migration ${failed ?? ''} failed: ${(error as Error).message ?? String(error)}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
