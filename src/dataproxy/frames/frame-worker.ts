// Worker-thread side of the frame render pool: renders each job it is sent, one at a time (a
// worker holds one decoded frame at most), and posts the PNG back transferred, not copied.
import { parentPort } from 'node:worker_threads';
import { startBandHelper } from './band-helper.ts';
import { renderJob } from './render-job.ts';
import type { RenderJob, RenderOutcome } from './render-job.ts';
import { valuesJob } from './values-job.ts';
import type { ValuesJob, ValuesOutcome } from './values-job.ts';

if (!parentPort) throw new Error('frame-worker.ts runs as a worker thread');
const port = parentPort;

export type FrameJob = RenderJob | ValuesJob;
export type WorkerReply = { id: number; outcome: RenderOutcome | ValuesOutcome } | { id: number; error: string };

startBandHelper();

let queue: Promise<void> = Promise.resolve();
port.on('message', ({ id, job }: { id: number; job: FrameJob }) => {
  queue = queue.then(async () => {
    try {
      const outcome = 'kind' in job ? await valuesJob(job) : await renderJob(job);
      port.postMessage({ id, outcome } satisfies WorkerReply, outcome.kind === 'png' ? [outcome.png.buffer as ArrayBuffer] : []);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
    }
  });
});
