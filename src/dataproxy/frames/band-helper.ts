// A frame worker's second pair of hands: one helper thread, started on first use, that renders a
// band of a preview while the frame worker renders the other. Until the helper has loaded, or if
// it cannot start or fails, the frame worker renders the band itself: a preview never waits or
// fails for want of a helper.
import { Worker } from 'node:worker_threads';
import type { BandReply } from './band-worker.ts';
import { renderBand } from './preview-band.ts';
import type { BandTask } from './preview-band.ts';
import type { PngBand } from './png.ts';

const BOOT_URL = new URL('../../platform/tsx-worker-boot.mjs', import.meta.url);
const WORKER_ENTRY = new URL('./band-worker.ts', import.meta.url).href;

let helper: Worker | null = null;
let helperReady = false;
const waiting = new Map<number, { resolve: (band: PngBand) => void; reject: (error: Error) => void }>();
let nextId = 0;

/** Starts the helper loading, so that it is ready by the time the first preview is split. */
export function startBandHelper(): void {
  started();
}

function started(): Worker {
  if (helper !== null) return helper;
  // execArgv []: an inherited `--import tsx` would register tsx twice.
  const thread = new Worker(BOOT_URL, { workerData: { entry: WORKER_ENTRY }, execArgv: [] });
  thread.on('message', (reply: BandReply) => {
    if ('ready' in reply) {
      helperReady = true;
      return;
    }
    const job = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) thread.unref();
    if ('error' in reply) job?.reject(new Error(reply.error));
    else job?.resolve(reply);
  });
  const retire = (error: Error) => {
    if (helper === thread) [helper, helperReady] = [null, false];
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  };
  thread.on('error', retire);
  thread.on('exit', (code) => retire(new Error(`band helper stopped (exit code ${code})`)));
  thread.unref();
  helper = thread;
  return thread;
}

/** Starts rendering `task` on the helper thread; call `.finish()` once this thread's own work is done. */
export function bandElsewhere(task: BandTask): { finish: () => Promise<PngBand> } {
  const id = nextId++;
  const sent = new Promise<PngBand>((resolve, reject) => {
    try {
      const thread = started();
      if (!helperReady) throw new Error('the band helper is still loading');
      waiting.set(id, { resolve, reject });
      thread.ref();
      thread.postMessage({ id, task });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  // Caught now (not only when finished) so a failure meanwhile is not an unhandled rejection.
  const settled = sent.then((band) => ({ band }), () => ({ band: null }));
  return { finish: async () => (await settled).band ?? renderBand(task) };
}
