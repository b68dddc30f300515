// Opening the files a frame is read from, confined to the key's directory like `raw`: the path is
// resolved inside the directory, and the opened descriptor is checked to be that file before a
// byte is read (a directory on the way may be swapped for a symlink meanwhile). Each file read is
// stamped (size, mtime, inode) so a cached rendering can tell when its sources changed.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { entryIn, isInside, openedInside } from '../../platform/storage/descriptor-paths.ts';
import { existingInside, realpathOrNull } from '../paths.ts';

export interface SourceStamp {
  /** Real path of the file. */
  path: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

export interface OpenedSource {
  handle: fsp.FileHandle;
  stamp: SourceStamp;
  /** A path that reaches the opened file itself (its descriptor on Linux), for libraries that open by name. */
  reopenPath: string;
}

/** The regular file `relative` inside `realDir`, opened; null when it is missing, not a file, or leads outside. */
export async function openInside(realDir: string, relative: string): Promise<OpenedSource | null> {
  const real = await existingInside(realDir, relative);
  if (real === null) return null;
  let handle: fsp.FileHandle;
  try {
    // O_NONBLOCK: a FIFO left in a data directory must not hang a render.
    handle = await fsp.open(real, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  const info = await handle.stat();
  if (!info.isFile() || !(await openedInside(handle, realDir, real))) {
    await handle.close();
    return null;
  }
  return {
    handle,
    stamp: { path: real, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino },
    reopenPath: entryIn({ handle, path: real }),
  };
}

/** True when `info` is the file stamped (same size, mtime and inode). */
function sameFile(info: fs.Stats | null, stamp: SourceStamp): boolean {
  return info !== null && info.isFile() && info.size === stamp.size && info.mtimeMs === stamp.mtimeMs && info.ino === stamp.ino;
}

/**
 * Each source is still the stamped file, reached through no symlink (real path unchanged), inside
 * `dir`. All files are checked at once (one real path and one stat each): a cached preview is
 * answered after this check alone.
 */
export async function sourcesHold(dir: string, sources: SourceStamp[]): Promise<boolean> {
  if (!sources.every((source) => isInside(dir, source.path))) return false;
  const checks = await Promise.all(sources.map((source) => Promise.all([realpathOrNull(source.path).catch(() => null), fsp.stat(source.path).catch(() => null)])));
  return checks.every(([real, info], i) => real === sources[i].path && sameFile(info, sources[i]));
}
