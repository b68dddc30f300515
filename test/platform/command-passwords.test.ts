// How `lightpath user create` and `set-password` take a password: one line of standard input
// with --password-stdin, asked twice on a terminal otherwise, and a clear refusal when there is
// neither. The terminal cases run on a pseudo-terminal made by util-linux `script`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { freshDatabase } from '../helpers/database.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { silentLog, testEnv } from '../helpers/platform.ts';
import { BIN, runLightpath } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import { loadConfig } from '../../src/config.ts';
import { openPlatform } from '../../src/platform/context.ts';
import type { Platform } from '../../src/platform/context.ts';
import { verifyPassword } from '../../src/platform/auth/passwords.ts';

const hasScript = spawnSync('script', ['--version']).status === 0;

/** Runs a command on a pseudo-terminal, typing each answer once its prompt has appeared. */
async function onTerminal(args: string[], env: Record<string, string>, answers: [prompt: string, typed: string][]) {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', SHELL: '/bin/sh', LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  try {
    let seen = 0;
    for (const [prompt, typed] of answers) {
      await waitFor(`the prompt "${prompt}"`, async () => output.indexOf(prompt, seen) >= 0, 30000);
      seen = output.indexOf(prompt, seen) + prompt.length;
      child.stdin.write(typed);
    }
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { code: await exited, output };
}

describe('passwords for lightpath user', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let platform: Platform;
  before(async () => {
    database = await freshDatabase();
    env = testEnv(database);
    platform = await openPlatform(loadConfig(env), silentLog);
  });
  after(async () => {
    await platform.close();
    await database.drop();
  });

  const passwordWorks = async (username: string, password: string) => {
    const found = await platform.users.passwordHash(username);
    return found !== null && (await verifyPassword(password, found.hash));
  };
  const exists = async (username: string) => (await platform.users.findByUsername(username)) !== null;

  test('without a terminal and without --password-stdin: one line naming --password-stdin, nothing made', async () => {
    const created = await runLightpath(['user', 'create', 'nina'], env, 'piped-but-not-asked-for\n');
    assert.equal(created.code, 1);
    assert.equal(created.stderr, 'lightpath user: no terminal to ask for the password: pipe it in with --password-stdin (one line)\n');
    assert.equal(await exists('nina'), false);
    assert.equal((await runLightpath(['user', 'create', 'nina', '--no-password'], env)).code, 0, '--no-password needs no terminal');
    const reset = await runLightpath(['user', 'set-password', 'nina'], env, 'new-password\n');
    assert.equal(reset.code, 1);
    assert.match(reset.stderr, /--password-stdin/);
    assert.equal(await passwordWorks('nina', 'new-password'), false);
  });

  test('--password-stdin takes the first line of standard input', async () => {
    const created = await runLightpath(['user', 'create', 'omar', '--password-stdin'], env, 'first line\nsecond line\n');
    assert.equal(created.code, 0, created.output);
    assert.equal(await passwordWorks('omar', 'first line'), true);
    const noNewline = await runLightpath(['user', 'set-password', 'omar', '--password-stdin'], env, 'no-newline');
    assert.equal(noNewline.code, 0, noNewline.output);
    assert.equal(await passwordWorks('omar', 'no-newline'), true);
    const empty = await runLightpath(['user', 'set-password', 'omar', '--password-stdin'], env, '');
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /standard input ended before a password line/);
    const short = await runLightpath(['user', 'set-password', 'omar', '--password-stdin'], env, 'ab\n');
    assert.equal(short.code, 1);
    assert.equal(short.stderr, 'lightpath user: Passwords are 4 to 1024 characters long.\n');
    assert.equal(await passwordWorks('omar', 'no-newline'), true);
    const both = await runLightpath(['user', 'create', 'omar2', '--password-stdin', '--no-password'], env, 'pw-pw\n');
    assert.equal(both.code, 64);
    const nobody = await runLightpath(['user', 'set-password', 'nobody-here', '--password-stdin'], env, 'pw-pw\n');
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /^lightpath user: no user named "nobody-here"/);
  });

  test('on a terminal the password is asked twice, never echoed, and a mismatch changes nothing', { skip: hasScript ? false : 'needs util-linux script' }, async () => {
    const created = await onTerminal(['user', 'create', 'pia'], env, [['New password: ', 'typed-secret\r'], ['Repeat it: ', 'typed-secret\r']]);
    assert.equal(created.code, 0, created.output);
    assert.match(created.output, /Created user pia\./);
    assert.doesNotMatch(created.output, /typed-secret/);
    assert.equal(await passwordWorks('pia', 'typed-secret'), true);

    const mismatch = await onTerminal(['user', 'set-password', 'pia'], env, [['New password: ', 'one-secret\r'], ['Repeat it: ', 'another-secret\r']]);
    assert.equal(mismatch.code, 1);
    assert.match(mismatch.output, /lightpath user: the two passwords differ: nothing was changed/);
    assert.equal(await passwordWorks('pia', 'typed-secret'), true);

    const mismatchOnCreate = await onTerminal(['user', 'create', 'quin'], env, [['New password: ', 'one-secret\r'], ['Repeat it: ', 'another-secret\r']]);
    assert.equal(mismatchOnCreate.code, 1);
    assert.equal(await exists('quin'), false);

    const given = await onTerminal(['user', 'set-password', 'pia'], env, [['New password: ', 'second-secret\r'], ['Repeat it: ', 'second-secret\r']]);
    assert.equal(given.code, 0, given.output);
    assert.equal(await passwordWorks('pia', 'second-secret'), true);

    const abandoned = await onTerminal(['user', 'create', 'rae'], env, [['New password: ', '\u0004']]);
    assert.equal(abandoned.code, 1);
    assert.match(abandoned.output, /no password given: nothing was changed/);
    assert.equal(await exists('rae'), false);
  });

  test('set-password ends the user\'s sessions and revokes their tokens', async () => {
    assert.equal((await runLightpath(['user', 'create', 'sam', '--password-stdin'], env, 'sam-password\n')).code, 0);
    const sam = (await platform.users.findByUsername('sam'))!;
    const tokens = [await platform.tokens.issue(sam.id, { name: 'a', scope: 'read' }), await platform.tokens.issue(sam.id, { name: 'b', scope: 'write' })];
    const session = await platform.sessions.create(sam.id, null);
    const reset = await runLightpath(['user', 'set-password', 'sam', '--password-stdin'], env, 'sam-new-password\n');
    assert.equal(reset.code, 0, reset.output);
    assert.match(reset.output, /2 API token\(s\) were revoked/);
    for (const token of tokens) assert.equal(await platform.tokens.resolve(token.token), null);
    assert.equal(await platform.sessions.resolve(session.cookieValue), null);
  });
});
