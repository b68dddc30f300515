/**
 * Renders thumbnails on a worker thread, started the way the timelapse's frame workers are (from
 * their boot file) when the first thumbnail is asked for and kept for the next ones: starting a
 * thread costs far more than rendering a small frame. It renders one frame at a time, in order;
 * it holds the process open only while it has work, and ends after a minute without any.
 */
import { Worker } from 'node:worker_threads';

export interface ThumbnailWork {
  source: { path: string; name: string };
  size: number;
}

export type ThumbnailReply =
  | { id: number; png: Uint8Array; error?: undefined }
  | { id: number; png?: undefined; error: { message: string; fileProblem: boolean } };

/** The file cannot be rendered (not an image, damaged): trying again will not help. */
export class UnrenderableFile extends Error {
  override readonly name = 'UnrenderableFile';
}

const BOOT_URL = new URL('../timelapse/frame-worker-boot.mjs', import.meta.url);
const WORKER_ENTRY = new URL('./worker.ts', import.meta.url).href;
const IDLE_MS = 60_000;

interface Pending {
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

class ThumbnailThread {
  private thread: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private idle: NodeJS.Timeout | null = null;

  render(work: ThumbnailWork, signal?: AbortSignal): Promise<Buffer> {
    signal?.throwIfAborted();
    const thread = this.started();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      // An abort stops waiting; the thread finishes that frame and its answer is dropped.
      const onAbort = () => this.settle(id, () => reject(signal!.reason));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (png) => { signal?.removeEventListener('abort', onAbort); resolve(png); },
        reject: (error) => { signal?.removeEventListener('abort', onAbort); reject(error); },
      });
      thread.ref();
      thread.postMessage({ id, work });
    });
  }

  private started(): Worker {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (this.thread) return this.thread;
    // execArgv [] : an inherited `--import tsx` (tests) would register tsx twice.
    const thread = new Worker(BOOT_URL, { workerData: { entry: WORKER_ENTRY }, execArgv: [] });
    thread.on('message', (reply: ThumbnailReply) => this.settle(reply.id, (job) => {
      if (reply.png) job.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
      else job.reject(reply.error.fileProblem ? new UnrenderableFile(reply.error.message) : new Error(reply.error.message));
    }));
    // A crash fails the frames it had; the next thumbnail starts a fresh thread.
    const lost = (error: Error) => {
      if (this.thread !== thread) return;
      this.thread = null;
      for (const [id, job] of this.pending) {
        this.pending.delete(id);
        job.reject(error);
      }
    };
    thread.on('error', lost);
    thread.on('exit', (code) => lost(new Error(`thumbnail worker stopped (exit code ${code})`)));
    this.thread = thread;
    return thread;
  }

  private settle(id: number, outcome: (job: Pending) => void): void {
    const job = this.pending.get(id);
    if (!job) return;
    this.pending.delete(id);
    outcome(job);
    if (this.pending.size === 0 && this.thread) {
      this.thread.unref();
      const thread = this.thread;
      this.idle = setTimeout(() => {
        if (this.thread === thread && this.pending.size === 0) {
          this.thread = null;
          void thread.terminate();
        }
      }, IDLE_MS);
      this.idle.unref();
    }
  }
}

const shared = new ThumbnailThread();

export function renderInWorker(work: ThumbnailWork, signal?: AbortSignal): Promise<Buffer> {
  return shared.render(work, signal);
}
