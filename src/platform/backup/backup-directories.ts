// Where backups live: `lightpath backup DEST` writes DEST/<UTC time>/ (through a hidden
// ".<name>.partial" folder renamed once complete), so DEST holds a series of whole backups.
import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST_NAME } from './manifest.ts';

const BACKUP_NAME = /^\d{8}T\d{6}Z(-\d+)?$/;

/** A name for a new backup in `parent` taken at `now`: 20261207T103422Z (with -2, -3… if taken). */
export function newBackupName(parent: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let name = stamp;
  for (let n = 2; fs.existsSync(path.join(parent, name)); n++) name = `${stamp}-${n}`;
  return name;
}

/** The complete backups in `parent`, oldest first. */
export function listBackups(parent: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return [];
  }
  return names.filter((name) => BACKUP_NAME.test(name) && fs.existsSync(path.join(parent, name, MANIFEST_NAME)))
    .sort().map((name) => path.join(parent, name));
}

export function isBackup(directory: string): boolean {
  return fs.existsSync(path.join(directory, MANIFEST_NAME));
}
