/**
 * Renders a thumbnail on a worker thread of its own, started for that one file and ended after
 * it (the thread is started the way the timelapse's frame workers are, from their boot file).
 */
import { Worker } from 'node:worker_threads';

export interface ThumbnailWork {
  source: { path: string; name: string };
  size: number;
}

export type ThumbnailReply =
  | { png: Uint8Array; error?: undefined }
  | { png?: undefined; error: { message: string; fileProblem: boolean } };

/** The file cannot be rendered (not an image, damaged): trying again will not help. */
export class UnrenderableFile extends Error {
  override readonly name = 'UnrenderableFile';
}

const BOOT_URL = new URL('../timelapse/frame-worker-boot.mjs', import.meta.url);
const WORKER_ENTRY = new URL('./worker.ts', import.meta.url).href;

export function renderInWorker(work: ThumbnailWork, signal?: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    // execArgv [] : an inherited `--import tsx` (tests) would register tsx twice.
    const thread = new Worker(BOOT_URL, { workerData: { entry: WORKER_ENTRY, work }, execArgv: [] });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
      void thread.terminate();
    };
    const onAbort = () => settle(() => reject(signal!.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    thread.on('message', (reply: ThumbnailReply) => settle(() => {
      if (reply.png) resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
      else reject(reply.error.fileProblem ? new UnrenderableFile(reply.error.message) : new Error(reply.error.message));
    }));
    thread.on('error', (error) => settle(() => reject(error)));
    thread.on('exit', (code) => settle(() => reject(new Error(`thumbnail worker stopped (exit code ${code})`))));
  });
}
