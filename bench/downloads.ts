// Data Proxy `raw` downloads of a 1 GiB file from the page cache, against Debian's nginx serving
// the same file (sendfile on) in the same run: the whole file, and a Range of its middle 512 MiB.
// Contenders: `lightpath serve` and `lightpath proxy` (sendfile(2) when the addon is built),
// `lightpath serve` with LIGHTPATH_SENDFILE=off (Node streams the file), and nginx in front of
// `lightpath serve` in the X-Accel-Redirect mode (the configuration of docs/deployment.md). curl downloads into
// /dev/null, one contender after the other in each round, so a busy moment hits them all alike.
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { cpuSeconds } from './lib/process-cpu.ts';
import { startLightpath, startLightpathProxy } from './lib/servers.ts';
import type { RunningServer } from './lib/servers.ts';
import type { Row } from './lib/table.ts';
import { nginxInstalled, NGINX, startNginx } from '../test/dataproxy/nginx.ts';
import type { RunningNginx } from '../test/dataproxy/nginx.ts';
import { documentedNginxConfig } from '../test/dataproxy/documented-nginx.ts';

const run = promisify(execFile);
const SIZE = 2 ** 30;
const CACHE = path.join(os.tmpdir(), 'lightpath-bench-downloads-v1');
const NAME = 'big-1GiB.bin';
const RANGE = `${SIZE / 4}-${(SIZE / 4) * 3 - 1}`;

/** The 1 GiB file, made once (incompressible bytes) and kept for later runs. */
function bigFile(): string {
  const file = path.join(CACHE, 'data', NAME);
  if (fs.existsSync(file) && fs.statSync(file).size === SIZE) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const block = randomBytes(2 ** 20);
  const fd = fs.openSync(`${file}.part`, 'w');
  for (let i = 0; i < SIZE / block.length; i++) {
    block.writeUInt32LE(i, 0); // every MiB differs a little
    fs.writeSync(fd, block);
  }
  fs.closeSync(fd);
  fs.renameSync(`${file}.part`, file);
  return file;
}

/** Reads the file once, so every contender finds it in the page cache. */
function readThrough(file: string): void {
  const chunk = Buffer.alloc(8 * 2 ** 20);
  const fd = fs.openSync(file, 'r');
  while (fs.readSync(fd, chunk) > 0);
  fs.closeSync(fd);
}

