// Diffraction frame previews through a real `lightpath serve` (GET /download/files/frame/<key>/<path>/nm.png):
// - the first, uncached render of a Pilatus 6M CBF and of an Eiger 16M HDF5 frame, against the
//   original's stack in Python (fabio or h5py, numpy, OpenCV INTER_AREA, cv2.imencode) run in the same run;
// - the same first render with the native loops switched off (LIGHTPATH_NATIVE=off), on a second server;
// - the stages of one render, timed one by one in this process, native and JavaScript loops (where the time goes);
// - a cached preview against the raw route sending the same PNG bytes from a file, in alternating rounds;
// - 20 clients stepping through a 100-frame series at once, uncached at first.
// A render is forced by giving the source files a new mtime before each request (the cache
// compares size, mtime and inode), so the cache is on as in production and still misses.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { frameRenderAddon } from '../src/dataproxy/frames/frame-addon.ts';
import { frameStages, p50 } from './lib/frame-stages.ts';
import { benchFrameDir, quantile, referenceRenders, SERIES, seriesName } from './lib/frame-files.ts';
import { measure } from './lib/load.ts';
import type { LoadResult } from './lib/load.ts';
import { startLightpath } from './lib/servers.ts';
import type { Row } from './lib/table.ts';

const RENDERS = 20;
const WARM_UPS = 2;
const CLIENTS = 20;
/** Rounds of frame route then raw route: alternating, so a change in the machine's load hits both. */
const ROUNDS = 3;
const loadAverage = () => os.loadavg()[0].toFixed(1);
let stampSeconds = Math.floor(Date.now() / 1000) - 1_000_000;

/** Gives the files a modification time none of them had, so the next request renders again. */
function touch(files: string[]): void {
  stampSeconds += 1;
  for (const file of files) fs.utimesSync(file, stampSeconds, stampSeconds);
}

async function getPng(agent: http.Agent, url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        // The placeholder is 200 with no-store: count it as a failure, it rendered nothing.
        if (response.statusCode !== 200 || response.headers['cache-control'] === 'no-store') reject(new Error(`${url}: ${response.statusCode} ${response.headers['cache-control']}`));
        else resolve(Buffer.concat(chunks));
      });
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** Milliseconds of each uncached render of `url`, after WARM_UPS unmeasured ones. */
async function uncachedRenders(agent: http.Agent, url: string, sources: string[], runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARM_UPS + runs; i++) {
    touch(sources);
    const started = performance.now();
    await getPng(agent, url);
    if (i >= WARM_UPS) times.push(performance.now() - started);
  }
  return times;
}

function renderRow(frame: string, contender: string, times: number[], reference?: number): Row {
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = quantile(sorted, 0.5);
  return {
    benchmark: `first render, ${frame} → 1024² PNG`, contender, runs: times.length,
    'p50 ms': p50, 'p95 ms': quantile(sorted, 0.95), 'vs reference': reference === undefined ? '1.0×' : `${(reference / p50).toFixed(1)}× its speed`,
  };
}

