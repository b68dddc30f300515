// `lightpath restore`: into an empty data directory and database only, from a backup whose
// checksums all match; the database, then its files, then the migrations a newer Lightpath adds,
// then the removal of the rows the backup left out (their files were mid-upload or mid-delete).
import { createReadStream } from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { recountRows } from '../db/row-counts.ts';
import { BackupError } from './backup-error.ts';
import { copyWithChecksum } from './checksums.ts';
import { filePath } from './copy-files.ts';
import { removeLeftOutRows } from './file-references.ts';
import { inspectSqliteFile } from './database-snapshot.ts';
import type { Manifest } from './manifest.ts';
import { runPgTool } from './pg-tools.ts';
import { checkTargetIsEmpty, stagingFiles } from './restore-target.ts';
import { countRows } from './snapshot-contents.ts';
import { backupDirectory, readRestorableManifest, verifyChecksums } from './verify-backup.ts';

type RestoreConfig = Pick<Config, 'database' | 'dataDir'>;

export interface RestoreResult {
  directory: string;
  manifest: Manifest;
  /** Migrations applied after the restore (the backup was older than this Lightpath). */
  applied: string[];
}

/** Checks a backup without restoring it (`--verify`), for whichever database it holds. */
export async function verifyBackup(source: string): Promise<{ directory: string; manifest: Manifest }> {
  const directory = backupDirectory(source);
  const manifest = await readRestorableManifest(directory, null);
  await verifyChecksums(directory, manifest);
  return { directory, manifest };
}

export async function restoreBackup(config: RestoreConfig, source: string): Promise<RestoreResult> {
  const directory = backupDirectory(source);
  const manifest = await readRestorableManifest(directory, config.database.kind);
  await checkTargetIsEmpty(config);
  await verifyChecksums(directory, manifest);

  const staging = stagingFiles(config);
  await fsp.mkdir(staging, { recursive: true });
  try {
    await restoreFiles(directory, manifest, staging);
    await restoreDatabase(config, directory, manifest);
    await fsp.rename(staging, path.join(config.dataDir, 'files'));
  } catch (error) {
    await fsp.rm(staging, { recursive: true, force: true });
    throw error;
  }
  const database = openDatabase(config);
  try {
    const { applied } = await migrateToLatest(database.db, database.kind);
    await removeLeftOutRows(database.db, manifest.database.left_out);
    // The dump's counts match its rows, but a restore is where a hand-made or older dump would
    // bring rows in without their triggers: counting once here costs little.
    await recountRows(database.db, database.kind);
    return { directory, manifest, applied };
  } finally {
    await database.close();
  }
}

async function restoreFiles(directory: string, manifest: Manifest, staging: string): Promise<void> {
  for (const file of manifest.files) {
    const target = path.join(staging, ...file.key.split('/'));
    const copied = await copyWithChecksum(createReadStream(filePath(directory, file.key)), target);
    // Checked once already; checked again as copied, in case the backup changed in between.
    if (copied.sha256 !== file.sha256) throw new BackupError(`files/${file.key} changed while it was restored: nothing was restored`);
    await fsp.utimes(target, new Date(file.modified_at), new Date(file.modified_at));
  }
}

async function restoreDatabase(config: RestoreConfig, directory: string, manifest: Manifest): Promise<void> {
  const dump = path.join(directory, manifest.database.dump.name);
  if (config.database.kind === 'sqlite') {
    // Checked under a temporary name, so a refused copy never stands where the server looks.
    const file = config.database.sqliteFile;
    const partial = `${file}.restoring`;
    await fsp.mkdir(path.dirname(file), { recursive: true });
    await fsp.copyFile(dump, partial);
    try {
      checkCounts(manifest, (await inspectSqliteFile(partial)).rowCounts);
      await fsp.rename(partial, file);
    } finally {
      await fsp.rm(partial, { force: true });
    }
    return;
  }
  // One transaction: a dump that fails part way leaves the database empty.
  await runPgTool('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', dump], config.database.url);
  const database = openDatabase(config, { poolSize: 1 });
  try {
    checkCounts(manifest, await countRows(database.db, 'postgres'), 'drop and re-create the database before trying again');
  } finally {
    await database.close();
  }
}

function checkCounts(manifest: Manifest, counts: Record<string, number>, then = ''): void {
  const expected = manifest.database.row_counts;
  const differ = [...new Set([...Object.keys(expected), ...Object.keys(counts)])].filter((table) => expected[table] !== counts[table]);
  if (differ.length > 0) {
    throw new BackupError(`the restored database does not have the rows the manifest counts (${differ.slice(0, 3)
      .map((t) => `${t}: ${counts[t] ?? 'no table'} instead of ${expected[t] ?? 'no table'}`).join(', ')})${then ? `: ${then}` : ''}`);
  }
}
