// Frame previews from a real `lightpath proxy` process (its own database, data roots and frame
// cache), fetched directly and through a main server that passes /download/files/… on to it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { freshDatabase } from '../helpers/database.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { startTestServer, testEnv } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { freePort, spawnLightpath } from '../helpers/processes.ts';
import type { Spawned } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import { HttpDataProxyClient } from '../../src/dataproxy/client.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';
import { assertGreyClose, makeFrameFixtures, readGreyPng } from './frame-fixtures.ts';
import type { FrameFixtures } from './frame-fixtures.ts';

const SECRET = 'proxy-secret-for-the-frame-tests';
const PLACEHOLDER = fs.readFileSync(new URL('../../src/dataproxy/assets/frame-missing.png', import.meta.url));

describe('lightpath proxy: frame previews', () => {
  let tree: DataTree;
  let fixtures: FrameFixtures;
  let proxyDatabase: TestDatabase;
  let proxy: Spawned;
  let proxyBase: string;
  let main: TestServer;
  let key: string;

  before(async () => {
    tree = makeDataTree();
    fixtures = makeFrameFixtures(tree.session);
    proxyDatabase = await freshDatabase();
    const port = await freePort();
    proxyBase = `http://127.0.0.1:${port}/download`;
    proxy = spawnLightpath(['proxy'], testEnv(proxyDatabase, {
      ...tree.env, LIGHTPATH_PROXY_PORT: String(port), LIGHTPATH_DATAPROXY_SECRET: SECRET,
    }));
    await waitFor('the proxy to answer', async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, 30000);
    main = await startTestServer({ env: { LIGHTPATH_DATAPROXY_URL: proxyBase, LIGHTPATH_DATAPROXY_SECRET: SECRET } });
    key = (await new HttpDataProxyClient(proxyBase, SECRET).createKey('bob/CMCFID-1'))!;
  });
  after(async () => {
    proxy?.child.kill('SIGKILL');
    await main?.close();
    await proxyDatabase?.drop();
    tree.remove();
  });

  test('the proxy renders frames of each format, and the main server passes them through unchanged', async () => {
    for (const name of ['pilatus_0001', 'smv', 'eiger_4']) {
      const url = `/files/frame/${key}/${fixtures.byName(name).path}/dk.png`;
      const direct = await fetch(`${proxyBase}${url}`);
      assert.equal(direct.status, 200);
      assert.equal(direct.headers.get('content-type'), 'image/png');
      const bytes = Buffer.from(await direct.arrayBuffer());
      assertGreyClose(readGreyPng(bytes).grey, fixtures.expected(name, 'dk'), name);
      const passed = await main.app.inject({ method: 'GET', url: `/download${url}` });
      assert.equal(passed.statusCode, 200);
      assert.ok(passed.rawPayload.equals(bytes), `${name}: the same bytes through the main server`);
    }
  });

  test('placeholders and region errors come through the main server as the proxy gave them', async () => {
    const missing = await main.app.inject({ method: 'GET', url: `/download/files/frame/${key}/eiger_master.h5/000009/nm.png` });
    assert.equal(missing.statusCode, 200);
    assert.ok(missing.rawPayload.equals(PLACEHOLDER));
    const region = await main.app.inject({ method: 'GET', url: `/download/files/frame/${key}/pilatus_0001.cbf/region.png?x=0&y=0&w=10&h=10&bb=lt` });
    assert.deepEqual([region.statusCode, readGreyPng(region.rawPayload).width], [200, 10]);
    const bad = await main.app.inject({ method: 'GET', url: `/download/files/frame/${key}/pilatus_0001.cbf/region.png?x=0&y=0&w=0&h=10` });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(Object.keys(bad.json().fields), ['w']);
  });
});
