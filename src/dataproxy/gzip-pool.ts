// Worker threads that gzip blocks, shared by every archive download of the process. Workers start
// with the first block and live until the server closes; a worker that dies fails only the blocks
// it held and is replaced by the next one needed. Each worker is handed at most two blocks at a
// time (one being compressed, one waiting, so it never idles for a round trip); the rest wait
// here in arrival order, so concurrent downloads share the workers fairly, and a download that
// ends can take its waiting blocks back (cancel) before any worker spends time on them.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GzipReply, GzipRequest } from './gzip-worker.ts';

const BOOT_URL = new URL('../platform/tsx-worker-boot.mjs', import.meta.url);
const WORKER_ENTRY = new URL('./gzip-worker.ts', import.meta.url).href;
const BLOCKS_PER_WORKER = 2;
/** The level `gzip` and `tar czf` use by default. */
export const GZIP_LEVEL = 6;

interface Job {
  id: number;
  block: Uint8Array;
  owner: object;
  resolve: (member: Buffer) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  thread: Worker;
  held: Map<number, Job>;
}

export class GzipPool {
  private readonly workers: PoolWorker[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size = os.availableParallelism(), private readonly level = GZIP_LEVEL) {}

  /** How many blocks one download may have in work: enough to keep every worker busy on its own. */
  get window(): number {
    return this.size * BLOCKS_PER_WORKER;
  }

  /**
   * The block as one complete gzip member. The pool takes the block's memory (its ArrayBuffer is
   * moved to a worker), so the caller must own all of it and not touch it again. `owner` names the
   * download, for cancel().
   */
  gzip(block: Uint8Array, owner: object): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('the gzip pool is closed'));
    return new Promise<Buffer>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, block, owner, resolve, reject });
      this.dispatch();
    });
  }

  /** Drops the owner's blocks that no worker has started; blocks in a worker's hands finish. */
  cancel(owner: object): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      if (this.waiting[i].owner !== owner) continue;
      const [job] = this.waiting.splice(i, 1);
      job.reject(new Error('the archive download ended'));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.thread.terminate()));
    const error = new Error('the gzip pool closed');
    for (const worker of workers) this.failHeld(worker, error);
    for (const job of this.waiting.splice(0)) job.reject(error);
  }

  private dispatch(): void {
    while (this.waiting.length > 0 && !this.closed) {
      const worker = this.freeWorker();
      if (!worker) return;
      const job = this.waiting.shift()!;
      worker.held.set(job.id, job);
      // Referenced while it has work: a process awaiting a block must not end for want of handles.
      worker.thread.ref();
      worker.thread.postMessage({ id: job.id, block: job.block, level: this.level } satisfies GzipRequest, [job.block.buffer as ArrayBuffer]);
    }
  }

  /** The least busy worker with room for a block, starting another while all have work. */
  private freeWorker(): PoolWorker | undefined {
    if (this.workers.length < this.size && this.workers.every((worker) => worker.held.size > 0)) return this.start();
    const least = this.workers.reduce<PoolWorker | undefined>((a, b) => (a === undefined || b.held.size < a.held.size ? b : a), undefined);
    return least !== undefined && least.held.size < BLOCKS_PER_WORKER ? least : undefined;
  }

  private start(): PoolWorker {
    // execArgv []: an inherited `--import tsx` (tests) would register tsx twice.
    const thread = new Worker(BOOT_URL, { workerData: { entry: WORKER_ENTRY }, execArgv: [] });
    const worker: PoolWorker = { thread, held: new Map() };
    thread.on('message', (reply: GzipReply) => {
      const job = worker.held.get(reply.id);
      if (!job) return;
      worker.held.delete(reply.id);
      if (worker.held.size === 0) thread.unref();
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve(Buffer.from(reply.member.buffer, reply.member.byteOffset, reply.member.byteLength));
      this.dispatch();
    });
    const retire = (error: Error) => {
      const index = this.workers.indexOf(worker);
      if (index >= 0) this.workers.splice(index, 1);
      this.failHeld(worker, error);
      this.dispatch();
    };
    thread.on('error', retire);
    thread.on('exit', (code) => retire(new Error(`gzip worker stopped (exit code ${code})`)));
    // Idle workers must not keep a finished process alive.
    thread.unref();
    this.workers.push(worker);
    return worker;
  }

  private failHeld(worker: PoolWorker, error: Error): void {
    for (const job of worker.held.values()) job.reject(error);
    worker.held.clear();
  }
}
