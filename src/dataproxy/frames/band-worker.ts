// The band helper thread of a frame worker: renders the bands of previews it is sent (the frame's
// pixels arrive in shared memory, not copied) and posts each PNG piece back transferred.
import { parentPort } from 'node:worker_threads';
import { renderBand } from './preview-band.ts';
import type { BandTask } from './preview-band.ts';

if (!parentPort) throw new Error('band-worker.ts runs as a worker thread');
const port = parentPort;

export type BandReply = { id: number; deflated: Uint8Array; adler: number; length: number } | { id: number; error: string } | { ready: true };

port.on('message', ({ id, task }: { id: number; task: BandTask }) => {
  try {
    const band = renderBand(task);
    port.postMessage({ id, ...band } satisfies BandReply, [band.deflated.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies BandReply);
  }
});

// Said once loaded: until then the frame worker renders both halves itself rather than wait.
port.postMessage({ ready: true } satisfies BandReply);
