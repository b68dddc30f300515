// Restore only ever fills an empty place: it never mixes a backup with data already there.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { openDatabase } from '../db/database.ts';
import { BackupError } from './backup-error.ts';
import { listTables } from './snapshot-contents.ts';

export async function checkTargetIsEmpty(config: Pick<Config, 'database' | 'dataDir'>): Promise<void> {
  const entries = fs.existsSync(config.dataDir) ? fs.readdirSync(config.dataDir) : [];
  if (entries.length > 0) {
    throw new BackupError(`the data directory ${config.dataDir} is not empty (it holds ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}): `
      + 'restore into an empty one (set LIGHTPATH_DATA_DIR), or move what is there away first');
  }
  if (config.database.kind === 'sqlite') {
    const file = config.database.sqliteFile;
    if (fs.existsSync(file) && fs.statSync(file).size > 0) {
      throw new BackupError(`the database ${file} already exists: restore into a new file (DATABASE_URL=sqlite:<new path>), or move it away first`);
    }
    return;
  }
  const database = openDatabase(config, { poolSize: 1 });
  try {
    const tables = await listTables(database.db, 'postgres');
    if (tables.length > 0) {
      throw new BackupError(`the database named by DATABASE_URL is not empty (it has the tables ${tables.slice(0, 3).join(', ')}${tables.length > 3 ? ', …' : ''}): `
        + 'restore into a new, empty database (createdb one and point DATABASE_URL at it)');
    }
  } finally {
    await database.close();
  }
}

/** Where a restore puts files before they are complete; renamed to the store's folder at the end. */
export const stagingFiles = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, '.restoring-files');
