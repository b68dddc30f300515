#!/usr/bin/env node
// Builds the web app (web/) into web/build, which `lightpath serve` hands out — only when the
// bundle is missing or stale (its sources changed since it was built), unless --force.
//   node scripts/build-web.js           build if needed (npm's prepare and start run this)
//   node scripts/build-web.js --force   always build (npm run build:web)
//   node scripts/build-web.js --check   exit 1 when the bundle is missing or stale, build nothing
// Prints one line saying what it did. Without the build tools (npm install --omit=dev) it says
// so and exits 0: the server then answers the app's pages with a 503 until the app is built.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { postprocessBundle } from './web-build/postprocess.js';
import { sourceHash } from './web-build/source-hash.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'web');
const buildDir = path.join(webDir, 'build');
const hashFile = path.join(buildDir, '.source-hash');
// Several builds at once (parallel test runs, npm start beside npm test) would write into the
// same directories: one builds, the others wait for it and take its bundle. One lock per checkout.
const lockFile = path.join(os.tmpdir(), `lightpath-build-web-${crypto.createHash('sha256').update(webDir).digest('hex').slice(0, 16)}.lock`);
const LOCK_WAIT_MS = 10 * 60 * 1000;

const say = (line) => console.log(`build-web: ${line}`);

function fail(line) {
  console.error(`build-web: ${line}`);
  process.exit(1);
}

/** The source hash the bundle was built from; null when it is not (completely) built. */
function recordedHash() {
  if (!fs.existsSync(path.join(buildDir, 'index.html'))) return null;
  try {
    return fs.readFileSync(hashFile, 'utf8').trim();
  } catch {
    return null;
  }
}

const isFresh = (hash) => recordedHash() === hash;

/** The entry script of an installed package's command, or null when the package is not installed. */
function packageBin(name, bin) {
  try {
    const manifest = createRequire(path.join(root, 'package.json')).resolve(`${name}/package.json`);
    const bins = JSON.parse(fs.readFileSync(manifest, 'utf8')).bin;
    return path.join(path.dirname(manifest), typeof bins === 'string' ? bins : bins[bin]);
  } catch {
    return null;
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The process id in the lock file; NaN while its holder writes it, or when it has just gone. */
function lockHolder() {
  try {
    return Number(fs.readFileSync(lockFile, 'utf8').trim() || 'NaN');
  } catch {
    return Number.NaN;
  }
}

/** Takes the lock, waiting for another build to end; true when it had to wait. */
async function acquireLock() {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let waited = false; ; waited = true) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return waited;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = lockHolder();
    // A lock left by a build that died is taken over.
    if (Number.isInteger(holder) && !isRunning(holder)) fs.rmSync(lockFile, { force: true });
    else if (Date.now() > deadline) fail(`waited 10 minutes for other builds to finish; remove ${lockFile} if none is running`);
    else await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function run(script, args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: webDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    fail(`${path.basename(script)} ${args.join(' ')} failed (exit code ${result.status ?? result.signal}); its output is above`);
  }
}

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--force' && arg !== '--check');
if (unknown.length > 0) {
  console.error(`build-web: unknown argument ${unknown[0]}; use --force or --check`);
  process.exit(2);
}
const force = args.includes('--force');

if (!fs.existsSync(path.join(webDir, 'src'))) fail('web/src is missing: there is no web app to build');
const hash = sourceHash(root);

if (args.includes('--check')) {
  if (isFresh(hash)) say('the web app bundle in web/build is up to date');
  else fail('the web app bundle in web/build is missing or stale: run npm run build:web');
  process.exit(0);
}
if (!force && isFresh(hash)) {
  say('the web app bundle in web/build is up to date; nothing to build');
  process.exit(0);
}

const vite = packageBin('vite', 'vite');
const kit = packageBin('@sveltejs/kit', 'svelte-kit');
if (vite === null || kit === null) {
  const bundle = fs.existsSync(path.join(buildDir, 'index.html')) ? 'the existing bundle in web/build is served as it is' : 'until it is built, the server answers its pages with a 503';
  say(`not building the web app: its build tools are not installed (npm install without --omit=dev installs them); ${bundle}`);
  process.exit(0);
}

const builtBefore = recordedHash();
const waited = await acquireLock();
// On every way out, process.exit included (it skips finally blocks).
process.on('exit', () => fs.rmSync(lockFile, { force: true }));
// Another build finished while this one waited: take it, even if a source changed again since it
// began, rather than queue build after build while someone edits the app.
const builtMeanwhile = waited && recordedHash() !== null && recordedHash() !== builtBefore;
if (!force && (isFresh(hash) || builtMeanwhile)) {
  say('the web app bundle in web/build was just built by another process; nothing to build');
  process.exit(0);
}
fs.rmSync(hashFile, { force: true });
run(kit, ['sync']);
run(vite, ['build', '--logLevel', 'error']);
let result;
try {
  result = postprocessBundle(buildDir);
} catch (error) {
  fail(`web/build/${error.message}`);
}
fs.writeFileSync(hashFile, `${hash}\n`);
say(`built the web app into web/build (bootstrap moved to ${result.bootScript}; ${result.compressed} files precompressed)`);
