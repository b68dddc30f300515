// `npm run bench [name…]`: runs the benchmarks and prints their tables with the machine they ran on.
// Each benchmark measures Lightpath and its baseline in the same run, one after the other.
// BENCH_SECONDS sets the measuring time per contender (default 10). A benchmark that fails is
// reported and the others still run; the exit code then says so.
import os from 'node:os';
import { describeMachine } from './lib/machine.ts';
import { formatTable } from './lib/table.ts';
import type { Outcome } from './lib/table.ts';
import { healthz } from './healthz.ts';
import { samples } from './samples.ts';
import { adddata } from './adddata.ts';
import { samplesScale } from './samples-scale.ts';
import { timelapse } from './timelapse.ts';
import { fits } from './fits.ts';
import { webPages } from './web-pages.ts';
import { frames } from './frames.ts';
import { telescopePages } from './telescope-pages.ts';
import { telescopeDataPage } from './telescope-data-page.ts';
import { archive } from './archive.ts';
import { downloads } from './downloads.ts';
import { restScale } from './rest-scale.ts';
import { mxdcLoad } from './mxdc-load.ts';

const benchmarks: Record<string, (seconds: number) => Promise<Outcome>> = {
  healthz, samples, adddata, 'samples-scale': samplesScale, timelapse, fits, 'web-pages': webPages, frames, 'telescope-pages': telescopePages, 'telescope-data-page': telescopeDataPage, archive,
  'rest-scale': restScale, 'mxdc-load': mxdcLoad, downloads,
};

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const chosen = process.argv.slice(2);
const names = chosen.length > 0 ? chosen : Object.keys(benchmarks);
const unknown = names.filter((n) => !benchmarks[n]);
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(64);
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');
const tables: string[] = [];
let failed = false;
console.error(`load average before: ${load()}`);
for (const name of names) {
  console.error(`running ${name} (${seconds} s per contender)…`);
  const started = Date.now();
  try {
    const outcome = await benchmarks[name](seconds);
    const { rows, notes } = Array.isArray(outcome) ? { rows: outcome, notes: '' } : outcome;
    const heading = `### ${name} (${((Date.now() - started) / 1000).toFixed(0)} s, load average after: ${load()})`;
    tables.push([heading, formatTable(rows), notes].filter(Boolean).join('\n\n'));
  } catch (error) {
    failed = true;
    console.error(`${name} failed:`, error);
    tables.push(`### ${name}\n\nfailed: ${(error as Error).message}`);
  }
}
console.log(`\n${describeMachine()}\n${new Date().toISOString()} · load average (1, 5, 15 min) at the end: ${load()}\n`);
console.log(tables.join('\n\n'));
if (failed) process.exitCode = 1;
