// Streams one file from disk: whole or a single byte range, or a .gz file decompressed on the fly.
// The caller has already confined the path; the opened descriptor is checked to be that very file
// before a byte is sent (a directory on the way may have been swapped for a symlink meanwhile).
// Nothing here is buffered whole.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseRange } from './byte-range.ts';
import { contentTypeFor } from './content-types.ts';
import { isMissing } from '../storage/fs-errors.ts';
import { openedInside } from '../storage/descriptor-paths.ts';
import { sendfileBody } from './sendfile-body.ts';

// Files are read in large chunks: with the stream's default 64 KiB, a 1 GiB download takes 16,384
// reads, callbacks and socket writes, and costs the server twice the CPU (docs/benchmarks.md). A
// download holds only a few chunks at a time, so memory stays bounded per client.
const CHUNK_BYTES = 2 * 1024 * 1024;

/** Everything but pictures and sound: a sandbox with no origin, where nothing can run or load. */
const SANDBOXED = "sandbox; default-src 'none'";
// Pictures, video and sound opened directly: a browser's own viewer or player shows them, loading
// only the file itself. No sandbox, because its opaque origin makes Chromium refuse the video; no
// script can run either way (default-src 'none'). SVG is a document that can run script: sandboxed.
const VIEWABLE = "default-src 'none'; img-src 'self'; media-src 'self'";

export function securityPolicyFor(contentType: string): string {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type.endsWith('+xml')) return SANDBOXED;
  return /^(image|video|audio)\//.test(type) ? VIEWABLE : SANDBOXED;
}

/** Headers on every data file handed out: files are data, never active content on our origin. */
export function dataHeaders(reply: FastifyReply, contentType = 'application/octet-stream'): FastifyReply {
  return reply.header('x-content-type-options', 'nosniff').header('content-security-policy', securityPolicyFor(contentType))
    .header('content-type', contentType);
}

/** The regular file at `realPath` opened for reading, checked by its descriptor to be that very file; null when it is not one. */
export async function openRegularFile(realPath: string): Promise<{ handle: fsp.FileHandle; size: number; modified: Date } | null> {
  let handle: fsp.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO someone left in a data directory must not hang the request.
    handle = await fsp.open(realPath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'EISDIR' || (error as NodeJS.ErrnoException).code === 'ENXIO') return null;
    throw error;
  }
  const info = await handle.stat();
  if (!info.isFile() || !(await openedInside(handle, realPath, realPath))) {
    await handle.close();
    return null;
  }
  return { handle, size: info.size, modified: info.mtime };
}

/**
 * Sends the regular file at `realPath`, honouring a single Range; false (nothing sent) when it is
 * not a regular file. `typeName` picks the Content-Type (the name the client asked for).
 */
export async function sendFile(request: FastifyRequest, reply: FastifyReply, realPath: string, typeName = realPath): Promise<boolean> {
  const opened = await openRegularFile(realPath);
  if (opened === null) return false;
  const { handle, size, modified } = opened;
  dataHeaders(reply, contentTypeFor(typeName)).header('accept-ranges', 'bytes').header('last-modified', modified.toUTCString());
  const range = parseRange(request.headers.range, size);
  if (range.kind === 'unsatisfiable') {
    await handle.close();
    reply.code(416).header('content-range', `bytes */${size}`).header('content-type', 'application/json; charset=utf-8');
    reply.send({ detail: `Requested range not satisfiable (the file has ${size} bytes).` });
    return true;
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
  if (range.kind === 'partial') reply.code(206).header('content-range', `bytes ${start}-${end}/${size}`);
  reply.header('content-length', String(size === 0 ? 0 : end - start + 1));
  if (request.method === 'HEAD' || size === 0) {
    await handle.close();
    reply.send();
    return true;
  }
  const readFrom = (position: number) => handle.createReadStream({ start: position, end, autoClose: true, highWaterMark: CHUNK_BYTES });
  // On a plain TCP connection the kernel sends the bytes (sendfile-body.ts); else, or as its fallback, Node streams them.
  reply.send(sendfileBody(request, reply, handle, start, end, readFrom) ?? readFrom(start));
  return true;
}

/** Sends a .gz file decompressed, streamed (its size is unknown up front, so no ranges). */
export async function sendGunzipped(request: FastifyRequest, reply: FastifyReply, realGzPath: string, typeName: string): Promise<boolean> {
  const opened = await openRegularFile(realGzPath);
  if (opened === null) return false;
  dataHeaders(reply, contentTypeFor(typeName)).header('accept-ranges', 'none')
    .header('last-modified', opened.modified.toUTCString());
  if (request.method === 'HEAD') {
    await opened.handle.close();
    reply.send();
    return true;
  }
  const source = opened.handle.createReadStream({ autoClose: true });
  const gunzip = zlib.createGunzip();
  // A corrupt file can only fail mid-answer: end the connection, and let go of the file.
  gunzip.on('error', () => source.destroy());
  source.on('error', (error) => gunzip.destroy(error));
  reply.send(source.pipe(gunzip));
  return true;
}
