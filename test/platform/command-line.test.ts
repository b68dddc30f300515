// The `lightpath` command as an operator runs it: serve on the SQLite default, config errors,
// users and tokens, migrate and load.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { freshDatabase } from '../helpers/database.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { testEnv } from '../helpers/platform.ts';
import { freePort, runLightpath, spawnLightpath } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';

describe('lightpath command', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  before(async () => {
    database = await freshDatabase();
    env = testEnv(database);
  });
  after(() => database.drop());

  test('--help lists the commands and each command has its own help', async () => {
    const overview = await runLightpath(['--help'], env);
    assert.equal(overview.code, 0);
    for (const name of ['serve', 'worker', 'migrate', 'load', 'user']) assert.match(overview.output, new RegExp(`\\n  ${name} `));
    for (const name of ['serve', 'worker', 'migrate', 'load', 'user']) {
      const help = await runLightpath([name, '--help'], env);
      assert.equal(help.code, 0, name);
      assert.match(help.output, /Usage: lightpath/, name);
    }
    const unknown = await runLightpath(['frobnicate'], env);
    assert.equal(unknown.code, 64);
    assert.match(unknown.output, /unknown command "frobnicate"/);
  });

  test('invalid configuration stops start-up with a clear message and a non-zero exit', async () => {
    const result = await runLightpath(['serve'], { ...env, PORT: 'http', LIGHTPATH_TRUSTED_PROXIES: 'nope' });
    assert.equal(result.code, 2);
    assert.match(result.output, /Invalid configuration:/);
    assert.match(result.output, /PORT must be a whole number/);
    assert.match(result.output, /LIGHTPATH_TRUSTED_PROXIES: "nope"/);
  });

  test('migrate applies migrations once', async () => {
    const first = await runLightpath(['migrate'], env);
    assert.equal(first.code, 0, first.output);
    const second = await runLightpath(['migrate'], env);
    assert.equal(second.code, 0);
    assert.match(second.output, /Database is up to date\./);
  });

  test('user create, token and set-password; set-password revokes the old token; all checked against a real server', async () => {
    const created = await runLightpath(['user', 'create', 'opal', '--staff', '--email', 'opal@example.org', '--password-stdin'], env, 'first-pass\n');
    assert.equal(created.code, 0, created.output);
    assert.match(created.output, /Created user opal \(staff\)/);
    const duplicate = await runLightpath(['user', 'create', 'opal', '--password-stdin'], env, 'x-pass\n');
    assert.equal(duplicate.code, 1);
    assert.match(duplicate.stderr, /^lightpath user: .*already exists/);
    const issueToken = async () => {
      const token = await runLightpath(['user', 'token', 'opal', '--name', 'ci', '--scope', 'write'], env);
      assert.equal(token.code, 0, token.output);
      const secret = token.output.trim().split('\n').pop()!;
      assert.match(secret, /^lpt_/);
      return secret;
    };
    const oldSecret = await issueToken();
    const changed = await runLightpath(['user', 'set-password', 'opal', '--password-stdin'], env, 'second-pass\n');
    assert.equal(changed.code, 0, changed.output);
    assert.match(changed.output, /Password set for opal; their login sessions have ended and 1 API token\(s\) were revoked\./);
    const secret = await issueToken();

    const port = await freePort();
    const server = spawnLightpath(['serve'], { ...env, PORT: String(port) });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor('server to listen', async () => (await fetch(`${base}/healthz`)).ok, 30000);
      const me = await fetch(`${base}/rest/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
      assert.equal(me.status, 200);
      assert.equal((await me.json()).user.username, 'opal');
      const revoked = await fetch(`${base}/rest/v1/auth/me`, { headers: { authorization: `Bearer ${oldSecret}` } });
      assert.equal(revoked.status, 401, 'a token made before the reset no longer works');
      const oldPass = await fetch(`${base}/rest/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'opal', password: 'first-pass' }) });
      assert.equal(oldPass.status, 401);
      const newPass = await fetch(`${base}/rest/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'opal', password: 'second-pass' }) });
      assert.equal(newPass.status, 200);
    } finally {
      server.child.kill('SIGTERM');
    }
    assert.equal(await server.exited, 0, server.output());
    assert.match(server.output(), /shutting down/);
  });

  test('load creates users, a second load changes nothing, a bad file changes nothing', async () => {
    const file = path.join(database.dataDir, 'people.yaml');
    fs.writeFileSync(file, [
      'users:',
      '  - username: pat',
      '    full_name: Pat Doe',
      '    email: pat@example.org',
      '    password: pat-secret',
      '  - username: quinn',
      '    staff: true',
    ].join('\n'));
    const first = await runLightpath(['load', file], env);
    assert.equal(first.code, 0, first.output);
    assert.match(first.output, /user pat: created/);
    assert.match(first.output, /2 created, 0 updated, 0 unchanged/);
    const second = await runLightpath(['load', file], env);
    assert.equal(second.code, 0);
    assert.match(second.output, /0 created, 0 updated, 2 unchanged/);

    fs.writeFileSync(file, 'users:\n  - username: pat\n    full_name: Pat Changed\n  - username: bad name\n');
    const bad = await runLightpath(['load', file], env);
    assert.equal(bad.code, 1);
    assert.match(bad.output, /users\[1\]\.username/);
    assert.match(bad.output, /Nothing was changed/);
    fs.writeFileSync(file, 'users:\n  - username: pat\n    full_name: Pat Changed\n');
    const changed = await runLightpath(['load', file], env);
    assert.match(changed.output, /user pat: updated \(full_name\)/);

    fs.writeFileSync(file, 'spaceships: []\n');
    const unknown = await runLightpath(['load', file], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.output, /unknown section "spaceships"/);
  });
});
