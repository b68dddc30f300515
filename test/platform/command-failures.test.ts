// When a `lightpath` command cannot do its work for a reason the operator can fix — a busy port,
// a database out of reach, a missing or invalid file, bad settings — it says so in one line that
// says what to do, exits non-zero, and shows a stack trace only at LOG_LEVEL=debug.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { freshDatabase, POSTGRES_ADMIN_URL, tempDir } from '../helpers/database.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { testEnv } from '../helpers/platform.ts';
import { freePort, runLightpath } from '../helpers/processes.ts';

const STACK_LINE = /^ {4}at /m;

describe('lightpath command failures', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let busy: net.Server;
  let busyPort: number;
  before(async () => {
    database = await freshDatabase();
    env = testEnv(database);
    busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    busyPort = (busy.address() as net.AddressInfo).port;
  });
  after(async () => {
    await new Promise((resolve) => busy.close(resolve));
    await database.drop();
  });

  /**
   * The command fails with `expected` on stderr and no stack; at LOG_LEVEL=debug (unless `debugToo`
   * is false, to spare a run when another case of the same kind checks it) the stack follows.
   */
  async function failsPlainly(args: string[], extra: Record<string, string>, expected: RegExp, debugToo = true): Promise<string> {
    const plain = await runLightpath(args, { ...env, ...extra });
    assert.notEqual(plain.code, 0, plain.output);
    assert.match(plain.stderr, expected);
    assert.doesNotMatch(plain.stderr, STACK_LINE, plain.stderr);
    if (!debugToo) return plain.stderr;
    const debug = await runLightpath(args, { ...env, ...extra, LOG_LEVEL: 'debug' });
    assert.equal(debug.code, plain.code);
    assert.match(debug.stderr, expected);
    assert.match(debug.stderr, STACK_LINE, 'LOG_LEVEL=debug shows the stack');
    return plain.stderr;
  }

  test('a port in use names the port and the setting to change', async () => {
    const stderr = await failsPlainly(['serve'], { PORT: String(busyPort) }, new RegExp(`^lightpath serve: port ${busyPort} is in use: stop the other server or set PORT$`, 'm'));
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    await failsPlainly(['proxy'], { LIGHTPATH_PROXY_PORT: String(busyPort) }, new RegExp(`^lightpath proxy: port ${busyPort} is in use: stop the other server or set LIGHTPATH_PROXY_PORT$`, 'm'), false);
    await failsPlainly(['fake-lco', '--port', String(busyPort)], {}, new RegExp(`^lightpath fake-lco: port ${busyPort} is in use: stop the other server or give another with --port$`, 'm'), false);
  });

  test('a PostgreSQL server that does not answer: start it or correct DATABASE_URL', async () => {
    const closed = await freePort();
    const expected = (command: string) => new RegExp(`^lightpath ${command}: cannot reach the database at 127\\.0\\.0\\.1:${closed}/nowhere: connection refused: start PostgreSQL or correct DATABASE_URL$`, 'm');
    for (const command of ['migrate', 'serve', 'user']) {
      const args = command === 'user' ? ['user', 'list'] : [command];
      await failsPlainly(args, { DATABASE_URL: `postgres://lightpath:secret@127.0.0.1:${closed}/nowhere` }, expected(command), command === 'migrate');
    }
  });

  test('a PostgreSQL server that refuses us: the reason, and correct DATABASE_URL', { skip: POSTGRES_ADMIN_URL ? false : 'needs LIGHTPATH_TEST_POSTGRES_URL' }, async () => {
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = '/lightpath_no_such_database';
    await failsPlainly(['migrate'], { DATABASE_URL: url.toString() }, /^lightpath migrate: the database at .*\/lightpath_no_such_database refused the connection: database "lightpath_no_such_database" does not exist: correct DATABASE_URL$/m);
  });

  test('a SQLite file that cannot be made names the file and LIGHTPATH_DATA_DIR', async () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, 'not a directory');
    await failsPlainly(['user', 'list'], { LIGHTPATH_DATA_DIR: path.join(file, 'var'), DATABASE_URL: '' },
      /^lightpath user: cannot open the database .*a-file\/var\/lightpath\.sqlite: .*not a directory: check LIGHTPATH_DATA_DIR/m);
  });

  test('missing and invalid files: the file, what is wrong, nothing changed', async () => {
    const dir = tempDir();
    await failsPlainly(['load', path.join(dir, 'absent.yaml')], {}, /^lightpath load: cannot read .*absent\.yaml: ENOENT: no such file or directory/m, false);
    const invalid = path.join(dir, 'invalid.yaml');
    fs.writeFileSync(invalid, 'users:\n  - username: [unclosed\n');
    const stderr = await failsPlainly(['load', invalid], {}, /^lightpath load: .*invalid\.yaml is not valid YAML: .* at line 3, column 1\nNothing was changed\.$/m);
    assert.equal(stderr.trim().split('\n').length, 2, stderr);
    const missingFits = path.join(dir, 'target.yaml');
    fs.writeFileSync(missingFits, 'targets:\n  - identifier: t1\n    name: T1\n    ra: 1\n    dec: 2\n    data_products:\n      - file: absent.fits\n');
    await failsPlainly(['load', missingFits], {}, /^lightpath load: .*target t1.*absent\.fits.*\nNothing was changed\.$/m, false);
    await failsPlainly(['fake-lco', '--port', '0', '--frames', path.join(dir, 'no-frames')], {}, /^lightpath fake-lco: .*no-frames is not a directory: give --frames a directory of FITS files$/m, false);
  });

  test('bad settings: one line per problem and exit code 2, no stack', async () => {
    const result = await runLightpath(['worker'], { ...env, LIGHTPATH_JOB_POLL_MS: 'often', LOG_LEVEL: 'loud' });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^lightpath worker: Invalid configuration:\n( {2}- .*\n){2}See docs\/configuration\.md\.\n$/);
    assert.match(result.stderr, /^ {2}- LIGHTPATH_JOB_POLL_MS must be a whole number/m);
    assert.match(result.stderr, /^ {2}- LOG_LEVEL must be one of/m);
  });

  test('an unexpected error shows its message, and the stack at LOG_LEVEL=debug', async () => {
    // A database migrated by a newer Lightpath than this one.
    const own = await freshDatabase('sqlite');
    try {
      const ownEnv = testEnv(own);
      assert.equal((await runLightpath(['migrate'], ownEnv)).code, 0);
      const sqlite = new SQLite(path.join(own.dataDir, 'lightpath.sqlite'));
      sqlite.prepare('insert into lightpath_migrations (name, timestamp) values (?, ?)').run('9999_from_the_future', new Date().toISOString());
      sqlite.close();
      const plain = await runLightpath(['migrate'], ownEnv);
      assert.equal(plain.code, 1);
      assert.match(plain.stderr, /^lightpath migrate: unexpected error: Database migration .*9999_from_the_future.* \(LOG_LEVEL=debug shows where it happened\)\n$/);
      const debug = await runLightpath(['migrate'], { ...ownEnv, LOG_LEVEL: 'debug' });
      assert.match(debug.stderr, STACK_LINE);
      assert.match(debug.stderr, /migrateToLatest/);
    } finally {
      await own.drop();
    }
  });
});
