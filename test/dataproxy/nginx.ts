// Debian's nginx run as a child process with its own configuration in a temporary directory, on
// loopback: for the X-Accel-Redirect test and the download benchmark.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/database.ts';
import { freePort } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';

export const NGINX = process.env.LIGHTPATH_TEST_NGINX ?? '/usr/sbin/nginx';

export function nginxInstalled(): boolean {
  return fs.existsSync(NGINX);
}

export interface RunningNginx {
  url: string;
  port: number;
  /** The master process (its workers are its children). */
  pid: number;
  /** The end of nginx's error log, for failure messages. */
  errors(): string;
  stop(): Promise<void>;
}

/**
 * Starts nginx with `httpBlock` (what goes inside `http { … }`), made for the port it is given.
 * Workers run as the current user, so they read what the tests and benchmarks write. Another
 * process may take the port between freePort() and nginx's bind: then it is tried on a new one.
 */
export async function startNginx(httpBlock: (port: number) => string): Promise<RunningNginx> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(httpBlock);
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt === 3) throw error;
    }
  }
}

class PortTaken extends Error {}

async function launch(httpBlock: (port: number) => string): Promise<RunningNginx> {
  const dir = tempDir('lightpath-nginx-');
  const port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${name}_temp_path ${path.join(dir, name)};`).join('\n');
  const conf = path.join(dir, 'nginx.conf');
  const pidFile = path.join(dir, 'nginx.pid');
  const errorLog = path.join(dir, 'error.log');
  fs.writeFileSync(conf, [
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 1;',
    `pid ${pidFile};`,
    `error_log ${errorLog} warn;`,
    'events { worker_connections 256; }',
    'http {',
    '  access_log off;',
    temp,
    httpBlock(port),
    '}',
    '',
  ].join('\n'));
  const errors = () => (fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8').slice(-2000) : '');
  const child = spawn(NGINX, ['-p', dir, '-c', conf, '-e', errorLog, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    // nginx writes its pid file once its sockets are bound; it exits at once when it cannot bind.
    const state = await waitFor('nginx to start', async () => (child.exitCode !== null ? 'exited' : fs.existsSync(pidFile) && 'listening'), 15000, 20);
    if (state === 'exited') {
      const why = `${stderr.trim()} ${errors()}`.trim();
      throw /Address already in use/.test(why) ? new PortTaken(why) : new Error(`nginx exited (${child.exitCode}): ${why}`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, port, pid: child.pid!, errors, stop };
}
