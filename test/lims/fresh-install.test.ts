// Decision D17 on a fresh install: `lightpath serve` with no configuration at all (no data roots)
// and the demo facility loaded. MxDC's whole flow answers 200; the records keep their paths with
// keys that serve nothing, whose links answer 404 naming the setting; the log warns once per
// directory; staff find the records through ?without_files while an owner sees only their own.
// The standalone `lightpath proxy` without roots answers {"key": null}.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { freshDatabase } from '../helpers/database.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { freePort, runLightpath, spawnLightpath } from '../helpers/processes.ts';
import type { Spawned } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import { MxdcClient, sessionKey } from '../support/mxdc/client.ts';
import { DEMO_FACILITY } from './facility.ts';

const ROOTS_DETAIL = /outside the configured data roots.*LIGHTPATH_DATA_ROOTS/;

/** Nothing but where to keep data and which port; DATABASE_URL only on the PostgreSQL tier. */
function bareEnv(database: TestDatabase, extra: Record<string, string> = {}): Record<string, string> {
  return { LIGHTPATH_DATA_DIR: database.dataDir, ...(database.url ? { DATABASE_URL: database.url } : {}), ...extra };
}

async function startProcess(command: string, env: Record<string, string>, port: number): Promise<Spawned> {
  const spawned = spawnLightpath([command], env);
  await waitFor(`lightpath ${command} to listen`, async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 60000);
  return spawned;
}

async function stop(spawned: Spawned): Promise<void> {
  spawned.child.kill('SIGTERM');
  await spawned.exited;
}

async function loginHeaders(base: string, username: string, password: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/rest/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  assert.equal(response.status, 200, await response.text());
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lightpath_session='))!.split(';')[0];
  return { cookie };
}

