// One consistent copy of the database, taken while servers keep writing, and what it holds read
// from that same copy: SQLite's online backup API into a file, or pg_dump (custom format) of a
// snapshot exported from the transaction that reads the contents.
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Config } from '../../config.ts';
import { openDatabase } from '../db/database.ts';
import { BackupError } from './backup-error.ts';
import { runPgTool } from './pg-tools.ts';
import { readSnapshotContents } from './snapshot-contents.ts';
import type { SnapshotContents } from './snapshot-contents.ts';

export function dumpName(config: Pick<Config, 'database'>): string {
  return config.database.kind === 'sqlite' ? 'database.sqlite' : 'database.pgdump';
}

export async function snapshotDatabase(config: Pick<Config, 'database'>, destination: string): Promise<SnapshotContents> {
  fs.rmSync(destination, { force: true });
  return config.database.kind === 'sqlite'
    ? snapshotSqlite(config.database.sqliteFile, destination)
    : snapshotPostgres(config, destination);
}

async function snapshotSqlite(sourceFile: string, destination: string): Promise<SnapshotContents> {
  if (!fs.existsSync(sourceFile)) throw new BackupError(`there is no database at ${sourceFile}: check LIGHTPATH_DATA_DIR (or DATABASE_URL)`);
  const source = new SQLite(sourceFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // All remaining pages in one step, under one read transaction: writers cannot restart it.
    await source.backup(destination, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  return inspectSqliteFile(destination);
}

/** Reads a SQLite copy's contents, after making it one self-contained file (no write-ahead log). */
export async function inspectSqliteFile(file: string): Promise<SnapshotContents> {
  const copy = new SQLite(file, { fileMustExist: true });
  copy.pragma('journal_mode = DELETE');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: copy }) });
  try {
    return await readSnapshotContents(db, 'sqlite');
  } finally {
    await db.destroy();
  }
}

async function snapshotPostgres(config: Pick<Config, 'database'>, destination: string): Promise<SnapshotContents> {
  const database = openDatabase(config, { poolSize: 1 });
  try {
    return await database.db.connection().execute(async (connection) => {
      await sql`begin isolation level repeatable read read only`.execute(connection);
      try {
        const exported = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(connection);
        const contents = await readSnapshotContents(connection, 'postgres');
        // pg_dump sees exactly what was just read, as long as this transaction stays open.
        await runPgTool('pg_dump', ['--format=custom', `--snapshot=${exported.rows[0].id}`, `--file=${destination}`], config.database.url);
        return contents;
      } finally {
        await sql`commit`.execute(connection);
      }
    });
  } finally {
    await database.close();
  }
}
