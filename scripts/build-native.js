#!/usr/bin/env node
// Compiles each native/<name>.c into native/build/<name>.node, a Node-API addon, with the system's
// C compiler (gcc, or $CC) and the headers that come with Node: no download, no node-gyp. Run at
// `npm install` and before the tests. The addons only speed things up, their JavaScript twins do
// the same work, so a failed or impossible build (no compiler, not Linux, LIGHTPATH_NATIVE=off)
// prints one line and exits 0: it never fails an installation. An addon newer than its source is kept.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const sourceDir = path.join(root, 'native');
const buildDir = path.join(sourceDir, 'build');
const force = process.argv.includes('--force');

function skip(reason) {
  console.log(`native code not built (${reason}): the JavaScript code paths are used`);
  process.exit(0);
}

if (process.env.LIGHTPATH_NATIVE === 'off') skip('LIGHTPATH_NATIVE=off');
if (process.platform !== 'linux') skip(`${process.platform} is not Linux`);
const sources = fs.existsSync(sourceDir) ? fs.readdirSync(sourceDir).filter((name) => name.endsWith('.c')).sort() : [];
const headers = path.join(path.dirname(fs.realpathSync(process.execPath)), '..', 'include', 'node');
if (sources.length > 0 && !fs.existsSync(path.join(headers, 'node_api.h'))) skip(`no node_api.h in ${headers}`);
const compiler = process.env.CC || 'gcc';

fs.mkdirSync(buildDir, { recursive: true });
for (const name of sources) {
  const source = path.join(sourceDir, name);
  const target = path.join(buildDir, `${path.basename(name, '.c')}.node`);
  if (!force && fs.existsSync(target) && fs.statSync(target).mtimeMs >= fs.statSync(source).mtimeMs) continue;
  // x86-64 baseline (no -march=native: the binary may run on another machine of the same kind);
  // -ffp-contract=off keeps every float operation rounded as in JavaScript, so results are identical.
  const partial = `${target}.${process.pid}.tmp`;
  const built = spawnSync(compiler, ['-O3', '-ffp-contract=off', '-fvisibility=hidden', '-Wall', '-shared', '-fPIC', `-I${headers}`, source, '-o', partial], { encoding: 'utf8' });
  if (built.error || built.status !== 0) {
    fs.rmSync(partial, { force: true });
    const why = built.error ? built.error.message : (built.stderr.trim().split('\n')[0] ?? `exit ${built.status}`);
    console.log(`native/${name} not built (${why}): its JavaScript code path is used`);
    continue;
  }
  // Renamed into place, so a process loading the addon meanwhile never sees half a file.
  fs.renameSync(partial, target);
}
