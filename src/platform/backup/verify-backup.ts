// Checks that a backup is whole before anything is restored from it: every file and the database
// dump match the manifest's sizes and checksums, and this Lightpath knows the backup's schema.
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseKind } from '../../config.ts';
import { migrations } from '../db/migrations/index.ts';
import { BackupError } from './backup-error.ts';
import { isBackup, listBackups } from './backup-directories.ts';
import { checksumOf } from './checksums.ts';
import { filePath } from './copy-files.ts';
import { readManifest } from './manifest.ts';
import type { Manifest } from './manifest.ts';

/** The backup SRC names: itself, or the newest backup in a folder of backups. */
export function backupDirectory(source: string): string {
  if (isBackup(source)) return source;
  const newest = listBackups(source).at(-1);
  if (!newest) throw new BackupError(`${source} is not a Lightpath backup, nor a folder that holds one`);
  return newest;
}

/** The manifest, once the schema is known to be one this Lightpath can run or migrate. */
export async function readRestorableManifest(directory: string, kind: DatabaseKind | null): Promise<Manifest> {
  const manifest = await readManifest(directory);
  const unknown = manifest.database.migrations.filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new BackupError(`the backup's database schema is newer than this Lightpath (${manifest.database.schema_version}, `
      + `from Lightpath ${manifest.lightpath_version}; unknown migrations: ${unknown.join(', ')}): restore it with that version or a newer one`);
  }
  if (kind !== null && manifest.database.kind !== kind) {
    const setting = manifest.database.kind === 'sqlite' ? 'leave DATABASE_URL unset (or sqlite:<file>)' : 'set DATABASE_URL to an empty PostgreSQL database';
    throw new BackupError(`the backup holds a ${manifest.database.kind} database and this configuration uses ${kind}: ${setting}`);
  }
  return manifest;
}

/** Every size and sha256 the manifest gives, checked; the damage found, listed. */
export async function verifyChecksums(directory: string, manifest: Manifest): Promise<void> {
  const problems: string[] = [];
  const check = async (file: string, label: string, expected: { size: number; sha256: string }) => {
    if (!fs.existsSync(file)) return void problems.push(`${label} is missing`);
    const actual = await checksumOf(file);
    if (actual.size !== expected.size || actual.sha256 !== expected.sha256) problems.push(`${label} does not match its checksum`);
  };
  await check(path.join(directory, manifest.database.dump.name), `the database dump ${manifest.database.dump.name}`, manifest.database.dump);
  for (const file of manifest.files) await check(filePath(directory, file.key), `files/${file.key}`, file);
  if (problems.length > 0) {
    throw new BackupError(`the backup ${directory} is damaged: ${problems.slice(0, 5).join('; ')}`
      + `${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}: nothing was restored; restore an earlier backup`);
  }
}
