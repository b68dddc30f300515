// Frame previews are decoded and rendered on worker threads, so the server keeps answering while
// a 6-megapixel frame renders. Workers start on the first request and live until the server
// closes; a worker that dies fails only its own jobs and is replaced.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderJob, RenderOutcome } from './render-job.ts';
import type { FrameJob, WorkerReply } from './frame-worker.ts';
import type { ValuesJob, ValuesOutcome } from './values-job.ts';

const BOOT_URL = new URL('../../platform/tsx-worker-boot.mjs', import.meta.url);
const WORKER_ENTRY = new URL('./frame-worker.ts', import.meta.url).href;

interface PoolWorker {
  thread: Worker;
  jobs: Map<number, { resolve: (outcome: RenderOutcome | ValuesOutcome) => void; reject: (error: Error) => void }>;
  /** The frame of its last job: the worker keeps it decoded (recent-frame.ts). */
  lastFrame: string;
}

/** One worker less than the cores (the event loop keeps one), at least 1, at most 4. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

export class FrameRenderPool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly size = defaultWorkerCount()) {}

  render(job: RenderJob): Promise<RenderOutcome> {
    return this.submit(job) as Promise<RenderOutcome>;
  }

  values(job: ValuesJob): Promise<ValuesOutcome> {
    return this.submit(job) as Promise<ValuesOutcome>;
  }

  private submit(job: FrameJob): Promise<RenderOutcome | ValuesOutcome> {
    if (this.closed) return Promise.reject(new Error('the frame render pool is closed'));
    const frame = `${job.dir}\0${job.relative}`;
    const worker = this.keeping(frame) ?? this.leastBusy();
    worker.lastFrame = frame;
    const id = this.nextId++;
    return new Promise<RenderOutcome | ValuesOutcome>((resolve, reject) => {
      worker.jobs.set(id, { resolve, reject });
      // Referenced while it has work: a process awaiting a frame must not end for want of handles.
      worker.thread.ref();
      worker.thread.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.thread.terminate()));
    for (const worker of workers) this.failAll(worker, new Error('the frame render pool closed'));
  }

  /** A worker whose last job was this frame (it has the frame decoded already), unless it has a queue. */
  private keeping(frame: string): PoolWorker | undefined {
    return this.workers.find((worker) => worker.lastFrame === frame && worker.jobs.size <= 1);
  }

  private leastBusy(): PoolWorker {
    if (this.workers.length < this.size && this.workers.every((worker) => worker.jobs.size > 0)) return this.start();
    return this.workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
  }

  private start(): PoolWorker {
    // execArgv []: an inherited `--import tsx` (tests) would register tsx twice.
    const thread = new Worker(BOOT_URL, { workerData: { entry: WORKER_ENTRY }, execArgv: [] });
    const worker: PoolWorker = { thread, jobs: new Map(), lastFrame: '' };
    thread.on('message', (reply: WorkerReply) => {
      const job = worker.jobs.get(reply.id);
      if (!job) return;
      worker.jobs.delete(reply.id);
      if (worker.jobs.size === 0) worker.thread.unref();
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve(reply.outcome);
    });
    const retire = (error: Error) => {
      const index = this.workers.indexOf(worker);
      if (index >= 0) this.workers.splice(index, 1);
      this.failAll(worker, error);
    };
    thread.on('error', retire);
    thread.on('exit', (code) => retire(new Error(`frame worker stopped (exit code ${code})`)));
    // Idle workers must not keep a finished process alive.
    thread.unref();
    this.workers.push(worker);
    return worker;
  }

  private failAll(worker: PoolWorker, error: Error): void {
    for (const job of worker.jobs.values()) job.reject(error);
    worker.jobs.clear();
  }
}
