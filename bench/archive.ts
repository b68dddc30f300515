// Data Proxy archives: GET /download/files/archive/<key>/<name>.tar.gz of a data collection
// (3,600 Pilatus 200K CBF frames, about 740 MB) through a real `lightpath serve`, read by a client
// in this process that counts the bytes and throws them away; against, in the same run and on
// the same directory from the page cache, `tar czf` (GNU tar piping to gzip -6), `tar cf | gzip -6`
// and, when installed, `tar cf | pigz -6` (every core). The contenders take turns, round after
// round, so a change in the machine's load hits them alike. Also: the server's peak resident
// memory during its downloads, and how many cores each contender kept busy (CPU time / wall time).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { cbfSeries } from './lib/cbf-series.ts';
import { startLightpath } from './lib/servers.ts';
import type { RunningServer } from './lib/servers.ts';
import type { Outcome, Row } from './lib/table.ts';
import { BLOCK_BYTES } from '../src/dataproxy/parallel-gzip.ts';
import { GZIP_LEVEL } from '../src/dataproxy/gzip-pool.ts';

const FRAMES = 3600;

interface Run {
  seconds: number;
  outputBytes: number;
  /** CPU seconds (user + system) of the contender's processes. */
  cpu: number;
  /** Peak resident memory of the server during the run, in bytes (Lightpath only). */
  peakRss?: number;
}

interface Contender {
  name: string;
  run(): Promise<Run>;
}

const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(', ');

/** A shell pipeline writing the archive to its stdout, which this process counts; its children's CPU via `times`. */
function shellContender(name: string, pipeline: string, cwd: string): Contender {
  return {
    name,
    run: () => new Promise((resolve, reject) => {
      const started = performance.now();
      const child = spawn('sh', ['-c', `${pipeline}; status=$?; times >&2; exit $status`], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      let outputBytes = 0;
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (outputBytes += chunk.length));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        const seconds = (performance.now() - started) / 1000;
        // `times` prints the shell's own times, then its children's: "0m1.230000s 0m0.450000s".
        const children = [...stderr.matchAll(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/g)].at(-1);
        if (code !== 0 || !children) return reject(new Error(`${pipeline} failed (${code}): ${stderr.slice(-500)}`));
        const cpu = Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4]);
        resolve({ seconds, outputBytes, cpu });
      });
    }),
  };
}

/** user + system CPU seconds of a process so far, from /proc/<pid>/stat. */
function processCpu(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

function residentBytes(pid: number): number {
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
}

/** The route over HTTP: bytes counted and dropped; the server's CPU and memory watched meanwhile. */
function lightpathContender(server: RunningServer, url: string): Contender {
  return {
    name: `Lightpath archive route over HTTP (${os.availableParallelism()} gzip workers)`,
    run: () => new Promise((resolve, reject) => {
      const cpuBefore = processCpu(server.pid);
      let peakRss = residentBytes(server.pid);
      const watch = setInterval(() => (peakRss = Math.max(peakRss, residentBytes(server.pid))), 100);
      const started = performance.now();
      const fail = (error: Error) => {
        clearInterval(watch);
        reject(error);
      };
      http.get(url, (response) => {
        if (response.statusCode !== 200) return fail(new Error(`${url}: ${response.statusCode}`));
        let outputBytes = 0;
        response.on('data', (chunk: Buffer) => (outputBytes += chunk.length));
        response.on('error', fail);
        response.on('end', () => {
          const seconds = (performance.now() - started) / 1000;
          clearInterval(watch);
          peakRss = Math.max(peakRss, residentBytes(server.pid));
          resolve({ seconds, outputBytes, cpu: processCpu(server.pid) - cpuBefore, peakRss });
        });
      }).on('error', fail);
    }),
  };
}

/**
 * The deflate speed of Node's zlib alone on one core, in this process, on a part of the frames
 * read into memory first: how much of the gain is the library rather than the second core.
 */
function zlibOneCore(dir: string): { mbPerSecond: number; ratio: number } {
  const files = fs.readdirSync(dir).sort().slice(0, 400);
  const data = Buffer.concat(files.map((file) => fs.readFileSync(path.join(dir, file))));
  const cpu = process.cpuUsage();
  let out = 0;
  for (let at = 0; at < data.length; at += BLOCK_BYTES) out += zlib.gzipSync(data.subarray(at, at + BLOCK_BYTES), { level: GZIP_LEVEL }).length;
  const used = process.cpuUsage(cpu);
  return { mbPerSecond: data.length / 1e6 / ((used.user + used.system) / 1e6), ratio: out / data.length };
}

/** Starts the gzip workers with a download left after its first bytes, so "idle" memory includes them. */
async function startWorkers(url: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = http.get(url, (response) => {
      response.on('error', () => {}); // the download is cut short on purpose
      response.once('data', () => {
        request.destroy();
        resolve();
      });
    });
    request.on('error', reject);
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && fs.existsSync(path.join(dir, command)));
}

