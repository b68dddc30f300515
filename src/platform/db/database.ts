// Opens the store of record: a SQLite file (embedded default) or PostgreSQL, behind one Kysely instance.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { LogEvent } from 'kysely';
import type { Config, DatabaseKind } from '../../config.ts';
import type { Database } from './schema.ts';
import { SqliteBooleanPlugin } from './sqlite-booleans.ts';
import { TableWritesPlugin } from './table-writes.ts';
import { withPlannedStatements } from './planned-statements.ts';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  /** PostgreSQL's connection pool, for its counts in /metrics; SQLite has one connection and none. */
  pool?: Pick<pg.Pool, 'totalCount' | 'idleCount' | 'waitingCount' | 'options'>;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT columns come back from pg as strings; every such value we store fits a double.
pg.types.setTypeParser(20, (value) => Number(value));

// Sees every query of every database opened here: set only by scripts/record-hot-path-queries.ts,
// which records the queries a release runs so the next release's schema can be tested with them.
let queryObserver: ((event: LogEvent) => void) | null = null;

export function observeQueries(observer: ((event: LogEvent) => void) | null): void {
  queryObserver = observer;
}

export interface OpenDatabaseOptions {
  poolSize?: number;
  /** Told of each query run (and each that failed). */
  log?: (event: LogEvent) => void;
}

export function openDatabase(config: Pick<Config, 'database'>, options: OpenDatabaseOptions = {}): DatabaseHandle {
  const log = options.log ?? ((event: LogEvent) => queryObserver?.(event));
  if (config.database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.database.url, max: options.poolSize ?? 10 });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withPlannedStatements(pool) }), plugins: [new TableWritesPlugin()], log });
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  const file = config.database.sqliteFile;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new SqliteBooleanPlugin(), new TableWritesPlugin()], log });
  return { db, kind: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew, and preparing is a good part of a small query's cost in
 * SQLite. Statements are reusable (queries here run to completion before the next starts), so
 * they are kept by their SQL text, a bounded number of them.
 */
function withStatementCache(sqlite: SQLite.Database, limit = 1000) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SQLite.Statement {
      let statement = statements.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        if (statements.size >= limit) statements.delete(statements.keys().next().value!);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}
