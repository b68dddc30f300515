// The doctor's checks are a list others extend: a check added to it runs with the rest and its
// findings are named after it, and a check that throws is reported as an error without stopping
// the others.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/config.ts';
import { doctorChecks, runDoctor } from '../../../src/platform/doctor/checks.ts';
import type { DoctorCheck } from '../../../src/platform/doctor/finding.ts';
import { ok } from '../../../src/platform/doctor/finding.ts';
import { tempDir } from '../../helpers/database.ts';

describe('the doctor\'s list of checks', () => {
  test('an added check runs, and one that throws is an error that does not stop the others', async () => {
    const context = { config: loadConfig({ LIGHTPATH_DATA_DIR: tempDir() }), env: {}, database: null, databaseProblem: { message: 'not opened', fix: 'open it' } };
    const added: DoctorCheck = { name: 'directory service', run: async () => [ok('the directory answers')] };
    const broken: DoctorCheck = { name: 'broken', run: async () => { throw new Error('no route to host'); } };
    const seen: string[] = [];
    const findings = await runDoctor(context, [broken, added], (batch) => seen.push(...batch.map((f) => f.check)));
    assert.deepEqual(findings, [
      { check: 'broken', level: 'error', message: 'the check could not finish: no route to host', fix: 'fix what the message names; if it names nothing you can change, report it as a bug' },
      { check: 'directory service', level: 'ok', message: 'the directory answers' },
    ]);
    assert.deepEqual(seen, ['broken', 'directory service']);
    assert.ok(doctorChecks.length >= 10);
  });
});
