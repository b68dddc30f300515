// Gzip on every core: the byte stream is cut into blocks, the pool's workers deflate the blocks at
// the same time, and each comes back as a complete gzip member, sent in order. Members one after
// the other are one valid gzip file (RFC 1952: gunzip, `tar xzf` and Python's tarfile read them
// all), and restarting the dictionary every MiB costs a fraction of a percent in size.
// Memory stays bounded: a stream has at most pool.window blocks in work or waiting to be sent,
// and reading waits for the consumer beyond that (socket backpressure stops the walk).
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
 * The source gzipped as a series of members, in order. The source is read ahead of the consumer
 * (so reading, compressing and sending overlap) until pool.window blocks are in work or waiting
 * to be taken. When the consumer stops early (return or throw), reading stops, the source is
 * closed and the stream's blocks that no worker has started are dropped.
 */
export async function* gzipMembers(source: AsyncIterable<Buffer>, pool: GzipPool, blockBytes = BLOCK_BYTES): AsyncGenerator<Buffer> {
  const owner = {};
  const inWork: Promise<Buffer>[] = [];
  let stopped = false;
  let finished = false;
  let failure: { error: unknown } | null = null;
  // The reader waits while the window is full; the sender waits for the next block.
  const wake: { reader: (() => void) | null; sender: (() => void) | null } = { reader: null, sender: null };
  const submit = (block: Uint8Array) => {
    const member = pool.gzip(block, owner);
    member.catch(() => {}); // awaited in turn below; a failure ahead of its turn must not go unhandled
    inWork.push(member);
    wake.sender?.();
  };
  const reading = (async () => {
    try {
      let blocks = 0;
      for await (const block of blocksOf(source, blockBytes)) {
        submit(block);
        blocks++;
        while (inWork.length >= pool.window && !stopped) await new Promise<void>((resolve) => (wake.reader = resolve));
        if (stopped) break;
      }
      if (blocks === 0 && !stopped) submit(new Uint8Array(0)); // an empty source is still a valid (empty) gzip file
    } catch (error) {
      failure = { error };
    } finally {
      finished = true;
      wake.sender?.();
    }
  })();
  try {
    for (;;) {
      const next = inWork.shift();
      if (next !== undefined) {
        wake.reader?.();
        yield await next;
      } else if (failure !== null) {
        throw (failure as { error: unknown }).error;
      } else if (finished) {
        return;
      } else {
        await new Promise<void>((resolve) => (wake.sender = resolve));
      }
    }
  } finally {
    stopped = true;
    wake.reader?.();
    await reading; // the reader leaves its loop, which closes the source
    pool.cancel(owner);
  }
}
