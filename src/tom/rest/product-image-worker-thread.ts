// The FITS viewer's worker thread, started on the first request: decoding and rendering stay off
// the event loop. One thread is enough (it keeps the image being looked at decoded, and a viewer
// asks for one thing at a time); one that dies fails its own jobs and the next job starts another.
import { Worker } from 'node:worker_threads';
import type { ImageJob, ImageOutcome } from './product-image-frame.ts';
import type { ImageReply } from './product-image-worker.ts';

const BOOT_URL = new URL('../../platform/tsx-worker-boot.mjs', import.meta.url);
const WORKER_ENTRY = new URL('./product-image-worker.ts', import.meta.url).href;

type Pending = Map<number, { resolve: (outcome: ImageOutcome) => void; reject: (error: Error) => void }>;

export class ProductImageWorker {
  private thread: Worker | null = null;
  private readonly pending: Pending = new Map();
  private nextId = 0;
  private closed = false;

  run(job: ImageJob): Promise<ImageOutcome> {
    if (this.closed) return Promise.reject(new Error('the FITS viewer worker is closed'));
    const thread = this.thread ?? this.start();
    const id = this.nextId++;
    return new Promise<ImageOutcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Referenced while it has work, so a process awaiting an answer does not end.
      thread.ref();
      thread.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const thread = this.thread;
    this.thread = null;
    await thread?.terminate();
    this.failAll(new Error('the FITS viewer worker closed'));
  }

  private start(): Worker {
    // execArgv []: an inherited `--import tsx` (tests) would register tsx twice.
    const thread = new Worker(BOOT_URL, { workerData: { entry: WORKER_ENTRY }, execArgv: [] });
    thread.on('message', (reply: ImageReply) => {
      const job = this.pending.get(reply.id);
      if (!job) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) thread.unref();
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve(reply.outcome);
    });
    const retire = (error: Error) => {
      if (this.thread === thread) this.thread = null;
      this.failAll(error);
    };
    thread.on('error', retire);
    thread.on('exit', (code) => retire(new Error(`FITS viewer worker stopped (exit code ${code})`)));
    thread.unref();
    this.thread = thread;
    return thread;
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}
