// Files being written into the store are first written beside their final name as
// ".<name>.<owner>-<random>.part", then renamed into place. The owner part (this machine and
// process) lets a process starting up remove what a killed writer left behind, without touching
// files that live writers are still streaming, even on a store shared by several machines.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const HOST = crypto.createHash('sha256').update(os.hostname()).digest('hex').slice(0, 8);
const PARTIAL = /\.([0-9a-f]{8})-(\d+)-[0-9a-f]+\.part$/;
/** Partial files of other machines are removed once they have not changed for this long. */
const FOREIGN_AGE_MS = 24 * 3600 * 1000;
const STARTED_MS = Date.now() - process.uptime() * 1000;

/** The temporary name a write to `target` goes through. */
export function partialPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${HOST}-${process.pid}-${crypto.randomBytes(6).toString('hex')}.part`);
}

/** Stored files never start with "." (file names and keys are checked), partial files always do. */
export function isPartialName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.part');
}

/**
 * Removes, under `root`, the partial files of writers that no longer run: this machine's
 * processes that are gone (or this process's own, at start-up), and other machines' files
 * untouched for a day. Returns how many were removed.
 */
export async function removeAbandonedPartials(root: string): Promise<number> {
  let removed = 0;
  const walk = async (dir: string): Promise<void> => {
    const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => [] as fs.Dirent[]);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && isPartialName(entry.name) && (await abandoned(full, entry.name))) {
        await fsp.rm(full, { force: true });
        removed++;
      }
    }
  };
  await walk(root);
  return removed;
}

async function abandoned(file: string, name: string): Promise<boolean> {
  const info = await fsp.stat(file).catch(() => null);
  if (info === null) return false;
  const owner = PARTIAL.exec(name);
  if (!owner || owner[1] !== HOST) return Date.now() - info.mtimeMs > FOREIGN_AGE_MS;
  const pid = Number(owner[2]);
  // Same id as this process: an earlier process's (a restarted container) if older than this one.
  return pid === process.pid ? info.mtimeMs < STARTED_MS : !isRunning(pid);
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
