// The Data Proxy on its own: a real `lightpath proxy` process (own database, own data roots), the
// HTTP client the LIMS uses to get keys from it, and a main server passing /download/files/…
// through to it. Also the in-process client the embedded default uses.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freshDatabase, tempDir } from '../helpers/database.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { startTestServer, testEnv } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { freePort, runLightpath, spawnLightpath } from '../helpers/processes.ts';
import type { Spawned } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import {
  createDataProxyClient, DataProxyUnavailable, HttpDataProxyClient, InProcessDataProxyClient,
} from '../../src/dataproxy/client.ts';
import { createRecordKeys } from '../../src/dataproxy/record-keys.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';

const SECRET = 'proxy-secret-for-the-tests-0123';

/** A raw GET whose path is sent exactly as written (fetch and inject fold dot segments). */
function rawGet(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(base, { path: rawPath }, (response) => {
      let body = '';
      response.setEncoding('latin1').on('data', (chunk) => (body += chunk)).on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

async function rejectsUnavailable(promise: Promise<unknown>, status: number | null, message: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DataProxyUnavailable, String(error));
    assert.equal(error.status, status);
    assert.match(error.message, message);
    return true;
  });
}

describe('lightpath proxy, called by the main server over HTTP', () => {
  let tree: DataTree;
  let proxyDatabase: TestDatabase;
  let proxy: Spawned;
  let proxyBase: string;
  let main: TestServer;
  let key: string;
  const scratch: string[] = [];

  before(async () => {
    tree = makeDataTree();
    proxyDatabase = await freshDatabase();
    const port = await freePort();
    proxyBase = `http://127.0.0.1:${port}/download`;
    proxy = spawnLightpath(['proxy'], testEnv(proxyDatabase, {
      ...tree.env,
      LIGHTPATH_PROXY_PORT: String(port),
      LIGHTPATH_DATAPROXY_SECRET: SECRET,
      // Only the secret lets anyone in; and a shared env file naming the proxy's own URL must not
      // make the proxy forward to itself.
      LIGHTPATH_TRUSTED_NETWORKS: '10.255.0.0/16',
      LIGHTPATH_DATAPROXY_URL: proxyBase,
    }));
    await waitFor('the proxy to answer', async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, 30000);
    main = await startTestServer({ env: { LIGHTPATH_DATAPROXY_URL: proxyBase, LIGHTPATH_DATAPROXY_SECRET: SECRET } });
  });
  after(async () => {
    proxy.child.kill('SIGKILL');
    await main.close();
    await proxyDatabase.drop();
    tree.remove();
    for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the main server\'s client gets keys from the proxy process', async () => {
    const client = createDataProxyClient(main.platform);
    assert.ok(client instanceof HttpDataProxyClient);
    key = (await client.createKey('bob/CMCFID-1'))!;
    assert.match(key, /^[0-9a-f]{40}$/);
    assert.notEqual(await client.createKey('bob/CMCFID-1'), key, 'a fresh key per call');
    // The key lives in the proxy's own database, not the main server's.
    const local = await main.platform.db.selectFrom('proxy_keys').selectAll().where('key', '=', key).executeTakeFirst();
    assert.equal(local, undefined);
  });

  test('a path outside the roots gets no key (null); failures reach the caller as DataProxyUnavailable', async () => {
    const client = new HttpDataProxyClient(proxyBase, SECRET);
    assert.equal(await client.createKey(tree.outside), null);
    await rejectsUnavailable(client.createKey('bob/\0x'), 400, /answered 400: .*NUL/);
    await rejectsUnavailable(new HttpDataProxyClient(proxyBase, `${SECRET}-wrong`).createKey('bob/CMCFID-1'), 403, /answered 403: Wrong data proxy secret/);
    await rejectsUnavailable(new HttpDataProxyClient(proxyBase, null).createKey('bob/CMCFID-1'), 403, /answered 403/);
    await rejectsUnavailable(new HttpDataProxyClient(`http://127.0.0.1:${await freePort()}/download`, SECRET).createKey('x'), null, /unreachable: ECONNREFUSED/);
  });

  test('a proxy answering {"key": null} (the newer MxLIVE proxy) means no key; a key that is no key is a failure', async () => {
    let answer = '{"key": null}';
    const fake = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(answer));
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = fake.address() as { port: number };
      const client = new HttpDataProxyClient(`http://127.0.0.1:${port}/download`, SECRET);
      assert.equal(await client.createKey('bob/x'), null);
      answer = '{"key": "../../etc"}';
      await rejectsUnavailable(client.createKey('bob/x'), 200, /without a valid key/);
    } finally {
      fake.close();
    }
  });

  test('the main server passes raw files through, ranges included', async () => {
    const whole = await main.app.inject({ method: 'GET', url: `/download/files/raw/${key}/frame_0001.img` });
    assert.equal(whole.statusCode, 200);
    assert.equal(whole.headers['content-length'], String(tree.frame.length));
    assert.equal(whole.headers['accept-ranges'], 'bytes');
    assert.ok(whole.rawPayload.equals(tree.frame));
    const part = await main.app.inject({ method: 'GET', url: `/download/files/raw/${key}/frame_0001.img`, headers: { range: 'bytes=1000-1999' } });
    assert.equal(part.statusCode, 206);
    assert.equal(part.headers['content-range'], `bytes 1000-1999/${tree.frame.length}`);
    assert.ok(part.rawPayload.equals(tree.frame.subarray(1000, 2000)));
    const unsatisfiable = await main.app.inject({ method: 'GET', url: `/download/files/raw/${key}/frame_0001.img`, headers: { range: 'bytes=99999-' } });
    assert.equal(unsatisfiable.statusCode, 416);
    const gz = await main.app.inject({ method: 'GET', url: `/download/files/raw/${key}/compressed.json` });
    assert.deepEqual(gz.json(), { energy: 12.658 });
    const missing = await main.app.inject({ method: 'GET', url: `/download/files/raw/${key}/nope.txt` });
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(missing.json(), { detail: 'Not found.' });
  });

  test('archives and snapshots come through the main server too', async () => {
    const archive = await main.app.inject({ method: 'GET', url: `/download/files/archive/${key}/session.tar.gz` });
    assert.equal(archive.statusCode, 200);
    assert.equal(archive.headers['content-type'], 'application/x-gzip');
    assert.equal(archive.headers['content-disposition'], 'attachment; filename=session.tar.gz');
    const dir = tempDir('lightpath-archive-');
    scratch.push(dir);
    fs.writeFileSync(path.join(dir, 'a.tar.gz'), archive.rawPayload);
    const listing = execFileSync('tar', ['-tzf', path.join(dir, 'a.tar.gz')], { encoding: 'utf8' });
    assert.match(listing, /^CMCFID-1\/frame_0001\.img$/m);
    const snapshot = await main.app.inject({ method: 'GET', url: `/download/files/snapshot/${key}/crystal.gif` });
    assert.equal(snapshot.headers['content-type'], 'image/png');
    assert.ok(snapshot.rawPayload.equals(fs.readFileSync(path.join(tree.session, 'crystal.png'))));
  });

  test('a record outside the proxy\'s roots keeps a key on the main server whose links say why (D17)', async () => {
    const recordKey = await createRecordKeys(main.platform).keyFor(tree.outside);
    const local = await main.platform.db.selectFrom('proxy_keys').select(['path', 'outside_roots']).where('key', '=', recordKey).executeTakeFirstOrThrow();
    assert.equal(local.path, tree.outside);
    assert.ok(local.outside_roots);
    for (const url of [`raw/${recordKey}/secret.txt`, `archive/${recordKey}/outside.tar.gz`]) {
      const response = await main.app.inject({ method: 'GET', url: `/download/files/${url}` });
      assert.equal(response.statusCode, 404, url);
      assert.match(response.json().detail, /outside the configured data roots.*LIGHTPATH_DATA_ROOTS/);
    }
  });

  test('escapes are refused through the pass-through as well', async () => {
    const address = await main.app.listen({ port: 0, host: '127.0.0.1' });
    for (const attempt of ['../../../outside/secret.txt', '%2e%2e/%2e%2e/%2e%2e/outside/secret.txt', '%2e%2e%2f%2e%2e%2f%2e%2e%2foutside%2fsecret.txt', 'escape.txt']) {
      const response = await rawGet(address, `/download/files/raw/${key}/${attempt}`);
      assert.equal(response.status, 404, attempt);
      assert.doesNotMatch(response.body, /top secret/);
    }
    const healthOnProxy = await rawGet(address, `/download/files/raw/${key}/../../../../healthz`);
    assert.equal(healthOnProxy.status, 404, 'dot segments cannot steer the pass-through off /download/files/');
  });

  test('the main server does not make keys itself; the proxy serves nothing but /download, errors as {"detail"}', async () => {
    const create = await main.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: 'bob/CMCFID-1' } });
    assert.equal(create.statusCode, 404);
    const rest = await fetch(`${proxyBase.replace('/download', '')}/rest/v1/proxy-keys`);
    assert.equal(rest.status, 404);
    assert.deepEqual(await rest.json(), { detail: 'Not found.' });
    const badUrl = await rawGet(proxyBase, `/download/files/raw/${key}/%zz`);
    assert.equal(badUrl.status, 400);
    assert.deepEqual(JSON.parse(badUrl.body), { detail: 'Malformed URL.' });
  });

  test('SIGTERM stops the proxy cleanly; the main server then answers 502', async () => {
    proxy.child.kill('SIGTERM');
    assert.equal(await proxy.exited, 0, proxy.output());
    const response = await main.app.inject({ method: 'GET', url: `/download/files/raw/${key}/scan.xdi` });
    assert.equal(response.statusCode, 502);
    assert.equal(response.json().detail, 'The data proxy is unreachable.');
    await rejectsUnavailable(createDataProxyClient(main.platform).createKey('bob/x'), null, /unreachable/);
  });
});

describe('in-process Data Proxy client', () => {
  let tree: DataTree;
  let server: TestServer;
  before(async () => {
    tree = makeDataTree();
    server = await startTestServer({ env: tree.env });
  });
  after(async () => {
    await server.close();
    tree.remove();
  });

  test('without LIGHTPATH_DATAPROXY_URL the client calls the service directly', async () => {
    const client = createDataProxyClient(server.platform);
    assert.ok(client instanceof InProcessDataProxyClient);
    const key = await client.createKey('bob/CMCFID-1');
    const served = await server.app.inject({ method: 'GET', url: `/download/files/raw/${key}/scan.xdi` });
    assert.equal(served.statusCode, 200);
    assert.equal(await client.createKey('/etc'), null);
  });
});

describe('lightpath proxy --help', () => {
  test('prints its usage', async () => {
    const help = await runLightpath(['proxy', '--help'], {});
    assert.equal(help.code, 0);
    assert.match(help.output, /Usage: lightpath proxy/);
    assert.match(help.output, /LIGHTPATH_PROXY_PORT/);
    const overview = await runLightpath(['--help'], {});
    assert.match(overview.output, /\n {2}proxy +run the Data Proxy on its own/);
  });
});
