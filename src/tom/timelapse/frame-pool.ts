/**
 * Rendering frames on worker threads: each worker reads its FITS file itself, decodes,
 * stretches and resamples it, and transfers the small gray frame back. Decoding a 2048x2048
 * tile-compressed frame takes ~100 ms of CPU, several times what ffmpeg needs to encode the
 * result, so frames are decoded on every core while ffmpeg encodes the earlier ones.
 *
 * Each worker is given at most PER_WORKER frames at a time: one it decodes and one waiting
 * in its queue, so it never idles for a round trip, while memory stays bounded by the worker
 * count. Order is kept by the caller (it awaits frame i before writing it, while i+1.. are
 * already in work, never more than `capacity` at once).
 *
 * Workers start from frame-worker.ts bundled into plain JavaScript (frame-worker-module.ts);
 * the caller starts the pool as soon as it knows it wants one, before reading most headers.
 */
import { Worker } from 'node:worker_threads';
import { TimelapseError } from './errors.ts';
import { DEFAULT_GAMMA } from './gamma.ts';
import type { FrameSource } from './frame-scan.ts';
import type { FrameRecipe } from './render-frame.ts';
import { frameWorkerStart, type WorkerStart } from './frame-worker-module.ts';

export interface FrameJob {
  id: number;
  source: FrameSource;
  expected: { width: number; height: number };
  recipe: Omit<FrameRecipe, 'gamma'>;
  gammaValue: number;
}

export type FrameReply =
  | { id: number; pixels: Uint8Array; error?: undefined }
  | { id: number; pixels?: undefined; error: { timelapse: boolean; message: string; file?: string; stack?: string } };

interface Pending {
  resolve: (pixels: Uint8Array) => void;
  reject: (error: Error) => void;
  worker: PoolWorker;
}

/** Frames one worker holds at most: one in work, one queued behind it. */
export const PER_WORKER = 2;

interface PoolWorker {
  thread: Worker;
  busy: number;
}

export class FramePool {
  private readonly workers: PoolWorker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;
  private closed = false;

  /** A pool of `count` workers, once their code is ready. */
  static async start(count: number): Promise<FramePool> {
    return new FramePool(count, await frameWorkerStart());
  }

  private constructor(count: number, start: WorkerStart) {
    for (let i = 0; i < count; i++) {
      // execArgv [] : an inherited `--import tsx` (tests) would register tsx in every worker.
      const thread = new Worker(start.url, { workerData: start.workerData, execArgv: [] });
      const worker: PoolWorker = { thread, busy: 0 };
      thread.on('message', (reply: FrameReply) => this.settle(reply));
      // A crash (or an import failure) fails every frame that worker was given.
      thread.on('error', (error) => this.fail(worker, error));
      thread.on('exit', (code) => {
        if (!this.closed) this.fail(worker, new Error(`frame worker stopped (exit code ${code})`));
      });
      // Workers stay referenced for the pool's whole life (its owner always closes it), so the
      // process cannot end while a frame may still be on its way back.
      this.workers.push(worker);
    }
  }

  /** How many frames may be in work at once. */
  get capacity(): number {
    return this.workers.length * PER_WORKER;
  }

  /** Renders one frame on the least busy worker; refused when every worker already holds PER_WORKER. */
  render(source: FrameSource, expected: { width: number; height: number }, fullRecipe: FrameRecipe): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    const worker = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    if (worker.busy >= PER_WORKER) return Promise.reject(new Error(`frame pool full: ${this.capacity} frames already in work`));
    const id = this.nextId++;
    // The gamma table is rebuilt from its value on the other side: 64 KB not sent per frame.
    const { gamma: _table, ...recipe } = fullRecipe;
    const job: FrameJob = { id, source, expected, recipe, gammaValue: DEFAULT_GAMMA };
    worker.busy++;
    const result = new Promise<Uint8Array>((resolve, reject) => this.pending.set(id, { resolve, reject, worker }));
    worker.thread.postMessage(job);
    return result;
  }

  /** Stops every worker (frames still in work are dropped). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.thread.terminate()));
    for (const [id, job] of this.pending) {
      this.pending.delete(id);
      job.reject(new Error('frame pool closed'));
    }
  }

  private settle(reply: FrameReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    this.release(job.worker);
    if (reply.error) {
      const { timelapse, message, file, stack } = reply.error;
      const error = timelapse ? new TimelapseError(message, file) : new Error(message);
      if (stack) error.stack = stack;
      job.reject(error);
    } else {
      job.resolve(reply.pixels);
    }
  }

  private fail(worker: PoolWorker, error: Error): void {
    this.failure ??= error;
    for (const [id, job] of this.pending) {
      if (job.worker !== worker) continue;
      this.pending.delete(id);
      job.reject(error);
    }
    worker.busy = 0;
  }

  private release(worker: PoolWorker): void {
    worker.busy--;
  }
}
