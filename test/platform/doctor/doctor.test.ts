// `lightpath doctor`, run as an operator would, on a healthy deployment and on one broken thing
// at a time: each finding is printed with its fix, and errors (not warnings) make it exit 1.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freshDatabase, TEST_DB } from '../../helpers/database.ts';
import { testEnv } from '../../helpers/platform.ts';
import { freePort, runLightpath } from '../../helpers/processes.ts';
import { makeDeployment } from './deployment.ts';
import type { Deployment } from './deployment.ts';

const FAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

/** The finding lines of one level and check, each with its fix line when it has one. */
function findings(output: string, level: string, check: string): string[] {
  const lines = output.split('\n');
  const found: string[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith(`[${level}]`) || !line.slice(10).startsWith(`${check}: `)) return;
    const fix = lines[i + 1]?.trim().startsWith('fix: ') ? `\n${lines[i + 1].trim()}` : '';
    found.push(`${line.slice(10 + check.length + 2)}${fix}`);
  });
  return found;
}

describe('lightpath doctor', () => {
  let deployment: Deployment;
  before(async () => {
    deployment = await makeDeployment();
  });
  after(() => deployment.remove());

  const doctor = (env: Record<string, string> = {}) => runLightpath(['doctor'], { ...deployment.env, ...env });

  test('a healthy deployment passes every check and exits 0', async () => {
    const result = await doctor();
    assert.equal(result.code, 0, result.output);
    assert.doesNotMatch(result.output, /^\[(error|warning)\]/m);
    assert.equal(findings(result.output, 'ok', 'settings').length, 1);
    assert.match(findings(result.output, 'ok', 'database')[0], /answers; \d+ migration\(s\) applied$/);
    assert.deepEqual(findings(result.output, 'ok', 'data roots'), [`${deployment.dataRoot} is readable`]);
    assert.deepEqual(findings(result.output, 'ok', 'recorded files'), [
      'the newest 2 datasets have their files', 'the newest 1 reports have their files', 'the newest 12 data products have their files',
    ]);
    assert.equal(findings(result.output, 'ok', 'directories').length, 3);
    assert.ok(findings(result.output, 'ok', 'disk space').length >= 3);
    assert.match(findings(result.output, 'ok', 'ffmpeg').join('\n'), /makes gif timelapses \(the default format\)/);
    assert.deepEqual(findings(result.output, 'ok', 'smtp'), [`the mail server at 127.0.0.1:${deployment.smtp.port} answers`]);
    assert.equal(findings(result.output, TEST_DB === 'postgres' ? 'ok' : 'skipped', 'clock').length, 1);
    assert.equal(findings(result.output, 'skipped', 'reverse proxy').length, 1);
    assert.match(result.output, /\nEverything checked is in order\.\n$/);
  });

  test('invalid settings are each an error, and the other checks wait for them', async () => {
    const result = await doctor({ LIGHTPATH_JOB_POLL_MS: 'often', SMTP_PORT: '0' });
    assert.equal(result.code, 1);
    assert.deepEqual(findings(result.output, 'error', 'settings'), [
      'SMTP_PORT must be a whole number from 1 to 65535 (got "0")\nfix: correct it (docs/configuration.md)',
      'LIGHTPATH_JOB_POLL_MS must be a whole number from 50 to 60000 (got "often")\nfix: correct it (docs/configuration.md)',
    ]);
    assert.match(result.output, /The other checks run once the settings are valid\.\n\n2 errors, 0 warnings\./);
  });

  test('risky settings are warnings, which alone exit 0', async () => {
    const result = await doctor({ LIGHTPATH_DATA_ROOT: '/srv', LIGHTPATH_TRUSTED_NETWORKS: '0.0.0.0/0', LIGHTPATH_BASE_URL: 'http://lightpath.example.org' });
    assert.equal(result.code, 0, result.output);
    const warnings = findings(result.output, 'warning', 'settings');
    assert.deepEqual(warnings.map((w) => w.split(/:|\n/)[0]), ['LIGHTPATH_DATA_ROOT is not a Lightpath setting and is ignored', 'LIGHTPATH_BASE_URL is http', 'LIGHTPATH_TRUSTED_NETWORKS admits every address to the MxDC API']);
    assert.match(warnings[0], /\nfix: correct its name/);
    assert.match(result.output, /\n0 errors, 3 warnings\.\n$/);
  });

  test('a data root that is missing is an error with its fix', async () => {
    const missing = path.join(deployment.dataRoot, 'not-mounted');
    const result = await doctor({ LIGHTPATH_DATA_ROOTS: `${deployment.dataRoot},${missing}` });
    assert.equal(result.code, 1);
    assert.deepEqual(findings(result.output, 'error', 'data roots'), [
      `data root ${missing} cannot be read: cannot stat ${missing}: no such file or directory\n`
      + 'fix: mount it, give the user running Lightpath read access, or correct LIGHTPATH_DATA_ROOTS',
    ]);
    assert.match(result.output, /\n1 error, 0 warnings\. Fix the errors and run lightpath doctor again\.\n$/);
  });

  test('a dataset file and a data product missing on disk are errors naming them', async () => {
    const frame = deployment.frameFiles[1];
    const kept = fs.readFileSync(frame);
    const store = path.join(deployment.database.dataDir, 'files');
    const product = fs.readdirSync(store, { recursive: true, withFileTypes: true }).find((e) => e.isFile() && e.name.endsWith('.fits.fz'))!;
    const productFile = path.join(product.parentPath, product.name);
    const productBytes = fs.readFileSync(productFile);
    fs.rmSync(frame);
    fs.rmSync(productFile);
    try {
      const result = await doctor();
      assert.equal(result.code, 1);
      const errors = findings(result.output, 'error', 'recorded files');
      assert.equal(errors.length, 2, result.output);
      assert.match(errors[0], new RegExp(`^dataset \\d+ \\(lyso-02_1\\): ${frame} is missing\\nfix: mount the data directory where it was, restore the files from a backup`));
      assert.match(errors[1], new RegExp(`^data product \\d+ \\(.*\\): ${productFile} is missing\\nfix: restore LIGHTPATH_DATA_DIR/files from a backup`));
      assert.deepEqual(findings(result.output, 'ok', 'recorded files'), ['the newest 1 reports have their files']);
    } finally {
      fs.writeFileSync(frame, kept);
      fs.writeFileSync(productFile, productBytes);
    }
  });

  test('a mail server that does not answer is an error with its fix', async () => {
    const closed = await freePort();
    const result = await doctor({ SMTP_PORT: String(closed) });
    assert.equal(result.code, 1);
    assert.deepEqual(findings(result.output, 'error', 'smtp'), [
      `the mail server at 127.0.0.1:${closed} did not answer as expected: connect ECONNREFUSED 127.0.0.1:${closed}\n`
      + 'fix: start the mail server, or correct SMTP_HOST and SMTP_PORT (and the firewall between them)',
    ]);
  });

  test('a data directory that cannot be written is an error with its fix', async () => {
    // Even root cannot create files in /sys; the database stays where it is.
    const sqlite: Record<string, string> = TEST_DB === 'sqlite' ? { DATABASE_URL: `sqlite:${path.join(deployment.database.dataDir, 'lightpath.sqlite')}` } : {};
    const result = await doctor({ LIGHTPATH_DATA_DIR: '/sys/lightpath', ...sqlite });
    assert.equal(result.code, 1);
    const errors = findings(result.output, 'error', 'directories');
    assert.equal(errors.length, 2, result.output);
    assert.match(errors[0], /^the data directory \/sys\/lightpath cannot be written: cannot open \/sys\/\.lightpath-doctor-\d+: (permission denied|operation not permitted)\nfix: give the user running Lightpath write access to it, or point LIGHTPATH_DATA_DIR elsewhere$/);
    assert.match(errors[1], /^the file store \/sys\/lightpath\/files cannot be written/);
  });

  test('a database out of reach is an error, and the checks that need it say they were skipped', async () => {
    const env: Record<string, string> = TEST_DB === 'postgres'
      ? { DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/lightpath` }
      : { LIGHTPATH_DATA_DIR: path.join(deployment.database.dataDir, 'elsewhere') };
    const result = await doctor(env);
    assert.equal(result.code, 1);
    const [problem] = findings(result.output, 'error', 'database');
    assert.match(problem, TEST_DB === 'postgres' ? /^cannot reach the database at 127\.0\.0\.1:\d+\/lightpath: connection refused/ : /^there is no database at .*elsewhere\/lightpath\.sqlite yet\nfix: run `lightpath migrate`/);
    assert.deepEqual(findings(result.output, 'skipped', 'recorded files'), ['the database could not be reached (see the database check)']);
    if (TEST_DB === 'sqlite') assert.ok(!fs.existsSync(path.join(deployment.database.dataDir, 'elsewhere', 'lightpath.sqlite')));
  });

  test('a database without tables yet is an error that says to migrate', async () => {
    const empty = await freshDatabase();
    try {
      const result = await runLightpath(['doctor'], testEnv(empty));
      assert.equal(result.code, 1);
      const [problem] = findings(result.output, 'error', 'database');
      assert.match(problem, /^(the database has no tables yet|there is no database at .* yet)\nfix: run `lightpath migrate` \(or start `lightpath serve`, which migrates first\)$/);
    } finally {
      await empty.drop();
    }
  });

  test('a clock far from the database\'s is an error (PostgreSQL)', { skip: TEST_DB !== 'postgres' ? 'SQLite shares this machine\'s clock' : !fs.existsSync(FAKETIME) ? 'needs libfaketime (apt-get install faketime)' : false }, async () => {
    const result = await doctor({ LD_PRELOAD: FAKETIME, FAKETIME: '+600', DONT_FAKE_MONOTONIC: '1' });
    assert.equal(result.code, 1);
    const [problem] = findings(result.output, 'error', 'clock');
    assert.match(problem, /^this machine's clock is 60\d\.\d s ahead of the database's: MxDC requests signed on time would be refused \(LIGHTPATH_MXDC_TOKEN_WINDOW is 60 s\)\nfix: synchronise the clocks/);
  });
});
