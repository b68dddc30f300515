#!/usr/bin/env node
// `npm test`: runs every test/**/*.test.ts file with node's test runner (through tsx) against
// SQLite, then again against PostgreSQL when LIGHTPATH_TEST_POSTGRES_URL is set — saying plainly
// when that tier is skipped. Fails when no test file is found or no test ran. The web app is built
// first when it is stale (scripts/build-web.js).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv.slice(2);

function findTests(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.name.endsWith('.test.ts')) found.push(path.relative(root, full));
  }
  return found;
}

const files = only.length > 0 ? only : findTests(path.join(root, 'test'));
if (files.length === 0) {
  console.error('No test files found under test/.');
  process.exit(1);
}

// The suite tests a fresh web bundle (built only when stale). A run of chosen files builds it only
// when one of them drives the app in a browser, so other work is not held up by the app's build.
const needsBundle = only.length === 0 || files.some((file) => path.relative(root, path.resolve(root, file)).startsWith(`test${path.sep}web${path.sep}`));
if (needsBundle) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-web.js')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The web app did not build: no tests were run.');
    process.exit(1);
  }
}

// Native addons (scripts/build-native.js): built when missing or older than their source; a failed
// build leaves the JavaScript code paths, which the tests also cover.
spawnSync(process.execPath, [path.join(root, 'scripts', 'build-native.js')], { cwd: root, stdio: 'inherit' });

function runTier(tier) {
  return new Promise((resolve) => {
    console.log(`\n=== Test tier: ${tier} (${files.length} files) ===`);
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
      cwd: root,
      env: { ...process.env, LIGHTPATH_TEST_DB: tier },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.on('close', (code) => {
      // The runner's closing counts (the last of each, in case a test printed look-alikes).
      const count = (name) => Number([...output.matchAll(new RegExp(`^ℹ ${name} (\\d+)$`, 'gm'))].pop()?.[1] ?? 0);
      const tests = count('tests');
      const passed = count('pass');
      // A cancelled test (its file ended early) did not pass: it counts as failed.
      const failed = count('fail') + count('cancelled');
      resolve({ tier, code, tests, passed, failed });
    });
  });
}

const results = [await runTier('sqlite')];
if (process.env.LIGHTPATH_TEST_POSTGRES_URL) {
  results.push(await runTier('postgres'));
} else {
  console.log('\nPostgreSQL tier SKIPPED: set LIGHTPATH_TEST_POSTGRES_URL (scripts/test-postgres.sh start prints one) to run it.');
}
// The LDAP tests are not skipped without a directory: they fail, saying how to start one.
if (!process.env.LIGHTPATH_TEST_LDAP_URL && files.some((file) => file.includes(`auth${path.sep}ldap`))) {
  console.log('\nLIGHTPATH_TEST_LDAP_URL is not set, so the LDAP sign-in tests failed: scripts/test-slapd.sh start prints one.');
}

let ok = true;
console.log('\n=== Summary ===');
for (const r of results) {
  console.log(`${r.tier}: ${r.passed} passed, ${r.failed} failed (${r.tests} tests)`);
  if (r.code !== 0 || r.tests === 0 || r.failed > 0) ok = false;
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
if (results.some((r) => r.tests === 0)) console.error('A tier ran no tests: that is a failure.');
process.exit(ok ? 0 : 1);
