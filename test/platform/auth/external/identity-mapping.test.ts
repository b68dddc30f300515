// The identity mapping: declared with `lightpath load` (identity_mapping:), and applied by
// signInExternal, the entry point both the OpenID Connect and the LDAP sign-ins call. What it made
// is read back through the REST API, as staff and as the person with an API token.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer, testEnv } from '../../../helpers/platform.ts';
import type { TestServer } from '../../../helpers/platform.ts';
import { bearer, login, makeUser } from '../../../helpers/accounts.ts';
import { runLightpath } from '../../../helpers/processes.ts';
import { signInExternal } from '../../../../src/platform/auth/external/sign-in.ts';
import type { ExternalIdentity } from '../../../../src/platform/auth/external/sign-in.ts';

const MAPPING = `identity_mapping:
  - group: /mx-staff
    grants: staff
  - group: mx-users
    grants: project
  - group: cn=astro-class,ou=groups,dc=example,dc=org
    grants: telescope
    telescope_group: astro-101
  - attribute: eduPersonAffiliation
    value: student
    source: oidc
    grants: telescope
    telescope_group: students
`;

describe('identity mapping', () => {
  let server: TestServer;
  let staff: Awaited<ReturnType<typeof login>>;
  before(async () => {
    server = await startTestServer();
    const file = path.join(server.database.dataDir, 'mapping.yaml');
    fs.writeFileSync(file, MAPPING);
    const loaded = await runLightpath(['load', file], testEnv(server.database));
    assert.equal(loaded.code, 0, loaded.output);
    assert.match(loaded.output, /identity rule group mx-users → project: created/);
    await makeUser(server.platform, 'staffer', { staff: true });
    staff = await login(server.app, 'staffer');
  });
  after(() => server.close());

  const oidc = (username: string, groups: string[], more: Partial<ExternalIdentity> = {}): ExternalIdentity => ({ source: 'oidc', username, groups, ...more });
  const signInInfo = async (userId: number) => (await server.app.inject({ method: 'GET', url: `/rest/v1/users/${userId}/sign-in`, headers: { cookie: staff.cookie } })).json();

  test('loading the same mapping again changes nothing; a dropped rule is reported; a telescope rule needs its group', async () => {
    const file = path.join(server.database.dataDir, 'mapping.yaml');
    const again = await runLightpath(['load', file], testEnv(server.database));
    assert.equal(again.code, 0, again.output);
    assert.match(again.output, /0 created, 0 updated, 4 unchanged\./);

    const broken = path.join(server.database.dataDir, 'broken.yaml');
    fs.writeFileSync(broken, 'identity_mapping:\n  - group: astro\n    grants: telescope\n');
    const refused = await runLightpath(['load', broken], testEnv(server.database));
    assert.notEqual(refused.code, 0);
    assert.match(refused.output, /a telescope rule needs telescope_group/);

    const shorter = path.join(server.database.dataDir, 'shorter.yaml');
    fs.writeFileSync(shorter, MAPPING.split('  - attribute:')[0]);
    const dropped = await runLightpath(['load', shorter], testEnv(server.database));
    assert.match(dropped.output, /identity rule attribute eduPersonAffiliation=student → telescope group students \(oidc\): updated \(removed\)/);
    const restored = await runLightpath(['load', file], testEnv(server.database));
    assert.equal(restored.code, 0, restored.output);
  });

  test('an OIDC person with Keycloak group paths and a claim: staff, their own project, telescope groups', async () => {
    const result = await signInExternal(server.platform, oidc('olga', ['/mx-staff', '/mx-users'], {
      fullName: 'Olga Optics', email: 'olga@example.org', attributes: { eduPersonAffiliation: ['member', 'student'] },
    }));
    assert.deepEqual(result, { ok: true, userId: (result as { userId: number }).userId, staff: true, projects: ['olga'], telescopeGroups: ['students'] });
    const info = await signInInfo((result as { userId: number }).userId);
    assert.equal(info.auth_source, 'oidc');
    assert.equal(info.user.full_name, 'Olga Optics');
    assert.equal(info.user.is_staff, true);
    assert.deepEqual(info.links.map((l: { kind: string; name: string }) => `${l.kind}:${l.name}`), ['project:olga', 'staff:staff', 'telescope:students']);

    // The project is the account MxDC signs as: the beamline side knows it by the username.
    const user = (await server.platform.users.findByUsername('olga'))!;
    const me = await server.app.inject({ method: 'GET', url: '/rest/v1/auth/me', headers: await bearer(server.platform, user) });
    assert.deepEqual(me.json().projects.map((p: { username: string }) => p.username), ['olga']);
  });

  test('a later sign-in updates the links; with no mapped group left the account is inactive and its token stops', async () => {
    const first = await signInExternal(server.platform, oidc('otto', ['mx-users', 'cn=Astro-Class, ou=groups, dc=example, dc=org']));
    assert.ok(first.ok);
    assert.deepEqual(first.telescopeGroups, ['astro-101'], 'DNs compare as LDAP does: case and spaces ignored');
    const token = await bearer(server.platform, (await server.platform.users.findByUsername('otto'))!);

    const second = await signInExternal(server.platform, oidc('otto', ['mx-users']));
    assert.deepEqual(second.ok && second.telescopeGroups, []);
    assert.deepEqual((await signInInfo(first.userId)).links.map((l: { kind: string }) => l.kind), ['project']);

    const third = await signInExternal(server.platform, oidc('otto', ['somewhere-else']));
    assert.equal(third.ok, false);
    assert.equal(!third.ok && third.reason, 'no-access');
    assert.equal((await server.app.inject({ method: 'GET', url: '/rest/v1/auth/me', headers: token })).statusCode, 401);
    const info = await signInInfo(first.userId);
    assert.equal(info.user.is_active, false);
    assert.deepEqual(info.links, []);
  });

  test('a first sign-in without mapped groups records the person, inactive and linked to nothing', async () => {
    const result = await signInExternal(server.platform, oidc('newcomer', []));
    assert.equal(!result.ok && result.reason, 'no-access');
    const user = await server.platform.users.findByUsername('newcomer');
    assert.equal(user?.isActive, false);
  });

  test('a local account is never taken over, and a name Lightpath cannot hold is refused', async () => {
    await makeUser(server.platform, 'localonly');
    const clash = await signInExternal(server.platform, oidc('localonly', ['/mx-staff']));
    assert.equal(!clash.ok && clash.reason, 'no-access');
    assert.match(!clash.ok ? clash.detail : '', /local Lightpath account named "localonly"/);
    assert.equal((await server.platform.users.findByUsername('localonly'))?.isStaff, false);

    const odd = await signInExternal(server.platform, oidc('has space', ['mx-users']));
    assert.equal(!odd.ok && odd.reason, 'no-access');
  });

  test('a disabled account stays out whatever its groups say', async () => {
    const first = await signInExternal(server.platform, oidc('dora', ['mx-users']));
    assert.ok(first.ok);
    const disabled = await server.app.inject({ method: 'POST', url: `/rest/v1/users/${first.userId}/disable`, headers: staff.headers });
    assert.equal(disabled.statusCode, 200);
    const again = await signInExternal(server.platform, oidc('dora', ['mx-users', '/mx-staff']));
    assert.equal(!again.ok && again.reason, 'disabled');
    assert.equal((await server.platform.users.findByUsername('dora'))?.isStaff, false);
  });
});
