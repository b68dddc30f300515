// Opening the files a frame is read from, confined to the key's directory like `raw`: the path is
// resolved inside the directory, and the opened descriptor is checked to be that file before a
// byte is read (a directory on the way may be swapped for a symlink meanwhile). Each file read is
// stamped (size, mtime, inode) so a cached rendering can tell when its sources changed.
//
// Frame worker threads open and check their files with blocking calls: a worker serves one job
// at a time, so blocking holds up no other request, and the chain of asynchronous calls it
// replaces cost about half a millisecond of thread-pool round trips per frame. The preview cache,
// on the server's own thread, checks stamps with asynchronous calls (sourcesHold).
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../../platform/storage/descriptor-paths.ts';
import { isMissing } from '../../platform/storage/fs-errors.ts';
import { realpathOrNull } from '../paths.ts';

export interface SourceStamp {
  /** Real path of the file. */
  path: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

export interface OpenedSource {
  fd: number;
  stamp: SourceStamp;
  /** A path that reaches the opened file itself (its descriptor on Linux), for libraries that open by name. */
  reopenPath: string;
  close: () => void;
}

const PROC_FD = '/proc/self/fd';
// Linux shows every descriptor's path under /proc; elsewhere a narrower check stands in.
const procAvailable = fs.existsSync(PROC_FD);

/** The real path of `relative` inside `realDir` (real itself), or null when missing or leading outside (as existingInside, blocking). */
export function realInside(realDir: string, relative: string): string | null {
  if (relative.includes('\0')) return null;
  const joined = path.join(realDir, relative.replace(/^\/+/, ''));
  if (!isInside(realDir, joined)) return null;
  const real = realpathNow(joined);
  return real !== null && isInside(realDir, real) ? real : null;
}

function statNow(target: string): fs.Stats | null {
  try {
    return fs.statSync(target);
  } catch {
    return null;
  }
}

function realpathNow(target: string): string | null {
  try {
    return fs.realpathSync.native(target);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** The opened descriptor is the file at `real`, inside `root` (as openedInside, blocking). */
function descriptorInside(fd: number, root: string, real: string, info: fs.Stats): boolean {
  if (procAvailable) {
    try {
      return isInside(root, fs.readlinkSync(`${PROC_FD}/${fd}`));
    } catch {
      return false;
    }
  }
  const named = realpathNow(real) === real ? statNow(real) : null;
  return named !== null && isInside(root, real) && named.dev === info.dev && named.ino === info.ino;
}

/** The regular file `relative` inside `realDir`, opened; null when it is missing, not a file, or leads outside. */
export function openInside(realDir: string, relative: string): OpenedSource | null {
  const real = realInside(realDir, relative);
  if (real === null) return null;
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO left in a data directory must not hang a render.
    fd = fs.openSync(real, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  const info = fs.fstatSync(fd);
  if (!info.isFile() || !descriptorInside(fd, realDir, real, info)) {
    fs.closeSync(fd);
    return null;
  }
  return {
    fd,
    stamp: { path: real, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino },
    reopenPath: procAvailable ? `${PROC_FD}/${fd}` : real,
    close: () => fs.closeSync(fd),
  };
}

/** True when the stamped file is still there: reached through no symlink (real path unchanged), the same size, mtime and inode. */
function stillStamped(stamp: SourceStamp, real: string | null, info: fs.Stats | null): boolean {
  return real === stamp.path && info !== null && info.isFile() && info.size === stamp.size && info.mtimeMs === stamp.mtimeMs && info.ino === stamp.ino;
}

/**
 * Each source is still the stamped file, reached through no symlink, inside `dir`. All files are
 * checked at once (one real path and one stat each): a cached preview is answered after this check alone.
 */
export async function sourcesHold(dir: string, sources: SourceStamp[]): Promise<boolean> {
  if (!sources.every((source) => isInside(dir, source.path))) return false;
  const checks = await Promise.all(sources.map((source) => Promise.all([realpathOrNull(source.path).catch(() => null), fsp.stat(source.path).catch(() => null)])));
  return checks.every(([real, info], i) => stillStamped(sources[i], real, info));
}

/** sourcesHold with blocking calls, for a frame worker thread. */
export function sourcesHoldNow(dir: string, sources: SourceStamp[]): boolean {
  return sources.every((source) => {
    if (!isInside(dir, source.path)) return false;
    let real: string | null;
    try {
      real = fs.realpathSync.native(source.path);
    } catch {
      real = null;
    }
    return stillStamped(source, real, statNow(source.path));
  });
}
