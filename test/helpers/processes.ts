// Runs the real `lightpath` command as a child process, the way an operator would.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const BIN = path.resolve(import.meta.dirname, '../../bin/lightpath.js');

export interface Spawned {
  child: ChildProcess;
  /** stdout and stderr as they came. */
  output(): string;
  /** stderr alone. */
  errors(): string;
  exited: Promise<number | null>;
  /** Also every byte of its output has been read. */
  closed: Promise<void>;
}

export function spawnLightpath(args: string[], env: Record<string, string>, input?: string): Spawned {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let text = '';
  let errors = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => {
    text += chunk;
    errors += chunk;
  });
  if (input !== undefined) child.stdin!.end(input);
  else child.stdin!.end();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return { child, output: () => text, errors: () => errors, exited, closed };
}

/** Runs a command to completion and returns its exit code and output. */
export async function runLightpath(args: string[], env: Record<string, string>, input?: string): Promise<{ code: number | null; output: string; stderr: string }> {
  const spawned = spawnLightpath(args, env, input);
  const code = await spawned.exited;
  await spawned.closed;
  return { code, output: spawned.output(), stderr: spawned.errors() };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
