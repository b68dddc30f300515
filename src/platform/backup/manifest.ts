// The manifest.json of a backup: what it holds and the checksums that prove it is whole. Restore
// trusts nothing in a backup directory that this file does not describe and vouch for.
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseKind } from '../../config.ts';
import { checkKey } from '../storage/file-store.ts';
import { BackupError } from './backup-error.ts';
import type { LeftOutRow } from './file-references.ts';

export const MANIFEST_NAME = 'manifest.json';
export const FORMAT = 'lightpath-backup';
export const FORMAT_VERSION = 1;

export interface ManifestFile {
  /** The file store key; the copy is at files/<key> in the backup. */
  key: string;
  size: number;
  sha256: string;
  /** The stored file's modification time (ISO): with the size, how the next backup knows it unchanged. */
  modified_at: string;
}

export interface Manifest {
  format: typeof FORMAT;
  format_version: number;
  lightpath_version: string;
  created_at: string;
  database: {
    kind: DatabaseKind;
    /** The last migration applied; every applied migration in order. */
    schema_version: string;
    migrations: string[];
    /** The dump's name in the backup directory, its size and checksum. */
    dump: { name: string; size: number; sha256: string };
    /** Counted in the dump. */
    row_counts: Record<string, number>;
    /** Rows in the dump whose files were mid-upload or mid-delete; restore removes them. */
    left_out: LeftOutRow[];
  };
  files: ManifestFile[];
  /** The earlier backup whose unchanged files were hard-linked, if any. */
  linked_from: string | null;
}

export async function writeManifest(directory: string, manifest: Manifest): Promise<void> {
  const file = path.join(directory, MANIFEST_NAME);
  await fsp.writeFile(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  await fsp.rename(`${file}.tmp`, file);
}

/** Reads and checks a manifest's shape; anything unexpected is a BackupError naming the problem. */
export async function readManifest(directory: string): Promise<Manifest> {
  const file = path.join(directory, MANIFEST_NAME);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fsp.readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BackupError(`${directory} is not a Lightpath backup: it has no ${MANIFEST_NAME}`);
    throw new BackupError(`${file} is damaged: ${(error as Error).message}`);
  }
  const problem = shapeProblem(parsed);
  if (problem) throw new BackupError(`${file} is damaged: ${problem}`);
  return parsed as Manifest;
}

const SHA256 = /^[0-9a-f]{64}$/;
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

function shapeProblem(value: unknown): string | null {
  const m = value as Manifest;
  if (typeof m !== 'object' || m === null || m.format !== FORMAT) return 'it is not a Lightpath backup manifest';
  if (m.format_version !== FORMAT_VERSION) {
    return `its format version is ${String(m.format_version)}, this Lightpath reads version ${FORMAT_VERSION}: restore it with the Lightpath that wrote it (${String(m.lightpath_version)})`;
  }
  const d = m.database;
  if (typeof d !== 'object' || d === null || (d.kind !== 'sqlite' && d.kind !== 'postgres')) return 'database.kind must be sqlite or postgres';
  if (!Array.isArray(d.migrations) || d.migrations.length === 0 || !d.migrations.every((n) => typeof n === 'string')) return 'database.migrations must list the applied migrations';
  if (d.schema_version !== d.migrations[d.migrations.length - 1]) return 'database.schema_version is not the last of database.migrations';
  if (typeof d.dump !== 'object' || d.dump === null || typeof d.dump.name !== 'string' || !/^[\w.-]+$/.test(d.dump.name)
    || !isCount(d.dump.size) || !SHA256.test(String(d.dump.sha256))) return 'database.dump must give a plain file name, size and sha256';
  if (typeof d.row_counts !== 'object' || d.row_counts === null || !Object.values(d.row_counts).every(isCount)) return 'database.row_counts must map tables to counts';
  if (!Array.isArray(d.left_out) || !d.left_out.every((r) => typeof r === 'object' && r !== null && r.table === 'data_products' && Number.isSafeInteger(r.id))) {
    return 'database.left_out must list data_products rows by id';
  }
  if (!Array.isArray(m.files)) return 'files must be a list';
  for (const f of m.files) {
    if (typeof f !== 'object' || f === null || !isCount(f.size) || !SHA256.test(String(f.sha256)) || typeof f.modified_at !== 'string') {
      return 'each entry of files needs key, size, sha256 and modified_at';
    }
    try {
      checkKey(f.key);
    } catch {
      return `files names "${String(f.key)}", which is not a file store key`;
    }
  }
  return null;
}
