// MxDC's look-ups (project and key, beamline, active automounter) are kept in memory: a warm
// sample list costs one database query, and every change that alters an answer shows in the very
// next call; a change made by another process shows within the cache's lifetime.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { DEMO_FACILITY, startFacility } from './facility.ts';
import type { Facility } from './facility.ts';
import { login, makeUser } from '../helpers/accounts.ts';
import { observeQueries } from '../../src/platform/db/database.ts';
import { LOOKUP_LIFETIME_MS } from '../../src/lims/compat/lookup-cache.ts';
import { MxdcClient } from '../support/mxdc/client.ts';

describe('MxDC look-ups kept in memory', () => {
  let facility: Facility;
  let staff: Record<string, string>;
  let mxdc: MxdcClient;
  let demoUserId: number;
  let projectId: number;

  const rest = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
    const reply = await facility.server.app.inject({ method, url: `/rest/v1${url}`, headers: staff, ...(payload ? { payload } : {}) });
    assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
    return reply.statusCode === 204 ? null : reply.json();
  };
  const names = async (beamline = 'SIM-1') => {
    const reply = await mxdc.samples(beamline);
    assert.equal(reply.status, 200, reply.text);
    return (reply.body as Array<{ name: string }>).map((s) => s.name);
  };
  const containerId = async (name: string): Promise<number> => (
    await facility.server.platform.db.selectFrom('containers').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const automounterId = async (name: string): Promise<number> => (await rest('GET', '/automounters')).results.find((a: { name: string }) => a.name === name).id;
  const beamlineId = async (acronym: string): Promise<number> => (await rest('GET', '/beamlines')).results.find((b: { acronym: string }) => b.acronym === acronym).id;

  const LOADED = ['lyso-01', 'lyso-02', 'lyso-03', 'lyso-04', 'lyso-05', 'lyso-06', 'lyso-07', 'lyso-08'];
  const UNLOADED = ['spare-01', 'spare-02'];

  before(async () => {
    facility = await startFacility();
    await facility.load(DEMO_FACILITY);
    await makeUser(facility.server.platform, 'operator', { staff: true });
    staff = (await login(facility.server.app, 'operator')).headers;
    demoUserId = (await facility.server.platform.users.findByUsername('demo'))!.id;
    projectId = (await rest('GET', '/projects?username=demo')).results[0].id;
  });
  after(() => facility.close());
  beforeEach(async () => {
    mxdc = new MxdcClient(facility.baseUrl, 'demo');
    await rest('POST', `/projects/${projectId}/reset-mxdc-key`);
    assert.equal((await mxdc.register()).status, 200);
  });

  /** The look-up tables one sample list call read (and that a listing read the samples once). */
  const lookupQueries = async (client: MxdcClient, beamline: string, status: number) => {
    const queries: string[] = [];
    observeQueries((event) => queries.push(event.query.sql));
    try {
      assert.equal((await client.samples(beamline)).status, status);
    } finally {
      observeQueries(null);
    }
    if (status === 200) assert.equal(queries.filter((q) => /from "samples"/.test(q)).length, 1);
    // Background jobs may query meanwhile; none of the look-ups' tables may be read.
    return queries.filter((q) => /from "(users|projects|beamlines|automounters)"/.test(q));
  };
  /** Calls until the look-ups are kept (answers read just after a write are not, for a moment). */
  const warm = async ({ client = mxdc, beamline = 'SIM-1', status = 200 } = {}) => {
    let lookups = await lookupQueries(client, beamline, status);
    for (let attempt = 0; attempt < 50 && lookups.length > 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      lookups = await lookupQueries(client, beamline, status);
    }
    assert.deepEqual(lookups, [], 'a warm call reads no look-up table');
  };

  test('a warm sample list asks the database once: the list itself', async () => {
    await warm();
    assert.deepEqual(await names(), [...LOADED, ...UNLOADED]);
  });

  test('a key reset is seen at once, and so is a registration; the old key is then refused', async () => {
    await warm();
    await rest('POST', `/projects/${projectId}/reset-mxdc-key`);
    const refused = await mxdc.samples('SIM-1');
    assert.equal(refused.status, 400, refused.text);
    await warm({ status: 400 });
    const other = new MxdcClient(facility.baseUrl, 'demo');
    assert.equal((await other.register()).status, 200);
    assert.equal((await other.samples('SIM-1')).status, 200);
    await warm({ client: other });
    assert.equal((await mxdc.samples('SIM-1')).status, 403, 'signed with the key that was reset');
  });

  test('a deactivated or locally disabled account is refused at the next call, and works again when enabled', async () => {
    await warm();
    await rest('PATCH', `/users/${demoUserId}`, { is_active: false });
    assert.equal((await mxdc.samples('SIM-1')).status, 404);
    await warm({ status: 404 });
    await rest('PATCH', `/users/${demoUserId}`, { is_active: true });
    await warm();
    const db = facility.server.platform.db;
    await db.updateTable('users').set({ disabled_at: new Date().toISOString() }).where('id', '=', demoUserId).execute();
    assert.equal((await mxdc.samples('SIM-1')).status, 404);
    await db.updateTable('users').set({ disabled_at: null }).where('id', '=', demoUserId).execute();
    assert.equal((await mxdc.samples('SIM-1')).status, 200);
  });

  test('a renamed beamline answers under its new acronym only', async () => {
    await warm({ beamline: 'SIM-2' });
    const id = await beamlineId('SIM-2');
    await rest('PATCH', `/beamlines/${id}`, { acronym: 'SIM-2B' });
    try {
      assert.equal((await mxdc.samples('SIM-2')).status, 404);
      assert.equal((await mxdc.samples('SIM-2B')).status, 200);
    } finally {
      await rest('PATCH', `/beamlines/${id}`, { acronym: 'SIM-2' });
    }
    assert.equal((await mxdc.samples('SIM-2')).status, 200);
  });

  test('moved containers appear and disappear at the next call', async () => {
    await warm();
    assert.deepEqual(await names(), [...LOADED, ...UNLOADED]);
    const spare = await containerId('DEMO-003');
    await rest('POST', `/containers/${spare}/load`, { beamline: 'SIM-2', location: '2A' });
    assert.deepEqual(await names(), LOADED, 'in SIM-2\'s automounter now');
    await warm();
    await rest('POST', `/containers/${spare}/unload`);
    assert.deepEqual(await names(), [...LOADED, ...UNLOADED]);
  });

  test('a newly activated automounter is used at once; removing the active one leaves none', async () => {
    await warm();
    const sim1 = await beamlineId('SIM-1');
    const created = await rest('POST', '/automounters', { beamline_id: sim1, name: 'SIM-1-SPARE', type: 'SAM Automounter', active: true });
    assert.deepEqual(await names(), UNLOADED, 'the adaptor sits in the automounter that was retired');
    await warm();
    await rest('POST', `/automounters/${created.id}/deactivate`);
    const none = await mxdc.samples('SIM-1');
    assert.equal(none.status, 404, none.text);
    assert.match(none.body.detail, /no active automounter/);
    await rest('POST', `/automounters/${created.id}/activate`);
    assert.deepEqual(await names(), UNLOADED);
    await warm();
    await rest('DELETE', `/automounters/${created.id}`);
    assert.equal((await mxdc.samples('SIM-1')).status, 404, 'the removed automounter is not used');
    await rest('POST', `/automounters/${await automounterId('SIM-1-SAM')}/activate`);
    assert.deepEqual(await names(), [...LOADED, ...UNLOADED]);
  });

  test('a change written by another process is seen within the cache lifetime', async () => {
    await warm();
    // Another process: its own connection, whose writes this process does not count.
    const { database } = facility.server.config;
    const write = async (text: string) => {
      if (database.kind === 'postgres') {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          await client.query(text);
        } finally {
          await client.end();
        }
      } else {
        const sqlite = new SQLite(database.sqliteFile);
        try {
          sqlite.prepare(text).run();
        } finally {
          sqlite.close();
        }
      }
    };
    const statusWithin = async (wanted: number) => {
      const deadline = Date.now() + LOOKUP_LIFETIME_MS + 5000;
      let status = 0;
      while (Date.now() < deadline && (status = (await mxdc.samples('SIM-1')).status) !== wanted) await new Promise((resolve) => setTimeout(resolve, 100));
      return status;
    };
    await write(`update users set is_active = false where id = ${demoUserId}`);
    assert.equal(await statusWithin(404), 404);
    await write(`update users set is_active = true where id = ${demoUserId}`);
    assert.equal(await statusWithin(200), 200);
  });
});
