// `lightpath doctor` with OpenID Connect sign-in set up: the provider's discovery document is read,
// and a provider that cannot be reached or lacks an asked-for scope is an error with its fix.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase } from '../../../helpers/database.ts';
import type { TestDatabase } from '../../../helpers/database.ts';
import { testEnv } from '../../../helpers/platform.ts';
import { freePort, runLightpath } from '../../../helpers/processes.ts';
import { startOidcProvider } from '../../../support/oidc-provider.ts';
import type { TestOidcProvider } from '../../../support/oidc-provider.ts';
import { oidcEnv } from '../../../support/oidc-provider-setup.ts';

/** The oidc check's lines of the doctor's report (each finding and its fix). */
function oidcLines(output: string): string {
  const lines = output.split('\n');
  return lines.filter((line, i) => /^\[\w+\]\s+oidc: /.test(line) || (/^\s+fix: /.test(line) && /^\[\w+\]\s+oidc: /.test(lines[i - 1] ?? ''))).join('\n');
}

describe('lightpath doctor: oidc', () => {
  let database: TestDatabase;
  let idp: TestOidcProvider;
  before(async () => {
    database = await freshDatabase();
    await runLightpath(['migrate'], testEnv(database));
    idp = await startOidcProvider();
    idp.allowClient('https://lightpath.example.org');
  });
  after(async () => {
    await idp?.stop();
    await database?.drop();
  });

  const doctor = async (env: Record<string, string>) => oidcLines((await runLightpath(['doctor'], testEnv(database, env))).output);

  test('a provider that answers: its discovery document is read', async () => {
    const lines = await doctor(oidcEnv(idp, { LIGHTPATH_BASE_URL: 'https://lightpath.example.org' }));
    assert.match(lines, /^\[ok\]\s+oidc: the identity provider at http:\/\/127\.0\.0\.1:\d+ answers its discovery request$/m);
    assert.doesNotMatch(lines, /\[(error|warning)\]/);
  });

  test('a scope the provider does not offer, and no base URL, are reported with their fix', async () => {
    const lines = await doctor(oidcEnv(idp, { LIGHTPATH_OIDC_SCOPES: 'openid profile roles' }));
    assert.match(lines, /\[error\]\s+oidc: the provider does not offer the scope\(s\) roles/);
    assert.match(lines, /fix: remove them from LIGHTPATH_OIDC_SCOPES/);
    assert.match(lines, /\[warning\]\s+oidc: LIGHTPATH_BASE_URL is not set/);
  });

  test('a provider that cannot be reached is an error with its fix', async () => {
    const lines = await doctor({ LIGHTPATH_OIDC_ISSUER: `http://127.0.0.1:${await freePort()}`, LIGHTPATH_OIDC_CLIENT_ID: 'lightpath' });
    assert.match(lines, /^\[error\]\s+oidc: the identity provider at http:\/\/127\.0\.0\.1:\d+ did not answer its discovery request \(fetch failed: ECONNREFUSED\)/m);
    assert.match(lines, /fix: correct LIGHTPATH_OIDC_ISSUER/);
  });

  test('without a provider set up, the check says it was skipped', async () => {
    assert.match(await doctor({}), /^\[skipped\]\s+oidc: LIGHTPATH_OIDC_ISSUER is not set/m);
  });
});
