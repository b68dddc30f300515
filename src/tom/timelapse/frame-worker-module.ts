/**
 * Where a frame worker thread starts from. Worker threads do not inherit the TypeScript
 * loader the server runs under; registering tsx in each worker (frame-worker-boot.mjs) costs
 * ~400 ms of CPU per worker, as much as decoding three or four big frames. So frame-worker.ts
 * and what it imports (FITS decoding and the renderer, node built-ins only) are bundled once
 * per process by esbuild into one plain JavaScript module, which a worker loads in ~50 ms.
 * Should bundling fail (or esbuild be missing), workers fall back to the tsx boot file.
 */
import { fileURLToPath } from 'node:url';

export interface WorkerStart {
  url: URL;
  workerData?: { entry: string };
}

const ENTRY = new URL('./frame-worker.ts', import.meta.url);
const BOOT: WorkerStart = { url: new URL('./frame-worker-boot.mjs', import.meta.url), workerData: { entry: ENTRY.href } };

let bundled: Promise<WorkerStart> | undefined;

export function frameWorkerStart(): Promise<WorkerStart> {
  bundled ??= bundle().catch(() => BOOT);
  return bundled;
}

async function bundle(): Promise<WorkerStart> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(ENTRY)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return { url: new URL(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`) };
}