/** Builds the sendfile addon when it is missing or stale (one line; without it the raw route streams). */
function buildAddon(): void {
  spawnSync(process.execPath, [path.resolve(import.meta.dirname, '..', 'scripts', 'build-native.js')], { stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Bytes a Lightpath server sent with sendfile(2), from its /metrics. */
async function sendfileBytes(server: string): Promise<number> {
  const text = await (await fetch(`${server}/metrics`)).text();
  return Number(/^lightpath_sendfile_bytes_total (\S+)$/m.exec(text)?.[1] ?? 0);
}

/** MB/s of one download into /dev/null, checking status and size. */
async function download(url: string, range: string | null): Promise<number> {
  const args = ['-s', '-o', '/dev/null', '-w', '%{http_code} %{size_download} %{time_total}', ...(range ? ['-r', range] : []), url];
  const { stdout } = await run('curl', args);
  const [status, size, seconds] = stdout.trim().split(' ').map(Number);
  const expected = range ? SIZE / 2 : SIZE;
  if (status !== (range ? 206 : 200) || size !== expected) throw new Error(`${url} ${range ?? ''}: HTTP ${status}, ${size} bytes (expected ${expected})`);
  return size / seconds / 1e6;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function rawKey(server: string, dir: string): Promise<string> {
  const created = await fetch(`${server}/download/data/create/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: dir }) });
  const { key } = (await created.json()) as { key: string | null };
  if (!key) throw new Error(`${server} gave no key for ${dir}`);
  return key;
}

export async function downloads(seconds: number): Promise<{ rows: Row[]; notes: string }> {
  if (!nginxInstalled()) throw new Error(`${NGINX} is missing: apt-get install nginx`);
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');
  buildAddon();
  const loadBefore = load();
  const file = bigFile();
  const dir = path.dirname(file);
  readThrough(file);
  const rounds = Math.max(3, Math.min(9, Math.round(seconds / 2)));
  const started: Array<RunningServer | RunningNginx> = [];
  try {
    const plain = await startNginx((port) => `  sendfile on;\n  server {\n    listen 127.0.0.1:${port};\n    location /files/ { alias ${dir}/; }\n  }`);
    started.push(plain);
    const serve = await startLightpath({ LIGHTPATH_DATA_ROOTS: dir, LIGHTPATH_FRAME_CACHE_MB: '0' });
    started.push(serve);
    const proxy = await startLightpathProxy({ LIGHTPATH_DATA_ROOTS: dir });
    started.push(proxy);
    const streamed = await startLightpath({ LIGHTPATH_DATA_ROOTS: dir, LIGHTPATH_FRAME_CACHE_MB: '0', LIGHTPATH_SENDFILE: 'off' });
    started.push(streamed);
    const accelServe = await startLightpath({ LIGHTPATH_DATA_ROOTS: dir, LIGHTPATH_DOWNLOAD_FRONTEND: 'nginx' });
    started.push(accelServe);
    const front = await startNginx((port) => documentedNginxConfig({ listenPort: port, lightpathPort: Number(new URL(accelServe.url).port), roots: [dir] }));
    started.push(front);

    const contenders = [
      { name: 'nginx, sendfile on (baseline)', url: `${plain.url}/files/${NAME}`, pids: [plain.pid] },
      { name: 'lightpath serve, raw route', url: `${serve.url}/download/files/raw/${await rawKey(serve.url, dir)}/${NAME}`, pids: [serve.pid] },
      { name: 'lightpath proxy, raw route', url: `${proxy.url}/download/files/raw/${await rawKey(proxy.url, dir)}/${NAME}`, pids: [proxy.pid] },
      { name: 'lightpath serve, streamed (SENDFILE=off)', url: `${streamed.url}/download/files/raw/${await rawKey(streamed.url, dir)}/${NAME}`, pids: [streamed.pid] },
      { name: 'nginx → lightpath serve, X-Accel-Redirect', url: `${front.url}/download/files/raw/${await rawKey(accelServe.url, dir)}/${NAME}`, pids: [front.pid, accelServe.pid] },
    ];
    const modes = [{ request: 'whole 1 GiB', range: null, gib: 1 }, { request: 'Range: middle 512 MiB', range: RANGE, gib: 0.5 }];
    const speeds = new Map<string, number[]>();
    const cpu = new Map<string, number[]>();
    const add = (map: Map<string, number[]>, key: string, value: number) => map.set(key, [...(map.get(key) ?? []), value]);
    for (const contender of contenders) await download(contender.url, null); // warm-up
    for (let round = 0; round < rounds; round++) {
      for (const mode of modes) {
        for (const contender of contenders) {
          const key = `${contender.name}|${mode.request}`;
          const used = () => contender.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
          const before = used();
          add(speeds, key, await download(contender.url, mode.range));
          add(cpu, key, (used() - before) / mode.gib);
        }
      }
    }
    const rows: Row[] = [];
    for (const mode of modes) {
      const baseline = median(speeds.get(`${contenders[0].name}|${mode.request}`)!);
      for (const contender of contenders) {
        const runs = speeds.get(`${contender.name}|${mode.request}`)!;
        rows.push({
          request: mode.request, contender: contender.name, runs: runs.length,
          'median MB/s': median(runs), 'min MB/s': Math.min(...runs), 'max MB/s': Math.max(...runs),
          'vs nginx': `${Math.round((median(runs) / baseline) * 100)}%`,
          'server CPU s/GiB': median(cpu.get(`${contender.name}|${mode.request}`)!).toFixed(2),
        });
      }
    }
    const kernelShare = (await sendfileBytes(serve.url)) / ((1 + rounds * 1.5) * SIZE);
    const notes = `1 GiB file in the page cache, curl into /dev/null, ${rounds} rounds with the contenders in turn; load average before: ${loadBefore}, after: ${load()}. lightpath serve sent ${Math.round(kernelShare * 100)}% of its bytes with sendfile(2) (0% means the addon is not built). Server CPU: the serving processes' user + system time per GiB sent (nginx's workers included; curl's own time not). Goal: lightpath's raw route ≥ 80% of nginx.`;
    return { rows, notes };
  } finally {
    for (const server of started.reverse()) await server.stop();
  }
}
