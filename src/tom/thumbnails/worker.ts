/**
 * Worker-thread side of a thumbnail: renders the one file it was started for and posts the PNG
 * back (transferred, not copied), or why the file cannot be rendered. Decoding a large frame
 * takes a tenth of a second or more of CPU, which must not stall the server's requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isFileProblem, renderThumbnail } from './render.ts';
import type { ThumbnailReply, ThumbnailWork } from './in-worker.ts';

if (!parentPort) throw new Error('thumbnails/worker.ts runs as a worker thread');
const port = parentPort;
const work = (workerData as { work: ThumbnailWork }).work;

try {
  const png = await renderThumbnail(work.source, work.size);
  const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  port.postMessage({ png: bytes } satisfies ThumbnailReply, [bytes.buffer as ArrayBuffer]);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  port.postMessage({ error: { message, fileProblem: isFileProblem(error) } } satisfies ThumbnailReply);
}
