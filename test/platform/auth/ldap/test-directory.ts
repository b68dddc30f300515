// The OpenLDAP server the LDAP tests sign in against (scripts/test-slapd.sh starts it, loaded from
// test/fixtures/ldap/directory.ldif), the settings that point Lightpath at it, and changes to
// people and groups made as the directory's administrator. People a test changes are its own,
// with a fresh name, so the SQLite and PostgreSQL runs against one server do not meet.
import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { Attribute, Change, Client } from 'ldapts';
import { loadDocument } from '../../../../src/loader/load-file.ts';
import { loadSections } from '../../../../src/modules.ts';
import type { Platform } from '../../../../src/platform/context.ts';

const url = process.env.LIGHTPATH_TEST_LDAP_URL ?? '';
if (url === '') {
  throw new Error('The LDAP sign-in tests need a directory: run `export LIGHTPATH_TEST_LDAP_URL=$(scripts/test-slapd.sh start)` (Debian packages slapd and ldap-utils) and run them again.');
}
export const LDAP_URL = url;

/** The self-signed certificate the test directory offers with StartTLS (scripts/test-slapd.sh). */
export const TEST_DIRECTORY_CA = path.resolve(import.meta.dirname, '../../../fixtures/ldap/test-server.pem');

const BASE = 'dc=example,dc=org';
export const PEOPLE = `ou=people,${BASE}`;
export const group = (cn: string) => `cn=${cn},ou=groups,${BASE}`;

/** Lightpath's settings for the test directory (the service account of the LDIF). */
export function ldapEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    LIGHTPATH_LDAP_URL: LDAP_URL,
    LIGHTPATH_LDAP_BIND_DN: `cn=lightpath,ou=services,${BASE}`,
    LIGHTPATH_LDAP_BIND_PASSWORD: 'service-secret',
    LIGHTPATH_LDAP_SEARCH_BASE: PEOPLE,
    ...overrides,
  };
}

/** The facility's mapping: staff by group, a beamline project by group, a telescope group by group or attribute. */
export async function loadMapping(platform: Platform): Promise<void> {
  await loadDocument(platform, {
    identity_mapping: [
      { group: group('mx-staff'), grants: 'staff' },
      { group: 'mx-users', grants: 'project' },
      { group: 'astro-class', grants: 'telescope', telescope_group: 'astro-101' },
      { attribute: 'employeeType', value: 'student', grants: 'telescope', telescope_group: 'students' },
    ],
  }, loadSections, process.cwd());
}

async function asAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ url: LDAP_URL, timeout: 5000, connectTimeout: 5000 });
  try {
    await client.bind(`cn=admin,${BASE}`, 'admin-secret');
    return await work(client);
  } finally {
    await client.unbind();
  }
}

/** Adds a person with a fresh uid (prefix + random) in the given groups; returns the uid. */
export async function addPerson(prefix: string, password: string, groups: string[]): Promise<string> {
  const uid = `${prefix}${crypto.randomBytes(4).toString('hex')}`;
  await asAdmin(async (client) => {
    await client.add(`uid=${uid},${PEOPLE}`, { objectClass: 'inetOrgPerson', uid, cn: `Person ${uid}`, sn: uid, mail: `${uid}@example.org`, userPassword: password });
    for (const cn of groups) await setMember(client, cn, uid, 'add');
  });
  return uid;
}

export async function leaveGroup(uid: string, cn: string): Promise<void> {
  await asAdmin((client) => setMember(client, cn, uid, 'delete'));
}

export async function removePerson(uid: string): Promise<void> {
  await asAdmin((client) => client.del(`uid=${uid},${PEOPLE}`));
}

async function setMember(client: Client, cn: string, uid: string, operation: 'add' | 'delete'): Promise<void> {
  await client.modify(group(cn), new Change({ operation, modification: new Attribute({ type: 'member', values: [`uid=${uid},${PEOPLE}`] }) }));
}

/** A loopback TCP server that only counts the connections made to it, as a directory that must never be asked. */
export async function countingServer(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = net.createServer((socket) => {
    count += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { url: `ldap://127.0.0.1:${port}`, connections: () => count, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