describe('MxDC against `lightpath serve` with no configuration (D17)', () => {
  let database: TestDatabase;
  let server: Spawned;
  let base: string;
  let mxdc: MxdcClient;
  const session = sessionKey('SIM-1');
  const datasetIds: number[] = [];
  let reportId: number;

  before(async () => {
    database = await freshDatabase();
    const extraUsers = path.join(database.dataDir, 'extra-users.yaml');
    fs.writeFileSync(extraUsers, [
      'users:',
      '  - {username: staffer, password: staff-password, staff: true}',
      '  - {username: other, password: other-password}',
      'projects:',
      '  - {username: other}',
    ].join('\n'));
    for (const file of [DEMO_FACILITY, extraUsers]) {
      const loaded = await runLightpath(['load', file], bareEnv(database));
      assert.equal(loaded.code, 0, loaded.output);
    }
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = await startProcess('serve', bareEnv(database, { PORT: String(port) }), port);
    mxdc = new MxdcClient(base, 'demo');
  });
  after(async () => {
    if (server) await stop(server);
    await database.drop();
  });

  test('register, launch, AddData twice, AddReport and close all answer 200', async () => {
    const registered = await mxdc.register();
    assert.equal(registered.status, 200, registered.text);
    const launched = await mxdc.launch('SIM-1', session);
    assert.equal(launched.status, 200, launched.text);
    assert.equal(launched.body.session, session);
    for (const name of ['lyso-01_1', 'lyso-01_2']) {
      const added = await mxdc.addData('SIM-1', {
        name, type: 'DATA', frames: '1-360', filename: `${name}_{:05d}.cbf`, energy: 12.658, exposure: 0.5,
        directory: `/home/demo/${session}/lyso-01/${name}`, start_time: '2026-11-21T10:00:00+00:00', end_time: '2026-11-21T10:03:00+00:00',
      });
      assert.equal(added.status, 200, added.text);
      assert.deepEqual(Object.keys(added.body), ['id']);
      datasetIds.push(added.body.id);
    }
    const reported = await mxdc.addReport('SIM-1', {
      data_id: datasetIds, directory: `/home/demo/${session}/process/lyso-01`, title: 'Analysis of lyso-01', kind: 'MX Native Analysis', score: 0.8, details: [],
    });
    assert.equal(reported.status, 200, reported.text);
    reportId = reported.body.id;
    const closed = await mxdc.close('SIM-1', session);
    assert.equal(closed.status, 200, closed.text);
  });

  test('the records keep their paths; their download links answer 404 saying which setting to set', async () => {
    const staff = await loginHeaders(base, 'staffer', 'staff-password');
    const dataset = await (await fetch(`${base}/rest/v1/datasets/${datasetIds[0]}`, { headers: staff })).json() as { proxy_key: string };
    assert.match(dataset.proxy_key, /^[0-9a-f]{40}$/);
    const keys = await (await fetch(`${base}/rest/v1/proxy-keys?limit=500`, { headers: staff })).json() as { results: Array<{ key: string; path: string; outside_roots: boolean }> };
    const stored = keys.results.find((k) => k.key === dataset.proxy_key);
    assert.deepEqual(stored && { path: stored.path, outside_roots: stored.outside_roots }, { path: `/home/demo/${session}/lyso-01/lyso-01_1`, outside_roots: true });

    for (const url of [`files/archive/${dataset.proxy_key}/lyso-01_1.tar.gz`, `files/raw/${dataset.proxy_key}/lyso-01_1_00001.cbf`]) {
      const link = await fetch(`${base}/download/${url}`);
      assert.equal(link.status, 404, url);
      const body = await link.json() as { detail: string };
      assert.deepEqual(Object.keys(body), ['detail']);
      assert.match(body.detail, ROOTS_DETAIL);
      assert.match(body.detail, new RegExp(`/home/demo/${session}/lyso-01/lyso-01_1`));
    }
    const sessions = await (await fetch(`${base}/rest/v1/sessions?without_files=true`, { headers: staff })).json() as { results: Array<{ name: string; proxy_key: string }> };
    const launchedKey = sessions.results.find((s) => s.name === session)!.proxy_key;
    const sessionLink = await fetch(`${base}/download/files/archive/${launchedKey}/${session}.tar.gz`);
    assert.equal(sessionLink.status, 404);
    assert.match((await sessionLink.json() as { detail: string }).detail, /demo\/SIM1-.* was outside the configured data roots/);
  });

  test('the log warns once per directory, naming the setting', async () => {
    // Both datasets lie in one directory: one warning for them, one for the session, one for the report.
    await waitFor('the warnings to be written', async () => server.output().includes('process/lyso-01') || null, 10000);
    const lines = server.output().split('\n').filter((line) => line.includes('outside the configured data roots'));
    const datasetLines = lines.filter((line) => line.includes(`/home/demo/${session}/lyso-01"`) || line.includes(`Data under /home/demo/${session}/lyso-01 `));
    assert.equal(datasetLines.length, 1, lines.join('\n'));
    assert.equal(lines.length, 3, lines.join('\n'));
    assert.ok(lines.every((line) => line.includes('LIGHTPATH_DATA_ROOTS')));
  });

  test('staff list the records without files; an owner sees only their own; with files is the complement', async () => {
    const staff = await loginHeaders(base, 'staffer', 'staff-password');
    const demo = await loginHeaders(base, 'demo', 'demo');
    const other = await loginHeaders(base, 'other', 'other-password');
    const ids = async (headers: Record<string, string>, url: string) => {
      const response = await fetch(`${base}/rest/v1/${url}`, { headers });
      assert.equal(response.status, 200, await response.clone().text());
      return ((await response.json()) as { results: Array<{ id: number }> }).results.map((r) => r.id).sort();
    };
    assert.deepEqual(await ids(staff, 'datasets?without_files=true'), [...datasetIds].sort());
    assert.deepEqual(await ids(staff, 'datasets?without_files=false'), []);
    assert.deepEqual(await ids(demo, 'datasets?without_files=true'), [...datasetIds].sort());
    assert.deepEqual(await ids(other, 'datasets?without_files=true'), []);
    assert.deepEqual(await ids(staff, 'reports?without_files=true'), [reportId]);
    assert.equal((await ids(staff, 'sessions?without_files=true')).length, 1);
    const bad = await fetch(`${base}/rest/v1/datasets?without_files=maybe`, { headers: staff });
    assert.equal(bad.status, 400);
    assert.equal(typeof ((await bad.json()) as { detail: string }).detail, 'string');
  });

  test('the filter is in the OpenAPI document', async () => {
    const document = await (await fetch(`${base}/rest/openapi.json`)).json() as { paths: Record<string, { get?: { parameters?: Array<{ name: string }> } }> };
    for (const list of ['/rest/v1/datasets', '/rest/v1/sessions', '/rest/v1/reports']) {
      const names = (document.paths[list]?.get?.parameters ?? []).map((p) => p.name);
      assert.ok(names.includes('without_files'), `${list}: ${names.join(', ')}`);
    }
  });
});

describe('`lightpath proxy` with no data roots (D13)', () => {
  test('answers data/create/ with 200 {"key": null}', async () => {
    const database = await freshDatabase();
    const port = await freePort();
    const secret = 'a-shared-secret-of-some-length';
    const proxy = await startProcess('proxy', bareEnv(database, { LIGHTPATH_PROXY_PORT: String(port), LIGHTPATH_DATAPROXY_SECRET: secret }), port);
    try {
      for (const requested of ['demo/SIM1-20261121-abcdefgh', '/home/demo/data']) {
        const response = await fetch(`http://127.0.0.1:${port}/download/data/create/`, {
          method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-lightpath-proxy-secret': secret },
          body: new URLSearchParams({ path: requested }).toString(),
        });
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), { key: null });
      }
    } finally {
      await stop(proxy);
      await database.drop();
    }
  });
});
