// `lightpath doctor` with LDAP sign-in set up: a test bind with the service account, and what it
// says when the directory refuses it or cannot be reached.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase } from '../../../helpers/database.ts';
import type { TestDatabase } from '../../../helpers/database.ts';
import { testEnv } from '../../../helpers/platform.ts';
import { runLightpath } from '../../../helpers/processes.ts';
import { closedPort, ldapEnv } from './test-directory.ts';

/** The ldap check's lines of the doctor's report (finding and fix). */
function ldapLines(output: string): string {
  return output.split('\n').filter((line, i, all) => /^\[\w+\]\s+ldap: /.test(line) || (/^\s+fix: /.test(line) && /^\[\w+\]\s+ldap: /.test(all[i - 1] ?? ''))).join('\n');
}

describe('lightpath doctor: ldap', () => {
  let database: TestDatabase;
  before(async () => {
    database = await freshDatabase();
    await runLightpath(['migrate'], testEnv(database));
  });
  after(() => database.drop());

  const doctor = (env: Record<string, string>) => runLightpath(['doctor'], testEnv(database, env));

  test('a working directory: the test bind succeeds', async () => {
    const { output } = await doctor(ldapEnv());
    assert.match(ldapLines(output), /^\[ok\]\s+ldap: a test bind as cn=lightpath,ou=services,dc=example,dc=org at ldap:\/\/127\.0\.0\.1:\d+ succeeded/);
  });

  test('a refused service account and an unreachable directory are errors with their fix', async () => {
    const refused = ldapLines((await doctor(ldapEnv({ LIGHTPATH_LDAP_BIND_PASSWORD: 'wrong-password' }))).output);
    assert.match(refused, /^\[error\]\s+ldap: .*refused the service account/);
    assert.match(refused, /fix: correct LIGHTPATH_LDAP_BIND_DN and LIGHTPATH_LDAP_BIND_PASSWORD/);

    const unreachable = ldapLines((await doctor(ldapEnv({ LIGHTPATH_LDAP_URL: `ldap://127.0.0.1:${await closedPort()}` }))).output);
    assert.match(unreachable, /^\[error\]\s+ldap: .*cannot reach the directory/);
    assert.match(unreachable, /fix: start the directory, or correct LIGHTPATH_LDAP_URL/);
  });
});
