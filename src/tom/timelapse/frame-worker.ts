/**
 * Worker-thread side of the frame pool: renders the frames it is sent and posts the gray8
 * pixels back (transferred, not copied). Errors travel as plain data and are rebuilt by
 * the pool, so a TimelapseError stays a TimelapseError with its exact message.
 */
import { parentPort } from 'node:worker_threads';
import { TimelapseError } from './errors.ts';
import { gammaTable } from './gamma.ts';
import { renderFrame } from './render-frame.ts';
import type { FrameJob, FrameReply } from './frame-pool.ts';

if (!parentPort) throw new Error('frame-worker.ts runs as a worker thread');
const port = parentPort;

// One job at a time, even if several are queued: a worker holds one decoded frame at most.
let queue: Promise<void> = Promise.resolve();
port.on('message', (job: FrameJob) => {
  queue = queue.then(() => work(job));
});

async function work(job: FrameJob): Promise<void> {
  try {
    const pixels = await renderFrame(job.source, job.expected, { ...job.recipe, gamma: gammaTable(job.gammaValue) });
    const reply: FrameReply = { id: job.id, pixels };
    port.postMessage(reply, [pixels.buffer as ArrayBuffer]);
  } catch (error) {
    const reply: FrameReply = {
      id: job.id,
      error: {
        timelapse: error instanceof TimelapseError,
        message: error instanceof Error ? error.message : String(error),
        file: error instanceof TimelapseError ? error.file : undefined,
        stack: error instanceof Error ? error.stack : undefined,
      },
    };
    port.postMessage(reply);
  }
}
