// What the backup tests share: running `lightpath backup` and `lightpath restore` as an operator
// would, and reading a whole database (every table, every row) and a whole file store to compare.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../../src/config.ts';
import { openDatabase } from '../../../src/platform/db/database.ts';
import { listTables } from '../../../src/platform/backup/snapshot-contents.ts';
import type { TestDatabase } from '../../helpers/database.ts';
import { testEnv } from '../../helpers/platform.ts';
import { runLightpath } from '../../helpers/processes.ts';

export type Rows = Record<string, unknown>[];

export async function backupOf(database: TestDatabase, destination: string, args: string[] = []) {
  const result = await runLightpath(['backup', destination, ...args], testEnv(database));
  // The folder is printed on its own line (stderr may name rows left out).
  const directory = result.output.split('\n').filter((line) => line.startsWith(`${destination}/`)).at(-1) ?? '';
  return { ...result, directory };
}

export const restoreInto = (database: TestDatabase, source: string, args: string[] = []) => runLightpath(['restore', source, ...args], testEnv(database));

export const readManifest = (directory: string) => JSON.parse(fs.readFileSync(path.join(directory, 'manifest.json'), 'utf8'));

/** Every row of every table, each table's rows in a stable order. */
export async function allRows(database: TestDatabase): Promise<Record<string, Rows>> {
  const config = loadConfig(testEnv(database));
  const handle = openDatabase(config, { poolSize: 1 });
  try {
    const tables: Record<string, Rows> = {};
    for (const table of await listTables(handle.db, handle.kind)) {
      const [schema, name] = table.includes('.') ? table.split('.') : [null, table];
      const ref = schema ? sql`${sql.id(schema)}.${sql.id(name)}` : sql.id(name);
      const rows = (await sql<Record<string, unknown>>`select * from ${ref}`.execute(handle.db)).rows;
      tables[table] = rows.map((row) => ({ ...row })).sort((a, b) => compareText(JSON.stringify(a), JSON.stringify(b)));
    }
    return tables;
  } finally {
    await handle.close();
  }
}

/**
 * The kept row counts as one total per counter: on PostgreSQL they are spread over slots by the
 * transactions that wrote them, and a restore recounts them into one, so only the totals compare.
 */
export function rowCountTotals(all: Record<string, Rows>): Record<string, Rows> {
  const totals: Record<string, unknown> = {};
  for (const row of all.row_counts ?? []) {
    for (const [column, value] of Object.entries(row)) if (column !== 'slot') totals[column] = Number(totals[column] ?? 0) + Number(value);
  }
  return { ...all, row_counts: [totals] };
}

/** The file store's files: key → sha256 (half-written files are not files). */
export function storedFiles(dataDir: string): Map<string, string> {
  const root = path.join(dataDir, 'files');
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith('.part')) files.set(path.relative(root, full).split(path.sep).join('/'), sha256(fs.readFileSync(full)));
    }
  };
  walk(root);
  return files;
}

export const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
