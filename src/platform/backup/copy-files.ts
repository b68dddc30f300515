// Copies the files a database snapshot names into a backup. A file unchanged since the previous
// backup (same key, size and modification time: the store replaces files, never edits them) is
// hard-linked from it instead of copied. A named file that is missing, or whose size differs from
// its row's, means an upload or a delete was under way when the snapshot was taken: the caller
// takes a fresh snapshot rather than keep a row without its file.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { FileStore } from '../storage/file-store.ts';
import { checkKey } from '../storage/file-store.ts';
import { copyWithChecksum } from './checksums.ts';
import type { FileReference } from './file-references.ts';
import type { ManifestFile } from './manifest.ts';

/** Files already in a backup directory (an earlier backup's, or this one's from a previous attempt). */
export interface BackedUpFiles {
  directory: string;
  files: Map<string, ManifestFile>;
}

export interface CopyOutcome {
  files: ManifestFile[];
  /** Why this snapshot cannot be kept; empty when every file was copied. */
  problems: string[];
  linked: number;
}

export const filePath = (directory: string, key: string) => path.join(directory, 'files', ...checkKey(key));

export async function copyReferencedFiles(
  store: FileStore, references: FileReference[], target: BackedUpFiles, previous: BackedUpFiles | null,
): Promise<CopyOutcome> {
  const wanted = new Map<string, { reference: FileReference; size: number; modifiedAt: string }>();
  const problems: string[] = [];
  for (const reference of references) {
    const info = await store.stat(reference.key);
    if (!info) problems.push(`${reference.owner} names ${reference.key}, which is not in the file store`);
    else if (reference.size !== null && info.size !== reference.size) problems.push(`${reference.key} (${reference.owner}) is still being written`);
    else wanted.set(reference.key, { reference, size: info.size, modifiedAt: info.modifiedAt.toISOString() });
  }
  if (problems.length > 0) return { files: [], problems, linked: 0 };

  const files: ManifestFile[] = [];
  let linked = 0;
  for (const [key, { reference, size, modifiedAt }] of wanted) {
    const unchanged = (entry: ManifestFile | undefined) => entry !== undefined && entry.size === size && entry.modified_at === modifiedAt;
    const had = target.files.get(key);
    if (unchanged(had)) {
      files.push(had!);
      continue;
    }
    const destination = filePath(target.directory, key);
    await fsp.rm(destination, { force: true });
    const earlier = previous?.files.get(key);
    if (unchanged(earlier) && (await linkFile(filePath(previous!.directory, key), destination, size))) {
      linked++;
      files.push(earlier!);
      target.files.set(key, earlier!);
      continue;
    }
    const copied = await copyFromStore(store, key, destination);
    if (copied === null) return { files: [], problems: [`${key} (${reference.owner}) was deleted during the backup`], linked };
    if (copied.size !== size) return { files: [], problems: [`${key} (${reference.owner}) changed during the backup`], linked };
    const entry: ManifestFile = { key, size, sha256: copied.sha256, modified_at: modifiedAt };
    await fsp.utimes(destination, new Date(modifiedAt), new Date(modifiedAt));
    files.push(entry);
    target.files.set(key, entry);
  }
  return { files, problems: [], linked };
}

async function copyFromStore(store: FileStore, key: string, destination: string) {
  try {
    return await copyWithChecksum(await store.read(key), destination);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await fsp.rm(destination, { force: true });
    return null;
  }
}

/** Hard-links an earlier backup's copy; false when it is gone or altered, or links are impossible (another disk). */
async function linkFile(source: string, destination: string, size: number): Promise<boolean> {
  const info = await fsp.stat(source).catch(() => null);
  if (!info || info.size !== size) return false;
  await fsp.mkdir(path.dirname(destination), { recursive: true });
  try {
    await fsp.link(source, destination);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EXDEV' || code === 'EPERM' || code === 'EMLINK') return false;
    throw error;
  }
}

/** Removes files an earlier attempt copied that the final snapshot no longer names. */
export async function removeUnnamedFiles(directory: string, keep: Set<string>): Promise<void> {
  const root = path.join(directory, 'files');
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fsp.readdir(dir, { withFileTypes: true }).catch(() => [] as fs.Dirent[])) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (!keep.has(path.relative(root, full).split(path.sep).join('/'))) await fsp.rm(full, { force: true });
    }
  };
  await walk(root);
}
