// Checking a username and password against the facility's LDAP directory: find the person with the
// service account, bind as them with the password given, read their groups. What comes back is an
// ExternalIdentity for the mapping, "wrong credentials", or a DirectoryProblem (the directory could
// not be reached, or refused Lightpath's own settings) that the caller reports as such.
import fs from 'node:fs';
import net from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { Client, InvalidCredentialsError, NoSuchObjectError, ResultCodeError } from 'ldapts';
import type { Entry } from 'ldapts';
import type { LdapConfig } from './ldap-config.ts';
import { fillFilter } from './filter-escape.ts';
import type { ExternalIdentity } from '../external/sign-in.ts';

/** The directory could not answer (unreachable) or refused Lightpath's settings (misconfigured). */
export class DirectoryProblem extends Error {
  constructor(readonly kind: 'unreachable' | 'misconfigured', message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export type DirectoryAnswer = { ok: true; identity: ExternalIdentity } | { ok: false; why: string };

export async function authenticateWithDirectory(config: LdapConfig, username: string, password: string): Promise<DirectoryAnswer> {
  // An empty password makes a simple bind "unauthenticated" (RFC 4513 §5.1.2), which many
  // directories accept as anonymous: it must never reach the directory.
  if (password === '') return { ok: false, why: 'empty password' };
  return withServiceClient(config, async (service) => {
    const found = await findPerson(service, config, username);
    if (!('dn' in found)) return found;
    if (!(await passwordAccepted(config, found.dn, password))) return { ok: false, why: 'wrong password' };
    return { ok: true, identity: await identityOf(service, config, found, username) };
  });
}

/**
 * What the directory says now about people who signed in before (no password: for refreshing
 * their access); null for a person it no longer holds.
 */
export async function lookUpPeople(config: LdapConfig, usernames: string[]): Promise<Map<string, ExternalIdentity | null>> {
  return withServiceClient(config, async (service) => {
    const people = new Map<string, ExternalIdentity | null>();
    for (const username of usernames) {
      const found = await findPerson(service, config, username);
      people.set(username, 'dn' in found ? await identityOf(service, config, found, username) : null);
    }
    return people;
  });
}

async function findPerson(service: Client, config: LdapConfig, username: string): Promise<Entry | { ok: false; why: string }> {
  const found = await search(service, config.searchBase, fillFilter(config.userFilter, { username }), ['*', ...(config.groupAttribute ? [config.groupAttribute] : [])]);
  if (found.length === 1) return found[0];
  return { ok: false, why: found.length === 0 ? 'no such person' : `the filter matches ${found.length} entries` };
}

async function identityOf(service: Client, config: LdapConfig, entry: Entry, typed: string): Promise<ExternalIdentity> {
  const username = firstValue(entry, config.usernameAttribute) ?? typed;
  const groups = [...values(entry, config.groupAttribute)];
  if (config.groupSearchBase !== null) {
    const memberships = await search(service, config.groupSearchBase, fillFilter(config.groupFilter, { dn: entry.dn, username }), ['cn']);
    groups.push(...memberships.map((group) => group.dn));
  }
  return {
    source: 'ldap', username, fullName: firstValue(entry, config.nameAttribute), email: firstValue(entry, config.emailAttribute),
    groups: [...new Set(groups)], attributes: attributesOf(entry),
  };
}

/** Opens a connection (upgraded with StartTLS when set) bound as the service account, runs `work`, and always closes it. */
export async function withServiceClient<T>(config: LdapConfig, work: (client: Client) => Promise<T>): Promise<T> {
  const client = await connect(config);
  try {
    if (config.bindDn !== null) {
      try {
        await client.bind(config.bindDn, config.bindPassword);
      } catch (error) {
        if (error instanceof InvalidCredentialsError) throw new DirectoryProblem('misconfigured', `the directory refused the service account ${config.bindDn} (check LIGHTPATH_LDAP_BIND_DN and LIGHTPATH_LDAP_BIND_PASSWORD)`, { cause: error });
        throw classify(error);
      }
    }
    return await work(client);
  } finally {
    await client.unbind().catch(() => {});
  }
}

async function passwordAccepted(config: LdapConfig, dn: string, password: string): Promise<boolean> {
  const client = await connect(config);
  try {
    await client.bind(dn, password);
    return true;
  } catch (error) {
    if (error instanceof InvalidCredentialsError) return false;
    throw classify(error);
  } finally {
    await client.unbind().catch(() => {});
  }
}

async function connect(config: LdapConfig): Promise<Client> {
  const tlsOptions = tlsOptionsFor(config);
  // ldapts speaks TLS from the start whenever it is given TLS options: only for ldaps:// then.
  const client = new Client({
    url: config.url, timeout: config.timeoutSeconds * 1000, connectTimeout: config.timeoutSeconds * 1000,
    ...(/^ldaps:/i.test(config.url) ? { tlsOptions } : {}),
  });
  if (config.startTls) {
    try {
      await client.startTLS(tlsOptions);
    } catch (error) {
      await client.unbind().catch(() => {});
      throw classify(error);
    }
  }
  return client;
}

function tlsOptionsFor(config: LdapConfig): ConnectionOptions {
  const host = config.url.replace(/^ldaps?:\/\//i, '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return { ...(net.isIP(host) ? {} : { servername: host }), ...(config.caFile ? { ca: fs.readFileSync(config.caFile) } : {}) };
}

async function search(client: Client, base: string, filter: string, attributes: string[]): Promise<Entry[]> {
  try {
    return (await client.search(base, { scope: 'sub', filter, attributes })).searchEntries;
  } catch (error) {
    throw classify(error, base);
  }
}

/** An LDAP result code means the directory answered but refused our settings; anything else means it could not be reached. */
function classify(error: unknown, searchBase?: string): DirectoryProblem {
  if (error instanceof DirectoryProblem) return error;
  if (error instanceof ResultCodeError) {
    const problem = error instanceof NoSuchObjectError && searchBase !== undefined
      ? `the search base ${searchBase} does not exist in the directory`
      : `the directory refused the request: ${error.message}`;
    return new DirectoryProblem('misconfigured', problem, { cause: error });
  }
  const reason = (error as { code?: string }).code ?? (error as Error).message ?? String(error);
  return new DirectoryProblem('unreachable', `cannot reach the directory: ${reason}`, { cause: error });
}

function values(entry: Entry, attribute: string): string[] {
  if (!attribute) return [];
  const key = Object.keys(entry).find((k) => k.toLowerCase() === attribute.toLowerCase());
  const held = key === undefined ? [] : entry[key];
  return (Array.isArray(held) ? held : [held]).map((v) => v.toString());
}

function firstValue(entry: Entry, attribute: string): string | undefined {
  return values(entry, attribute)[0];
}

/** The entry's attributes for the mapping's attribute rules; passwords are never passed on. */
function attributesOf(entry: Entry): Record<string, unknown> {
  return Object.fromEntries(Object.keys(entry).filter((k) => k !== 'dn' && k.toLowerCase() !== 'userpassword').map((k) => [k, values(entry, k)]));
}
