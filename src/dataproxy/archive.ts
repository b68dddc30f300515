// A whole directory as a tar stream, produced as it is read (the archive is never held whole).
// Like `tar -czf - <name>` run from the parent: the top entry is the directory's name.
// Symlinks are stored as symlinks (their target text), never followed, so nothing outside the
// directory is read; FIFOs, sockets and devices are skipped; unreadable entries are skipped.
// Every directory is held open while it is walked and its entries are reached through that
// descriptor; every entry opened is checked to lie inside the top directory before it is written,
// so a directory swapped for a symlink mid-walk cannot smuggle outside files in (audit A1).
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, finished } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { endOfArchive, entryHeader, padding } from './tar-writer.ts';
import { isMissing } from './paths.ts';
import { gzipMembers } from './parallel-gzip.ts';
import type { GzipPool } from './gzip-pool.ts';
import { entryIn, openedInside } from '../platform/storage/descriptor-paths.ts';
import type { HeldDirectory } from '../platform/storage/descriptor-paths.ts';

type Log = Pick<FastifyBaseLogger, 'warn'>;

const NO_FOLLOW = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW;

/**
 * Opens a directory that must lie inside `root` (real paths): `reach` is how to get to it (for a
 * walked entry, through its parent's descriptor), `real` the real path it should have. Null when
 * it is gone, is no directory, or is not inside `root` any more.
 */
export async function holdDirectory(root: string, reach: string, real: string): Promise<HeldDirectory | null> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(reach, NO_FOLLOW | fs.constants.O_DIRECTORY);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  if (await openedInside(handle, root, real)) return { handle, path: real };
  await handle.close();
  return null;
}

async function* tarDirectory(top: HeldDirectory, topName: string, log: Log, started: () => void): AsyncGenerator<Buffer> {
  started();
  try {
    const info = await top.handle.stat();
    yield entryHeader({ name: topName, type: 'directory', mode: info.mode, size: 0, mtime: info.mtime });
    yield* walk(top, top.path, topName, log);
    yield endOfArchive();
  } finally {
    await top.handle.close();
  }
}

async function* walk(dir: HeldDirectory, root: string, prefix: string, log: Log): AsyncGenerator<Buffer> {
  let names: string[];
  try {
    names = (await fsp.readdir(entryIn(dir))).sort();
  } catch (error) {
    if (!isMissing(error)) throw error;
    log.warn({ dir: dir.path, err: error }, 'archive: directory not readable, skipped');
    return;
  }
  for (const name of names) {
    const reach = entryIn(dir, name);
    const real = path.join(dir.path, name);
    const inArchive = `${prefix}/${name}`;
    let info: fs.Stats;
    try {
      info = await fsp.lstat(reach);
    } catch (error) {
      if (isMissing(error)) continue; // removed while we were walking
      throw error;
    }
    if (info.isDirectory()) {
      const child = await holdDirectory(root, reach, real);
      if (child === null) {
        log.warn({ dir: real }, 'archive: directory changed or left the key\'s directory, skipped');
        continue;
      }
      try {
        const held = await child.handle.stat();
        yield entryHeader({ name: inArchive, type: 'directory', mode: held.mode, size: 0, mtime: held.mtime });
        yield* walk(child, root, inArchive, log);
      } finally {
        await child.handle.close();
      }
    } else if (info.isSymbolicLink()) {
      const target = await fsp.readlink(reach).catch(() => null);
      if (target !== null) yield entryHeader({ name: inArchive, type: 'symlink', mode: info.mode, size: 0, mtime: info.mtime, linkTarget: target });
    } else if (info.isFile()) {
      yield* fileEntry(root, reach, real, inArchive, log);
    }
  }
}

async function* fileEntry(root: string, reach: string, real: string, inArchive: string, log: Log): AsyncGenerator<Buffer> {
  let handle: fsp.FileHandle;
  try {
    // O_NOFOLLOW: the entry was a regular file a moment ago; if it became a symlink, skip it.
    handle = await fsp.open(reach, NO_FOLLOW | fs.constants.O_NONBLOCK);
  } catch (error) {
    log.warn({ file: real, err: error }, 'archive: file not readable, skipped');
    return;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return;
    if (!(await openedInside(handle, root, real))) {
      log.warn({ file: real }, 'archive: file left the key\'s directory while it was read, skipped');
      return;
    }
    // The header promises exactly `size` bytes: a file that grows is cut there, one that
    // shrinks is padded with zeros, so the archive stays well-formed while data is being written.
    const size = info.size;
    yield entryHeader({ name: inArchive, type: 'file', mode: info.mode, size, mtime: info.mtime });
    let sent = 0;
    if (size > 0) {
      for await (const chunk of handle.createReadStream({ start: 0, end: size - 1, autoClose: false })) {
        sent += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    }
    for (let missing = size - sent; missing > 0; missing -= 65536) yield Buffer.alloc(Math.min(missing, 65536));
    yield padding(size);
  } finally {
    await handle.close();
  }
}

/**
 * The held directory as a .tar.gz byte stream (it is closed when the stream ends), gzipped on the
 * pool's workers as a series of members; errors end the stream (and so the HTTP answer).
 */
export function tarGzStream(top: HeldDirectory, topName: string, pool: GzipPool, log: Log): NodeJS.ReadableStream & Readable {
  let walking = false;
  const entries = tarDirectory(top, topName, log, () => (walking = true));
  const stream = Readable.from(gzipMembers(entries, pool), { objectMode: false });
  finished(stream, (error) => {
    // A walk that started closes the directory itself; one that never did (the client left at once) cannot.
    if (!walking) void top.handle.close().catch(() => {});
    if (error && (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') log.warn({ dir: top.path, err: error }, 'archive: stream failed');
  });
  return stream;
}