/** The first render of the Pilatus 6M on a second server whose loops are the JavaScript ones: the same-run baseline of the native code. */
async function javaScriptRenders(dir: string, agent: http.Agent): Promise<number[]> {
  const server = await startLightpath({ LIGHTPATH_DATA_ROOTS: dir, LIGHTPATH_NATIVE: 'off' });
  try {
    const created = await fetch(`${server.url}/download/data/create/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: dir }) });
    const { key } = (await created.json()) as { key: string };
    return await uncachedRenders(agent, `${server.url}/download/files/frame/${key}/pilatus6m.cbf/nm.png`, [path.join(dir, 'pilatus6m.cbf')], RENDERS);
  } finally {
    await server.stop();
  }
}

/** CLIENTS loops, each asking for every frame of the series once, starting at a different frame. */
async function steppingClients(agent: http.Agent, frameUrl: (file: string) => string) {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async (_, client) => {
    for (let step = 0; step < SERIES; step++) {
      const sent = performance.now();
      try {
        await getPng(agent, frameUrl(seriesName((client * (SERIES / CLIENTS) + step) % SERIES)));
        latencies.push(performance.now() - sent);
      } catch {
        errors++;
      }
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { errors, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), framesPerSecond: latencies.length / seconds };
}

/** Builds the native addons when missing or stale, as npm install does (a failed build leaves the JavaScript loops, and the table says so). */
function buildNative(): void {
  spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../scripts/build-native.js')], { stdio: 'inherit' });
}

export async function frames(seconds: number): Promise<{ rows: Row[]; notes: string }> {
  buildNative();
  const loops = process.env.LIGHTPATH_NATIVE !== 'off' && frameRenderAddon() !== null ? 'native loops' : 'JavaScript loops';
  const dir = await benchFrameDir();
  const loadBefore = loadAverage();
  const server = await startLightpath({ LIGHTPATH_DATA_ROOTS: dir });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const rows: Row[] = [];
  try {
    const created = await fetch(`${server.url}/download/data/create/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: dir }) });
    const { key } = (await created.json()) as { key: string };
    const frameUrl = (file: string) => `${server.url}/download/files/frame/${key}/${file}/nm.png`;

    const cbf = path.join(dir, 'pilatus6m.cbf');
    const cbfTimes = await uncachedRenders(agent, frameUrl('pilatus6m.cbf'), [cbf], RENDERS);
    const cbfReference = await referenceRenders(cbf, RENDERS);
    const cbfReferenceP50 = quantile([...cbfReference].sort((a, b) => a - b), 0.5);
    const cbfJavaScript = await javaScriptRenders(dir, agent);
    rows.push(renderRow('Pilatus 6M CBF 2463×2527', `Lightpath (HTTP, ${loops}, worker thread + helper)`, cbfTimes, cbfReferenceP50));
    rows.push(renderRow('Pilatus 6M CBF 2463×2527', 'Lightpath (HTTP, JavaScript loops: LIGHTPATH_NATIVE=off)', cbfJavaScript, cbfReferenceP50));
    rows.push(renderRow('Pilatus 6M CBF 2463×2527', 'fabio + numpy + OpenCV (reference)', cbfReference));

    const eigerSources = ['eiger_master.h5', 'eiger_data_000001.h5'].map((name) => path.join(dir, name));
    const eigerRuns = RENDERS / 2;
    const eigerTimes = await uncachedRenders(agent, frameUrl('eiger_master.h5/000001'), eigerSources, eigerRuns);
    const eigerReference = await referenceRenders(path.join(dir, 'eiger_master.h5/1'), eigerRuns);
    const eigerReferenceP50 = quantile([...eigerReference].sort((a, b) => a - b), 0.5);
    rows.push(renderRow('Eiger 16M HDF5 4150×4371 bslz4', `Lightpath (HTTP, ${loops}, worker thread + helper)`, eigerTimes, eigerReferenceP50));
    rows.push(renderRow('Eiger 16M HDF5 4150×4371 bslz4', 'h5py + numpy + OpenCV (reference)', eigerReference));

    // The same PNG bytes as a plain file behind the raw route: the static-file floor.
    const png = await getPng(agent, frameUrl('pilatus6m.cbf'));
    fs.writeFileSync(path.join(dir, 'cached-preview.png'), png);
    const served = [
      { contender: 'frame route, cached preview', path: new URL(frameUrl('pilatus6m.cbf')).pathname },
      { contender: 'raw route, the same PNG as a file (floor)', path: `/download/files/raw/${key}/cached-preview.png` },
    ];
    const rounds: LoadResult[][] = served.map(() => []);
    const roundSeconds = Math.max(1, Math.round(seconds / ROUNDS));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, { path: route }] of served.entries()) rounds[i].push(await measure(server.url, { seconds: roundSeconds, connections: 10, requests: [{ path: route }] }));
    }
    const loads = rounds.map((results) => ({
      requestsPerSecond: results.reduce((sum, result) => sum + result.requestsPerSecond, 0) / results.length,
      p50: Math.max(...results.map((result) => result.p50)),
      p99: Math.max(...results.map((result) => result.p99)),
      errors: results.reduce((sum, result) => sum + result.errors + result.non2xx, 0),
      perRound: results.map((result) => Math.round(result.requestsPerSecond)).join('/'),
    }));
    const floor = loads[1].requestsPerSecond;
    served.forEach(({ contender }, i) => rows.push({
      benchmark: `cached ${(png.length / 1024).toFixed(0)} KiB PNG, 10 connections`, contender, runs: `${ROUNDS} × ${roundSeconds} s`,
      'p50 ms': loads[i].p50, 'p95 ms': `p99 ${loads[i].p99}`,
      'vs reference': `${((loads[i].requestsPerSecond / floor) * 100).toFixed(0)}% of floor (${Math.round(loads[i].requestsPerSecond)} req/s: ${loads[i].perRound}; ${loads[i].errors} errors)`,
    }));

    touch(Array.from({ length: SERIES }, (_, i) => path.join(dir, seriesName(i))));
    const stepping = await steppingClients(agent, frameUrl);
    rows.push({
      benchmark: `${CLIENTS} clients stepping through ${SERIES} Pilatus 6M CBFs (uncached at first)`, contender: 'Lightpath', runs: `${CLIENTS * SERIES} requests`,
      'p50 ms': stepping.p50, 'p95 ms': `p99 ${stepping.p99.toFixed(0)}`, 'vs reference': `${stepping.framesPerSecond.toFixed(1)} frames/s, ${stepping.errors} errors`,
    });
  } finally {
    agent.destroy();
    await server.stop();
  }
  const stages = frameStages(path.join(dir, 'pilatus6m.cbf'), RENDERS / 2);
  const totalOf = (kind: string) => [...stages].filter(([stage]) => stage.endsWith(`(${kind})`)).reduce((sum, [, times]) => sum + p50(times), 0);
  for (const [stage, times] of stages) {
    const kind = /\((\w+)\)$/.exec(stage)?.[1] ?? '';
    const twin = stages.get(stage.replace('(native)', '(JavaScript)'));
    const speedUp = kind === 'native' && twin ? `; ${(p50(twin) / Math.max(p50(times), 0.01)).toFixed(1)}× the JavaScript's speed` : '';
    rows.push({
      benchmark: 'stages of one Pilatus 6M render, one thread, CPU ms', contender: stage, runs: times.length,
      'p50 ms': p50(times), 'p95 ms': quantile([...times].sort((a, b) => a - b), 0.95),
      'vs reference': `${((p50(times) / totalOf(kind)) * 100).toFixed(0)}% of ${totalOf(kind).toFixed(1)} ms${speedUp}`,
    });
  }
  return {
    rows,
    notes: `Renders are timed from request to the last byte, one at a time, after ${WARM_UPS} unmeasured ones; the reference from opening the file to the PNG bytes in one Python process, after one unmeasured render. `
      + `The server draws the upper 542 rows of each preview on a helper thread (for a CBF from when those rows and the statistics region are decoded) while the frame worker decodes the rest and draws the lower rows; the stages above are all on one thread, native and JavaScript loops taking turns run by run. `
      + `Load average (1 min) ${loadBefore} before, ${loadAverage()} after.`,
  };
}
