// Starts the servers under test as child processes, so load and server do not share an event loop.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/helpers/processes.ts';

const root = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  url: string;
  dataDir: string;
  pid: number;
  stop(): Promise<void>;
}

class PortTaken extends Error {}

async function waitForHttp(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}): ${stderr()}`);
    let status = 0;
    try {
      status = (await fetch(url, { signal: AbortSignal.timeout(5000) })).status;
    } catch {
      // not listening yet
    }
    if (status === 200) return;
    // Our servers only listen once ready: any other answer is from another process that took the port.
    if (status !== 0) throw new PortTaken(`${url} answered ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server at ${url} did not start: ${stderr()}`);
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function stopper(child: ChildProcess, dataDir: string | null): () => Promise<void> {
  return async () => {
    await kill(child);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

/**
 * Spawns a server on a free port, keeping the end of its stderr for messages. Other work on the
 * machine may take the port between freePort() and listen(), so that is retried on a new port.
 * On failure the server is stopped and `dataDir` removed.
 */
async function startChild(args: string[], env: Record<string, string>, readyPath: string, dataDir: string | null): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, args, { env: { ...process.env, PORT: String(port), LIGHTPATH_PROXY_PORT: String(port), ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let tail = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-2000);
    });
    try {
      await waitForHttp(`${url}${readyPath}`, child, () => tail.trim());
      return { url, dataDir: dataDir ?? '', pid: child.pid!, stop: stopper(child, dataDir) };
    } catch (error) {
      await kill(child);
      if (!(error instanceof PortTaken) || attempt === 3) {
        if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
        throw error;
      }
    }
  }
}

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lightpath-bench-'));
}

/**
 * `lightpath serve` on a fresh data directory (SQLite unless env says otherwise); pass one made
 * with freshDataDir() to prepare it first (e.g. `lightpath load`). It is removed on stop.
 */
export async function startLightpath(env: Record<string, string> = {}, dataDir = freshDataDir()): Promise<RunningServer> {
  return startChild([path.join(root, 'bin/lightpath.js'), 'serve'], { LIGHTPATH_DATA_DIR: dataDir, ...env }, '/healthz', dataDir);
}

/** `lightpath proxy` (the Data Proxy alone) on a fresh data directory, removed on stop. */
export async function startLightpathProxy(env: Record<string, string> = {}, dataDir = freshDataDir()): Promise<RunningServer> {
  return startChild([path.join(root, 'bin/lightpath.js'), 'proxy'], { LIGHTPATH_DATA_DIR: dataDir, ...env }, '/healthz', dataDir);
}

/** A bare Fastify server (bench/baselines/<name>.ts) answering the same bytes. */
export async function startBaseline(name: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return startChild(['--import', 'tsx', path.join(root, 'bench/baselines', `${name}.ts`)], env, '/ready', null);
}
