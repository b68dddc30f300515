// Gzip on every core: the byte stream is cut into blocks, the pool's workers deflate the blocks at
// the same time, and each comes back as a complete gzip member, sent in order. Members one after
// the other are one valid gzip file (RFC 1952: gunzip, `tar xzf` and Python's tarfile read them
// all), and restarting the dictionary every MiB costs a fraction of a percent in size.
// Memory stays bounded: a stream has at most pool.window blocks in work, and the next block is
// read only when its reader has taken the previous member (socket backpressure stops the walk).
import type { GzipPool } from './gzip-pool.ts';

export const BLOCK_BYTES = 1 << 20;

/** The source's bytes in blocks of exactly `size` (the last may be shorter), each in its own memory. */
export async function* blocksOf(source: AsyncIterable<Buffer>, size = BLOCK_BYTES): AsyncGenerator<Uint8Array> {
  // allocUnsafeSlow: a block of its own (never a slice of Node's shared pool), so it can be moved to a worker.
  let block = Buffer.allocUnsafeSlow(size);
  let filled = 0;
  for await (const chunk of source) {
    for (let taken = 0; taken < chunk.length;) {
      const copied = chunk.copy(block, filled, taken);
      taken += copied;
      filled += copied;
      if (filled === size) {
        yield block;
        block = Buffer.allocUnsafeSlow(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield block.subarray(0, filled);
}

/**
 * The source gzipped as a series of members, in order. When the consumer stops early (return or
 * throw), the source is closed and the stream's blocks that no worker has started are dropped.
 */
export async function* gzipMembers(source: AsyncIterable<Buffer>, pool: GzipPool, blockBytes = BLOCK_BYTES): AsyncGenerator<Buffer> {
  const owner = {};
  const inWork: Promise<Buffer>[] = [];
  const submit = (block: Uint8Array) => {
    const member = pool.gzip(block, owner);
    member.catch(() => {}); // awaited in turn below; a failure ahead of its turn must not go unhandled
    inWork.push(member);
  };
  try {
    let blocks = 0;
    for await (const block of blocksOf(source, blockBytes)) {
      submit(block);
      blocks++;
      if (inWork.length >= pool.window) yield await inWork.shift()!;
    }
    if (blocks === 0) submit(new Uint8Array(0)); // an empty source is still a valid (empty) gzip file
    while (inWork.length > 0) yield await inWork.shift()!;
  } finally {
    pool.cancel(owner);
  }
}
