// `npm run bench [name…]`: runs the benchmarks and prints one table with the machine it ran on.
// Each benchmark measures Lightpath and its baseline in the same run, one after the other.
// BENCH_SECONDS sets the measuring time per contender (default 10).
import { describeMachine } from './lib/machine.ts';
import { formatTable } from './lib/table.ts';
import type { Row } from './lib/table.ts';
import { healthz } from './healthz.ts';

const benchmarks: Record<string, (seconds: number) => Promise<Row[]>> = { healthz };

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const chosen = process.argv.slice(2);
const names = chosen.length > 0 ? chosen : Object.keys(benchmarks);
const unknown = names.filter((n) => !benchmarks[n]);
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(64);
}

const rows: Row[] = [];
for (const name of names) {
  console.error(`running ${name} (${seconds} s per contender)…`);
  rows.push(...(await benchmarks[name](seconds)));
}
console.log(`\n${describeMachine()}\n${new Date().toISOString()}\n`);
console.log(formatTable(rows));
