// Worker-thread side of the FITS viewer: answers each job it is sent, one at a time (it keeps one
// decoded image), and posts PNGs back transferred, not copied.
import { parentPort } from 'node:worker_threads';
import { imageJob } from './product-image-frame.ts';
import type { ImageJob, ImageOutcome } from './product-image-frame.ts';

if (!parentPort) throw new Error('product-image-worker.ts runs as a worker thread');
const port = parentPort;

export type ImageReply = { id: number; outcome: ImageOutcome } | { id: number; error: string };

let queue: Promise<void> = Promise.resolve();
port.on('message', ({ id, job }: { id: number; job: ImageJob }) => {
  queue = queue.then(async () => {
    try {
      const outcome = await imageJob(job);
      port.postMessage({ id, outcome } satisfies ImageReply, outcome.kind === 'png' ? [outcome.png.buffer as ArrayBuffer] : []);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies ImageReply);
    }
  });
});
