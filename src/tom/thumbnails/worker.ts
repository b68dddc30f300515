/**
 * Worker-thread side of thumbnails: renders the files it is sent, one at a time, and posts each
 * PNG back (transferred, not copied), or why the file cannot be rendered. Decoding a large frame
 * takes a tenth of a second or more of CPU, which must not stall the server's requests.
 */
import { parentPort } from 'node:worker_threads';
import { isFileProblem, renderThumbnail } from './render.ts';
import type { ThumbnailReply, ThumbnailWork } from './in-worker.ts';

if (!parentPort) throw new Error('thumbnails/worker.ts runs as a worker thread');
const port = parentPort;

let queue: Promise<void> = Promise.resolve();
port.on('message', (message: { id: number; work: ThumbnailWork }) => {
  queue = queue.then(() => render(message.id, message.work));
});

async function render(id: number, work: ThumbnailWork): Promise<void> {
  try {
    const png = await renderThumbnail(work.source, work.size);
    const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
    // A small PNG may sit in node's shared buffer pool: copy it out rather than transfer the pool.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    port.postMessage({ id, png: own } satisfies ThumbnailReply, [own.buffer as ArrayBuffer]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ id, error: { message, fileProblem: isFileProblem(error) } } satisfies ThumbnailReply);
  }
}
