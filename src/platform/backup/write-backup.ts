// `lightpath backup`: the database snapshot first, then exactly the files its rows name, so that
// nothing written after the snapshot gets in and nothing it names is missing. Rows whose files
// were mid-upload or mid-delete at the snapshot are listed in the manifest as left out.
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.ts';
import type { FileStore } from '../storage/file-store.ts';
import { BackupError } from './backup-error.ts';
import { isBackup, listBackups, newBackupName } from './backup-directories.ts';
import { checksumOf } from './checksums.ts';
import { copyReferencedFiles } from './copy-files.ts';
import type { BackedUpFiles } from './copy-files.ts';
import { dumpName, snapshotDatabase } from './database-snapshot.ts';
import { lightpathVersion } from './lightpath-version.ts';
import { FORMAT, FORMAT_VERSION, readManifest, writeManifest } from './manifest.ts';
import type { Manifest } from './manifest.ts';

export interface BackupOptions {
  /** The folder that holds the series of backups; this one goes into a new folder inside it. */
  destination: string;
  /** Link unchanged files from this backup instead of the newest one in `destination`. */
  linkDest?: string | null;
}

export interface BackupResult {
  directory: string;
  manifest: Manifest;
  linked: number;
}

export async function writeBackup(config: Pick<Config, 'database'>, store: FileStore, options: BackupOptions): Promise<BackupResult> {
  await fsp.mkdir(options.destination, { recursive: true });
  const previous = await previousBackup(options);
  const name = newBackupName(options.destination);
  const staging = path.join(options.destination, `.${name}.partial`);
  await fsp.mkdir(staging);
  try {
    const dump = dumpName(config);
    const contents = await snapshotDatabase(config, path.join(staging, dump));
    const copied = await copyReferencedFiles(store, contents.references, staging, previous);
    const sum = await checksumOf(path.join(staging, dump));
    const manifest: Manifest = {
      format: FORMAT, format_version: FORMAT_VERSION, lightpath_version: lightpathVersion(), created_at: new Date().toISOString(),
      database: {
        kind: contents.kind, schema_version: contents.migrations[contents.migrations.length - 1], migrations: contents.migrations,
        dump: { name: dump, size: sum.size, sha256: sum.sha256 }, row_counts: contents.rowCounts, left_out: copied.leftOut,
      },
      files: copied.files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
      linked_from: previous ? path.basename(previous.directory) : null,
    };
    await writeManifest(staging, manifest);
    const directory = path.join(options.destination, name);
    await fsp.rename(staging, directory);
    return { directory, manifest, linked: copied.linked };
  } catch (error) {
    await fsp.rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function previousBackup(options: BackupOptions): Promise<BackedUpFiles | null> {
  const directory = options.linkDest ?? listBackups(options.destination).at(-1) ?? null;
  if (directory === null) return null;
  if (!isBackup(directory)) throw new BackupError(`--link-dest ${directory} is not a Lightpath backup: it has no manifest.json`);
  const manifest = await readManifest(directory);
  return { directory, files: new Map(manifest.files.map((f) => [f.key, f])) };
}
