// Copying a file while taking its sha256, and checking one later.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface Checksum {
  sha256: string;
  size: number;
}

/** Streams `source` into a new file at `target` (its folders made), and returns what was written. */
export async function copyWithChecksum(source: Readable, target: string): Promise<Checksum> {
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const hash = crypto.createHash('sha256');
  let size = 0;
  await pipeline(source, async function* (chunks: AsyncIterable<Buffer>) {
    for await (const chunk of chunks) {
      hash.update(chunk);
      size += chunk.length;
      yield chunk;
    }
  }, fs.createWriteStream(target, { flags: 'wx' }));
  return { sha256: hash.digest('hex'), size };
}

export async function checksumOf(file: string): Promise<Checksum> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}
