// Checking a path and then opening it by name races with anyone who can rename a directory on
// the way and put a symlink in its place: O_NOFOLLOW guards only the last component. So whoever
// serves a stored file asks the open descriptor itself where it is before sending a byte, and
// reaches a directory's entries through the directory's descriptor, never by its name again.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

const PROC_FD = '/proc/self/fd';
// Linux shows every descriptor's path under /proc; elsewhere a narrower check stands in.
const procAvailable = fs.existsSync(PROC_FD);

export function isInside(parent: string, candidate: string): boolean {
  return candidate === parent || candidate.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

/**
 * True when the open file or directory lies inside `root` (a real path; pass the file's own real
 * path to demand exactly that file). `opened` is the real path it was opened by, used only where
 * /proc is missing: it must still lead, through no symlink, to this very inode.
 */
export async function openedInside(handle: fsp.FileHandle, root: string, opened: string): Promise<boolean> {
  if (procAvailable) {
    const where = await fsp.readlink(`${PROC_FD}/${handle.fd}`).catch(() => null);
    return where !== null && isInside(root, where);
  }
  const real = await fsp.realpath(opened).catch(() => null);
  if (real !== opened || !isInside(root, real)) return false;
  const [held, named] = await Promise.all([handle.stat(), fsp.stat(real).catch(() => null)]);
  return named !== null && held.dev === named.dev && held.ino === named.ino;
}

/** A directory held open, with the real path it was opened by. */
export interface HeldDirectory {
  handle: fsp.FileHandle;
  path: string;
}

/**
 * A path that reaches `name` inside a held directory without resolving the directory's own path
 * again (on Linux through its descriptor, like openat(2)); renaming the directory or replacing
 * it by a symlink cannot redirect it. Without /proc, the directory's path.
 */
export function entryIn(directory: HeldDirectory, name = ''): string {
  const base = procAvailable ? `${PROC_FD}/${directory.handle.fd}` : directory.path;
  return name === '' ? base : `${base}/${name}`;
}
