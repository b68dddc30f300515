// A whole directory as a tar stream, produced as it is read (the archive is never held whole).
// Like `tar -czf - <name>` run from the parent: the top entry is the directory's name.
// Symlinks are stored as symlinks (their target text), never followed, so nothing outside the
// directory is read; FIFOs, sockets and devices are skipped; unreadable entries are skipped.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, pipeline } from 'node:stream';
import zlib from 'node:zlib';
import type { FastifyBaseLogger } from 'fastify';
import { endOfArchive, entryHeader, padding } from './tar-writer.ts';
import { isMissing } from './paths.ts';

type Log = Pick<FastifyBaseLogger, 'warn'>;

export async function* tarDirectory(realDir: string, topName: string, log: Log): AsyncGenerator<Buffer> {
  const top = await fsp.stat(realDir);
  yield entryHeader({ name: topName, type: 'directory', mode: top.mode, size: 0, mtime: top.mtime });
  yield* walk(realDir, topName, log);
  yield endOfArchive();
}

async function* walk(dir: string, prefix: string, log: Log): AsyncGenerator<Buffer> {
  let names: string[];
  try {
    names = (await fsp.readdir(dir)).sort();
  } catch (error) {
    if (!isMissing(error)) throw error;
    log.warn({ dir, err: error }, 'archive: directory not readable, skipped');
    return;
  }
  for (const name of names) {
    const full = path.join(dir, name);
    const inArchive = `${prefix}/${name}`;
    let info: fs.Stats;
    try {
      info = await fsp.lstat(full);
    } catch (error) {
      if (isMissing(error)) continue; // removed while we were walking
      throw error;
    }
    if (info.isDirectory()) {
      yield entryHeader({ name: inArchive, type: 'directory', mode: info.mode, size: 0, mtime: info.mtime });
      yield* walk(full, inArchive, log);
    } else if (info.isSymbolicLink()) {
      const target = await fsp.readlink(full).catch(() => null);
      if (target !== null) yield entryHeader({ name: inArchive, type: 'symlink', mode: info.mode, size: 0, mtime: info.mtime, linkTarget: target });
    } else if (info.isFile()) {
      yield* fileEntry(full, inArchive, log);
    }
  }
}

async function* fileEntry(full: string, inArchive: string, log: Log): AsyncGenerator<Buffer> {
  let handle: fsp.FileHandle;
  try {
    // O_NOFOLLOW: the entry was a regular file a moment ago; if it became a symlink, skip it.
    handle = await fsp.open(full, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (error) {
    log.warn({ file: full, err: error }, 'archive: file not readable, skipped');
    return;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return;
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

/** The directory as a .tar.gz byte stream; errors end the stream (and so the HTTP answer). */
export function tarGzStream(realDir: string, topName: string, log: Log): NodeJS.ReadableStream & Readable {
  const gzip = zlib.createGzip();
  pipeline(Readable.from(tarDirectory(realDir, topName, log), { objectMode: false }), gzip, (error) => {
    if (error && (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') log.warn({ dir: realDir, err: error }, 'archive: stream failed');
  });
  return gzip;
}
