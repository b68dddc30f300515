// `lightpath backup`: the database snapshot first, then exactly the files it names. When an upload
// or delete under way makes the two disagree, a fresh snapshot is taken (a few times, waiting a
// little longer each time) so the backup never keeps a row without its file or a file without its row.
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.ts';
import type { FileStore } from '../storage/file-store.ts';
import { BackupError } from './backup-error.ts';
import { isBackup, listBackups, newBackupName } from './backup-directories.ts';
import { checksumOf } from './checksums.ts';
import { copyReferencedFiles, removeUnnamedFiles } from './copy-files.ts';
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
  /** Snapshots to try before giving up on one that agrees with the file store. */
  attempts?: number;
  /** Told of each snapshot that had to be taken again, and why. */
  onRetry?: (problems: string[], attempt: number) => void;
}

export interface BackupResult {
  directory: string;
  manifest: Manifest;
  linked: number;
}

export async function writeBackup(config: Pick<Config, 'database'>, store: FileStore, options: BackupOptions): Promise<BackupResult> {
  const attempts = options.attempts ?? 8;
  await fsp.mkdir(options.destination, { recursive: true });
  const previous = await previousBackup(options);
  const name = newBackupName(options.destination);
  const staging = path.join(options.destination, `.${name}.partial`);
  await fsp.mkdir(staging);
  try {
    const dump = dumpName(config);
    const target: BackedUpFiles = { directory: staging, files: new Map() };
    for (let attempt = 1; ; attempt++) {
      const contents = await snapshotDatabase(config, path.join(staging, dump));
      const outcome = await copyReferencedFiles(store, contents.references, target, previous);
      if (outcome.problems.length === 0) {
        await removeUnnamedFiles(staging, new Set(outcome.files.map((f) => f.key)));
        const sum = await checksumOf(path.join(staging, dump));
        const manifest: Manifest = {
          format: FORMAT, format_version: FORMAT_VERSION, lightpath_version: lightpathVersion(), created_at: new Date().toISOString(),
          database: {
            kind: contents.kind, schema_version: contents.migrations[contents.migrations.length - 1] ?? '', migrations: contents.migrations,
            dump: { name: dump, size: sum.size, sha256: sum.sha256 }, row_counts: contents.rowCounts,
          },
          files: outcome.files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
          linked_from: previous ? path.basename(previous.directory) : null,
        };
        await writeManifest(staging, manifest);
        const directory = path.join(options.destination, name);
        await fsp.rename(staging, directory);
        return { directory, manifest, linked: outcome.linked };
      }
      if (attempt >= attempts) {
        throw new BackupError(`the database and the file store disagreed in each of ${attempts} snapshots, most recently: `
          + `${outcome.problems.slice(0, 3).join('; ')}${outcome.problems.length > 3 ? ` (and ${outcome.problems.length - 3} more)` : ''}. `
          + 'If uploads or deletions were under way, run the backup again; if the same files are named each time, they are missing from the store');
      }
      options.onRetry?.(outcome.problems, attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** (attempt - 1), 4000)));
    }
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