export async function archive(seconds: number): Promise<Outcome> {
  const loadBefore = loadAverage();
  const { dir, bytes } = cbfSeries('collection-1', FRAMES);
  const parent = path.dirname(dir);
  const name = path.basename(dir);
  // Every contender reads from the page cache: read the whole directory once first.
  await shellContender('warm-up', `tar cf - ${name}`, parent).run();

  const server = await startLightpath({ LIGHTPATH_DATA_ROOTS: parent, LIGHTPATH_SERVE_RUNS_JOBS: 'false' });
  try {
    const created = await fetch(`${server.url}/download/data/create/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: dir }) });
    const { key } = (await created.json()) as { key: string };
    const url = `${server.url}/download/files/archive/${key}/${name}.tar.gz`;
    await startWorkers(url);
    const idleRss = residentBytes(server.pid);

    const contenders: Contender[] = [
      shellContender(`tar czf (GNU tar piping to gzip -${GZIP_LEVEL}; baseline)`, `tar czf - ${name}`, parent),
      lightpathContender(server, url),
      shellContender(`tar cf, piped to gzip -${GZIP_LEVEL}`, `tar cf - ${name} | gzip -${GZIP_LEVEL}`, parent),
    ];
    if (onPath('pigz')) contenders.push(shellContender(`tar cf, piped to pigz -${GZIP_LEVEL} (${os.availableParallelism()} threads)`, `tar cf - ${name} | pigz -${GZIP_LEVEL}`, parent));

    // Rounds of every contender in turn, for the budget per contender (at least one round).
    const runs: Run[][] = contenders.map(() => []);
    const started = performance.now();
    while (runs[0].length === 0 || performance.now() - started < seconds * contenders.length * 1000) {
      for (const [i, contender] of contenders.entries()) runs[i].push(await contender.run());
    }

    const baseline = bytes / median(runs[0].map((run) => run.seconds));
    const rows: Row[] = contenders.map((contender, i) => {
      const time = median(runs[i].map((run) => run.seconds));
      const peaks = runs[i].map((run) => run.peakRss).filter((peak): peak is number => peak !== undefined);
      return {
        contender: contender.name, runs: runs[i].length, 'median s': time, 'input MB/s': bytes / 1e6 / time,
        'vs tar czf': `${(bytes / time / baseline).toFixed(2)}×`,
        'cores busy': median(runs[i].map((run) => run.cpu / run.seconds)),
        'output/input': median(runs[i].map((run) => run.outputBytes / bytes)).toFixed(3),
        'server peak RSS': peaks.length > 0 ? `${(Math.max(...peaks) / 2 ** 20).toFixed(0)} MiB (idle ${(idleRss / 2 ** 20).toFixed(0)}, workers started)` : '',
      };
    });
    const oneCore = zlibOneCore(dir);
    const tarCpuRate = bytes / 1e6 / median(runs[0].map((run) => run.cpu));
    return {
      rows,
      notes: [
        `${FRAMES} frames, ${(bytes / 1e6).toFixed(0)} MB in ${dir}; gzip level ${GZIP_LEVEL} everywhere; Lightpath cuts the tar stream into ${BLOCK_BYTES / 2 ** 20} MiB blocks, one gzip member each.`,
        `"cores busy" is CPU time over wall time: the contender's processes (for Lightpath, the server; the client here is not counted).`,
        `Per CPU second, Node's zlib (Chromium's, in memory, on 1 MiB blocks) deflated ${oneCore.mbPerSecond.toFixed(1)} MB to ${oneCore.ratio.toFixed(3)} of the size; tar czf (tar and gzip together) ${tarCpuRate.toFixed(1)} MB.`,
        `Load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAverage()}.${onPath('pigz') ? '' : ' pigz is not installed, so its row is missing.'}`,
      ].join('\n'),
    };
  } finally {
    await server.stop();
  }
}
