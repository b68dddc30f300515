// Worker-thread side of the gzip pool: each block it is sent becomes one complete gzip member
// (header, deflate data, CRC and length), posted back transferred, not copied.
import { parentPort } from 'node:worker_threads';
import zlib from 'node:zlib';

if (!parentPort) throw new Error('gzip-worker.ts runs as a worker thread');
const port = parentPort;

export interface GzipRequest { id: number; block: Uint8Array; level: number }
export type GzipReply = { id: number; member: Uint8Array } | { id: number; error: string };

port.on('message', ({ id, block, level }: GzipRequest) => {
  try {
    const member = zlib.gzipSync(block, { level });
    // A small result may sit in a shared allocation pool, which must not be transferred: copy it out.
    const own = member.byteOffset === 0 && member.byteLength === member.buffer.byteLength ? member : new Uint8Array(member);
    port.postMessage({ id, member: own } satisfies GzipReply, [own.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies GzipReply);
  }
});
