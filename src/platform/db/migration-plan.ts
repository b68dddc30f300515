// What `lightpath migrate` would do, without doing it (`--dry-run`): the pending migrations, what
// each is for (the comment at the top of its file) and the SQL it runs on this database. The SQL
// comes from running the migrations where nothing is kept: on PostgreSQL inside a transaction
// that is rolled back, on SQLite against an in-memory copy of the schema (SQLite migrations may
// manage their own transactions, and no rows need copying to see the statements).
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { LogEvent } from 'kysely';
import type { DatabaseKind } from '../../config.ts';
import { openDatabase } from './database.ts';
import type { DatabaseHandle } from './database.ts';
import { MIGRATION_TABLE } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import type { Migration } from './migrations/index.ts';
import { SqliteBooleanPlugin } from './sqlite-booleans.ts';
import { releaseOf } from './releases.ts';

export interface PlannedMigration {
  name: string;
  /** The release that ships it, or null when it is not released yet. */
  release: string | null;
  description: string;
  statements: string[];
}

export interface MigrationPlan {
  pending: PlannedMigration[];
  /** Applied migrations this code does not know: the database was migrated by a newer Lightpath. */
  unknown: string[];
}

class RolledBack extends Error {}

/** Names of the migrations already applied ([] for an empty database). */
export async function appliedMigrations(database: DatabaseHandle): Promise<string[]> {
  const tables = await database.db.introspection.getTables();
  if (!tables.some((t) => t.name === MIGRATION_TABLE)) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(database.db);
  return rows.rows.map((r) => r.name);
}

export async function planMigrations(database: DatabaseHandle, postgresUrl: string): Promise<MigrationPlan> {
  const applied = new Set(await appliedMigrations(database));
  const unknown = [...applied].filter((name) => !(name in migrations));
  const pendingNames = Object.keys(migrations).filter((name) => !applied.has(name));
  const statements = pendingNames.length === 0 ? new Map<string, string[]>()
    : database.kind === 'postgres'
      ? await statementsOnPostgres(postgresUrl, pendingNames)
      : await statementsOnSchemaCopy(database, pendingNames);
  return {
    unknown,
    pending: pendingNames.map((name) => ({ name, release: releaseOf(name), description: describe(name), statements: statements.get(name) ?? [] })),
  };
}

/** Runs the migrations in order on `db`, collecting each one's SQL. */
async function recordEach(names: string[], kind: DatabaseKind, open: (onQuery: (event: LogEvent) => void) => Kysely<any>,
  run: (db: Kysely<any>, apply: (db: Kysely<any>) => Promise<void>) => Promise<void>): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  let current: string[] = [];
  const db = open((event) => {
    if (event.level === 'query') current.push(event.query.sql);
  });
  try {
    await run(db, async (target) => {
      for (const name of names) {
        current = [];
        found.set(name, current);
        await (migrations[name] as Migration).up(target, kind);
      }
    });
  } finally {
    await db.destroy();
  }
  return found;
}

async function statementsOnPostgres(url: string, names: string[]): Promise<Map<string, string[]>> {
  return recordEach(names, 'postgres', (onQuery) => {
    const { db } = openDatabase({ database: { kind: 'postgres', url, sqliteFile: '' } }, { poolSize: 1, log: onQuery });
    return db;
  }, async (db, apply) => {
    try {
      await db.transaction().execute(async (trx) => {
        // A dry run must not hold up the running servers for long behind a table lock.
        await sql`set local lock_timeout = '5s'`.execute(trx);
        await apply(trx);
        throw new RolledBack();
      });
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
  });
}

async function statementsOnSchemaCopy(database: DatabaseHandle, names: string[]): Promise<Map<string, string[]>> {
  const schema = await sql<{ sql: string }>`
    select sql from sqlite_master where sql is not null and name not like 'sqlite_%'
    order by case type when 'table' then 0 when 'index' then 1 when 'view' then 2 else 3 end, rowid`.execute(database.db);
  return recordEach(names, 'sqlite', (onQuery) => {
    const copy = new SQLite(':memory:');
    for (const row of schema.rows) copy.exec(row.sql);
    return new Kysely({ dialect: new SqliteDialect({ database: copy }), plugins: [new SqliteBooleanPlugin()], log: onQuery });
  }, (db, apply) => apply(db));
}

/** The comment block at the top of a migration's file, as one paragraph. */
function describe(name: string): string {
  const file = path.join(import.meta.dirname, 'migrations', `${name}.ts`);
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('//')) break;
    lines.push(line.replace(/^\/\/\s?/, ''));
  }
  return lines.join(' ').trim();
}
