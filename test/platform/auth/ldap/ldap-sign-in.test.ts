// Signing in with a directory account through the login form, against a real OpenLDAP on loopback:
// the account and its links made by the mapping, staff by group, access lost when a group is taken
// away, escaped filters, empty passwords, an unreachable or misconfigured directory, a local
// disable, API tokens, and local accounts beside it all.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { startTestServer } from '../../../helpers/platform.ts';
import type { TestServer } from '../../../helpers/platform.ts';
import { login, makeUser } from '../../../helpers/accounts.ts';
import { addPerson, closedPort, countingServer, ldapEnv, leaveGroup, loadMapping, removePerson, TEST_DIRECTORY_CA } from './test-directory.ts';
import { authenticateWithDirectory } from '../../../../src/platform/auth/ldap/directory.ts';
import { refreshDirectoryAccounts } from '../../../../src/platform/auth/ldap/directory-refresh.ts';
import { escapeFilterValue } from '../../../../src/platform/auth/ldap/filter-escape.ts';
import { loadConfig } from '../../../../src/config.ts';

const LOGIN = '/rest/v1/auth/login';

describe('LDAP sign-in', () => {
  let server: TestServer;
  const made: string[] = [];
  before(async () => {
    server = await startTestServer({ env: ldapEnv() });
    await loadMapping(server.platform);
    await makeUser(server.platform, 'staffer', { staff: true });
  });
  after(async () => {
    await server.close();
    for (const uid of made) await removePerson(uid);
  });

  const inject = (options: InjectOptions) => server.app.inject(options);
  const signIn = (username: string, password: string) => inject({ method: 'POST', url: LOGIN, payload: { username, password } });
  const person = async (prefix: string, password: string, groups: string[]) => {
    const uid = await addPerson(prefix, password, groups);
    made.push(uid);
    return uid;
  };

  test('the first sign-in creates the local account with its beamline project, from the directory entry', async () => {
    const session = await login(server.app, 'alice', 'alice-secret');
    const me = (await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: { cookie: session.cookie } })).json();
    assert.equal(me.user.username, 'alice');
    assert.equal(me.user.full_name, 'Alice Archer');
    assert.equal(me.user.email, 'alice@example.org');
    assert.equal(me.user.is_staff, false);
    assert.deepEqual(me.projects.map((p: { username: string }) => p.username), ['alice']);

    const staff = await login(server.app, 'staffer');
    const signInInfo = await inject({ method: 'GET', url: `/rest/v1/users/${me.user.id}/sign-in`, headers: { cookie: staff.cookie } });
    assert.equal(signInInfo.statusCode, 200, signInInfo.body);
    assert.equal(signInInfo.json().auth_source, 'ldap');
    assert.equal(signInInfo.json().disabled_at, null);
    assert.deepEqual(signInInfo.json().links.map((l: { kind: string; name: string }) => [l.kind, l.name]), [['project', 'alice']]);

    // A second sign-in finds the same account.
    const again = await signIn('alice', 'alice-secret');
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().user.id, me.user.id);
  });

  test('a staff group makes a staff member; a telescope group and an attribute link telescope groups', async () => {
    const sam = await login(server.app, 'sam', 'sam-secret');
    const users = await inject({ method: 'GET', url: '/rest/v1/users', headers: { cookie: sam.cookie } });
    assert.equal(users.statusCode, 200, 'staff may list users');

    const tess = await signIn('tess', 'tess-secret');
    assert.equal(tess.statusCode, 200, tess.body);
    assert.equal(tess.json().user.is_staff, false);
    const staff = await login(server.app, 'staffer');
    const links = (await inject({ method: 'GET', url: `/rest/v1/users/${tess.json().user.id}/sign-in`, headers: { cookie: staff.cookie } })).json().links;
    assert.deepEqual(links.map((l: { kind: string; name: string }) => [l.kind, l.name]), [['telescope', 'astro-101'], ['telescope', 'students']]);
  });

  test('a wrong password or an unknown name is the usual 401', async () => {
    for (const [username, password] of [['alice', 'wrong'], ['nobody-here', 'whatever'], ['alice', 'alan-secret']]) {
      const response = await signIn(username, password);
      assert.equal(response.statusCode, 401, `${username}/${password}`);
      assert.deepEqual(response.json(), { detail: 'Invalid username or password.' });
    }
  });

  test('a directory person in no mapped group is told so (403), recorded but inactive', async () => {
    const response = await signIn('nora', 'nora-secret');
    assert.equal(response.statusCode, 403);
    assert.match(response.json().detail, /not in any group that has access/);
    assert.equal(response.cookies.length, 0, 'no session');
    const staff = await login(server.app, 'staffer');
    const listed = (await inject({ method: 'GET', url: '/rest/v1/users?search=nora', headers: { cookie: staff.cookie } })).json();
    assert.equal(listed.results[0].username, 'nora');
    assert.equal(listed.results[0].is_active, false);
  });

  test('removed from the project group: the next sign-in is refused and the old session and token stop working', async () => {
    const uid = await person('leaver', 'leaver-secret', ['mx-users']);
    const session = await login(server.app, uid, 'leaver-secret');
    const created = await inject({ method: 'POST', url: '/rest/v1/tokens', headers: session.headers, payload: { name: 'script' } });
    assert.equal(created.statusCode, 201, created.body);
    const token = { authorization: `Bearer ${created.json().token}` };
    assert.equal((await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: token })).statusCode, 200, 'the token works');

    await leaveGroup(uid, 'mx-users');
    const refused = await signIn(uid, 'leaver-secret');
    assert.equal(refused.statusCode, 403);
    assert.equal((await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: { cookie: session.cookie } })).statusCode, 401, 'the session ended');
    assert.equal((await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: token })).statusCode, 401, 'the token stopped');
  });

  test('removed from the group while signed in: the next directory refresh ends the session and the token, no sign-in needed', async () => {
    const uid = await person('refreshed', 'refreshed-secret', ['mx-users']);
    const stays = await person('stays', 'stays-secret', ['mx-users']);
    const session = await login(server.app, uid, 'refreshed-secret');
    const token = { authorization: `Bearer ${(await inject({ method: 'POST', url: '/rest/v1/tokens', headers: session.headers, payload: { name: 't' } })).json().token}` };
    const other = await login(server.app, stays, 'stays-secret');

    await leaveGroup(uid, 'mx-users');
    const outcome = await refreshDirectoryAccounts(server.platform);
    assert.deepEqual(outcome.lostAccess, [uid]);
    assert.equal((await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: { cookie: session.cookie } })).statusCode, 401);
    assert.equal((await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: token })).statusCode, 401);
    assert.equal((await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: { cookie: other.cookie } })).statusCode, 200, 'others keep theirs');
  });

  test('removed from the staff group: the next sign-in is no longer staff, and neither is the older session', async () => {
    const uid = await person('demoted', 'demoted-secret', ['mx-users', 'mx-staff']);
    const first = await login(server.app, uid, 'demoted-secret');
    assert.equal((await inject({ method: 'GET', url: '/rest/v1/users', headers: { cookie: first.cookie } })).statusCode, 200);
    await leaveGroup(uid, 'mx-staff');
    const second = await signIn(uid, 'demoted-secret');
    assert.equal(second.statusCode, 200);
    assert.equal(second.json().user.is_staff, false);
    assert.equal((await inject({ method: 'GET', url: '/rest/v1/users', headers: { cookie: first.cookie } })).statusCode, 403);
  });

  test('filter characters in the username are escaped: they match nobody, not alice', async () => {
    // Unescaped, "alic*" and "a*ice" would find exactly alice and bind as her with her password.
    for (const username of ['alic*', 'a*ice', '*', 'alice)(uid=*', ')(uid=*', 'alice\\', 'al\\69ce', 'alice\u0000', '*)(|(uid=*']) {
      const response = await signIn(username, 'alice-secret');
      assert.ok(response.statusCode === 401 || response.statusCode === 400, `${JSON.stringify(username)}: ${response.statusCode} ${response.body}`);
    }
    assert.equal(escapeFilterValue('a*b(c)d\\e\u0000'), 'a\\2ab\\28c\\29d\\5ce\\00');
  });

  test('an empty password is refused without asking the directory', async () => {
    const schema = await signIn('alice', '');
    assert.equal(schema.statusCode, 400);
    const directory = await countingServer();
    try {
      const config = loadConfig({ ...ldapEnv({ LIGHTPATH_LDAP_URL: directory.url }), LIGHTPATH_DATA_DIR: server.database.dataDir });
      const answer = await authenticateWithDirectory(config.ldap!, 'alice', '');
      assert.deepEqual(answer, { ok: false, why: 'empty password' });
      assert.equal(directory.connections(), 0, 'no connection, so no bind');
    } finally {
      await directory.close();
    }
  });

  test('staff can disable a directory account: sign-in refused, sessions and tokens stop; enabling lets the next sign-in back in', async () => {
    const uid = await person('disabled', 'disabled-secret', ['mx-users']);
    const session = await login(server.app, uid, 'disabled-secret');
    const id = (await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: { cookie: session.cookie } })).json().user.id;
    const token = { authorization: `Bearer ${(await inject({ method: 'POST', url: '/rest/v1/tokens', headers: session.headers, payload: { name: 't' } })).json().token}` };
    const staff = await login(server.app, 'staffer');

    const notStaff = await inject({ method: 'POST', url: `/rest/v1/users/${id}/disable`, headers: session.headers });
    assert.equal(notStaff.statusCode, 403);
    const disabled = await inject({ method: 'POST', url: `/rest/v1/users/${id}/disable`, headers: staff.headers });
    assert.equal(disabled.statusCode, 200, disabled.body);
    assert.ok(disabled.json().disabled_at);
    assert.equal(disabled.json().user.is_active, false);

    assert.equal((await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: { cookie: session.cookie } })).statusCode, 401);
    assert.equal((await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: token })).statusCode, 401);
    const refused = await signIn(uid, 'disabled-secret');
    assert.equal(refused.statusCode, 403);
    assert.match(refused.json().detail, /disabled/);
    // Reactivating through the user form does not lift a disable: the token stays refused.
    await inject({ method: 'PATCH', url: `/rest/v1/users/${id}`, headers: staff.headers, payload: { is_active: true } });
    assert.equal((await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: token })).statusCode, 401);

    const enabled = await inject({ method: 'POST', url: `/rest/v1/users/${id}/enable`, headers: staff.headers });
    assert.equal(enabled.statusCode, 200);
    assert.equal(enabled.json().disabled_at, null);
    assert.equal((await signIn(uid, 'disabled-secret')).statusCode, 200);

    const staffer = (await server.platform.users.findByUsername('staffer'))!;
    const local = await inject({ method: 'POST', url: `/rest/v1/users/${staffer.id}/disable`, headers: staff.headers });
    assert.equal(local.statusCode, 400, 'local accounts are deactivated, not disabled');
  });

  test('a directory account keeps its API tokens working for scripts', async () => {
    const session = await login(server.app, 'alan', 'alan-secret');
    const created = await inject({ method: 'POST', url: '/rest/v1/tokens', headers: session.headers, payload: { name: 'mxdc-script', scope: 'read' } });
    assert.equal(created.statusCode, 201);
    const me = await inject({ method: 'GET', url: '/rest/v1/auth/me', headers: { authorization: `Bearer ${created.json().token}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.username, 'alan');
    assert.equal(me.json().via, 'token');
  });

  test('local accounts sign in with their own password, and a directory person of the same name cannot take one over', async () => {
    await makeUser(server.platform, 'tess-local', { password: 'local-password' });
    assert.equal((await signIn('tess-local', 'local-password')).statusCode, 200);
    const uid = await person('twin', 'twin-directory', ['mx-users', 'mx-staff']);
    // A local account named like the directory person answers with the local password only.
    await server.platform.users.create({ username: uid, password: 'local-password' });
    assert.equal((await signIn(uid, 'twin-directory')).statusCode, 401);
    const local = await signIn(uid, 'local-password');
    assert.equal(local.statusCode, 200);
    assert.equal(local.json().user.is_staff, false, 'the directory\'s staff group does not reach the local account');
  });
});

describe('LDAP sign-in with groups found by a search (no memberOf)', () => {
  test('the group search finds the staff and project groups', async () => {
    const server = await startTestServer({ env: ldapEnv({ LIGHTPATH_LDAP_GROUP_ATTRIBUTE: '', LIGHTPATH_LDAP_GROUP_SEARCH_BASE: 'ou=groups,dc=example,dc=org' }) });
    try {
      await loadMapping(server.platform);
      const sam = await login(server.app, 'sam', 'sam-secret');
      const me = (await server.app.inject({ method: 'GET', url: '/rest/v1/auth/me', headers: { cookie: sam.cookie } })).json();
      assert.equal(me.user.is_staff, true);
      assert.deepEqual(me.projects.map((p: { username: string }) => p.username), ['sam']);
    } finally {
      await server.close();
    }
  });
});

describe('LDAP sign-in over StartTLS', () => {
  test('with the directory\'s certificate authority trusted, people sign in; without it, nothing is sent in the clear', async () => {
    const trusted = await startTestServer({ env: ldapEnv({ LIGHTPATH_LDAP_STARTTLS: 'true', LIGHTPATH_LDAP_CA_FILE: TEST_DIRECTORY_CA }) });
    try {
      await loadMapping(trusted.platform);
      await login(trusted.app, 'alice', 'alice-secret');
    } finally {
      await trusted.close();
    }
    const untrusted = await startTestServer({ env: ldapEnv({ LIGHTPATH_LDAP_STARTTLS: 'true' }) });
    try {
      const response = await untrusted.app.inject({ method: 'POST', url: LOGIN, payload: { username: 'alice', password: 'alice-secret' } });
      assert.equal(response.statusCode, 503, 'the self-signed certificate is refused, so the upgrade fails before any password is sent');
    } finally {
      await untrusted.close();
    }
  });
});

describe('LDAP sign-in when the directory cannot answer', () => {
  test('an unreachable directory is a 503 that says so; local accounts still sign in', async () => {
    const server = await startTestServer({ env: ldapEnv({ LIGHTPATH_LDAP_URL: `ldap://127.0.0.1:${await closedPort()}`, LIGHTPATH_LDAP_TIMEOUT_SECONDS: '2' }) });
    try {
      await makeUser(server.platform, 'local-one');
      const response = await server.app.inject({ method: 'POST', url: LOGIN, payload: { username: 'alice', password: 'alice-secret' } });
      assert.equal(response.statusCode, 503);
      assert.match(response.json().detail, /directory cannot be reached/);
      await login(server.app, 'local-one');
    } finally {
      await server.close();
    }
  });

  test('a refused service account or a search base that does not exist is a 503 naming the misconfiguration, not a wrong password', async () => {
    const settings: Record<string, string>[] = [{ LIGHTPATH_LDAP_BIND_PASSWORD: 'not-the-service-password' }, { LIGHTPATH_LDAP_SEARCH_BASE: 'ou=nobody,dc=example,dc=org' }];
    for (const setting of settings) {
      const server = await startTestServer({ env: ldapEnv(setting) });
      try {
        const response = await server.app.inject({ method: 'POST', url: LOGIN, payload: { username: 'alice', password: 'alice-secret' } });
        assert.equal(response.statusCode, 503, JSON.stringify(setting));
        assert.match(response.json().detail, /misconfigured/);
      } finally {
        await server.close();
      }
    }
  });
});
