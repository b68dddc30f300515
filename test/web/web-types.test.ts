// The web app is strict TypeScript: svelte-check must find no errors and no warnings in web/
// (it also checks every page against the generated API types).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const webDir = path.resolve(import.meta.dirname, '..', '..', 'web');

test('svelte-check finds no problems in the web app', () => {
  const sync = spawnSync('npx', ['svelte-kit', 'sync'], { cwd: webDir, encoding: 'utf8' });
  assert.equal(sync.status, 0, sync.stderr);
  const run = spawnSync('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--output', 'machine', '--fail-on-warnings'], { cwd: webDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const problems = run.stdout.split('\n').filter((line) => / (ERROR|WARNING) /.test(line));
  assert.deepEqual(problems, [], 'svelte-check problems');
  assert.equal(run.status, 0, run.stdout.slice(-2000) + run.stderr);
});
