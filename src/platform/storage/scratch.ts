// Scratch directories for work in progress (a pipeline run, a frame being downloaded), under the
// system's temporary directory (TMPDIR). Each is named after the process that made it, so a
// process starting up can remove what a killed one left behind (half-written videos, downloads)
// without touching the work of processes still running on this machine.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isRunning } from './partial-files.ts';

const PREFIX = 'lightpath-';
const OWNED = /^lightpath-(\d+)-[a-z]+-/;

/** A new empty directory for `purpose` (lower-case letters), owned by this process. */
export function makeScratchDir(purpose: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `${PREFIX}${process.pid}-${purpose}-`));
}

export async function removeScratchDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/**
 * Removes the scratch directories of processes that no longer run, and this process's own: call
 * it at start-up, before any work begins (a container restarts with the same process id).
 * Returns how many were removed.
 */
export async function removeAbandonedScratch(): Promise<number> {
  const base = os.tmpdir();
  let removed = 0;
  for (const name of await fs.readdir(base).catch(() => [] as string[])) {
    const owner = OWNED.exec(name);
    if (!owner) continue;
    const pid = Number(owner[1]);
    if (pid !== process.pid && isRunning(pid)) continue;
    await removeScratchDir(path.join(base, name));
    removed++;
  }
  return removed;
}
