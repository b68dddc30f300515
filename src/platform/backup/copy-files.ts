// Copies the files a database snapshot names into a backup. A file unchanged since the previous
// backup (same key, size and modification time: the store replaces files, never edits them) is
// hard-linked from it instead of copied. A row whose file is missing, or not the size the row
// records, was being uploaded or deleted as the snapshot was taken: it is left out (restore
// removes it) rather than kept without its file, and so are rows whose file vanishes mid-copy.
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { FileStore } from '../storage/file-store.ts';
import { checkKey } from '../storage/file-store.ts';
import { copyWithChecksum } from './checksums.ts';
import type { FileReference, LeftOutRow } from './file-references.ts';
import type { ManifestFile } from './manifest.ts';

/** Files already in a backup directory, by key. */
export interface BackedUpFiles {
  directory: string;
  files: Map<string, ManifestFile>;
}

export interface CopyOutcome {
  files: ManifestFile[];
  leftOut: LeftOutRow[];
  linked: number;
}

export const filePath = (directory: string, key: string) => path.join(directory, 'files', ...checkKey(key));

export async function copyReferencedFiles(store: FileStore, references: FileReference[], directory: string, previous: BackedUpFiles | null): Promise<CopyOutcome> {
  const byRow = new Map<string, FileReference[]>();
  for (const reference of references) {
    const id = `${reference.row.table}:${reference.row.id}`;
    byRow.set(id, [...(byRow.get(id) ?? []), reference]);
  }
  const outcome: CopyOutcome = { files: [], leftOut: [], linked: 0 };
  for (const rowReferences of byRow.values()) {
    const copied: ManifestFile[] = [];
    let linked = 0;
    let problem: string | null = null;
    for (const reference of rowReferences) {
      const result = await copyOne(store, reference, directory, previous);
      if (typeof result === 'string') {
        problem = result;
        break;
      }
      copied.push(result.file);
      if (result.linked) linked++;
    }
    if (problem === null) {
      outcome.files.push(...copied);
      outcome.linked += linked;
    } else {
      for (const file of copied) await fsp.rm(filePath(directory, file.key), { force: true });
      outcome.leftOut.push({ ...rowReferences[0].row, reason: problem });
    }
  }
  return outcome;
}

/** Copies or links one file; a string says why the row that names it cannot be kept. */
async function copyOne(store: FileStore, reference: FileReference, directory: string, previous: BackedUpFiles | null): Promise<{ file: ManifestFile; linked: boolean } | string> {
  const { key, owner } = reference;
  const info = await store.stat(key);
  if (!info) return `${owner} names ${key}, which is not in the file store (being uploaded or deleted)`;
  if (reference.size !== null && info.size !== reference.size) return `${key} of ${owner} was still being written`;
  const modifiedAt = info.modifiedAt.toISOString();
  const destination = filePath(directory, key);
  const earlier = previous?.files.get(key);
  if (earlier && earlier.size === info.size && earlier.modified_at === modifiedAt && (await linkFile(filePath(previous!.directory, key), destination, info.size))) {
    return { file: earlier, linked: true };
  }
  let copied;
  try {
    copied = await copyWithChecksum(await store.read(key), destination);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await fsp.rm(destination, { force: true });
    return `${key} of ${owner} was deleted during the backup`;
  }
  if (copied.size !== info.size) return `${key} of ${owner} changed during the backup`;
  await fsp.utimes(destination, info.modifiedAt, info.modifiedAt);
  return { file: { key, size: info.size, sha256: copied.sha256, modified_at: modifiedAt }, linked: false };
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
