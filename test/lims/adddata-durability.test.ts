// An upload MxDC was told is saved survives the server being killed outright. A real `lightpath
// serve` takes AddData from several clients at once and is sent SIGKILL in the middle of it; after
// a restart on the same data every acknowledged dataset is there whole — with its proxy key and
// its activity entry — and no upload is there in part (a key, dataset or entry without the rest).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { freshDatabase } from '../helpers/database.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { testEnv } from '../helpers/platform.ts';
import { freePort, runLightpath, spawnLightpath } from '../helpers/processes.ts';
import type { Spawned } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import { MxdcClient, sessionKey } from '../support/mxdc/client.ts';
import { MxdcSigner } from '../support/mxdc/signer.ts';
import { DEMO_FACILITY } from './facility.ts';

const CLIENTS = 6;
/** Acknowledged uploads to wait for before the kill (several groups' worth at any grouping). */
const BEFORE_KILL = 60;

async function serve(env: Record<string, string>): Promise<{ server: Spawned; base: string }> {
  const port = await freePort();
  const server = spawnLightpath(['serve'], { ...env, PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  await waitFor('the server to listen', async () => (await fetch(`${base}/healthz`)).ok, 60000);
  return { server, base };
}

describe('AddData under kill -9', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let sessionDir: string;
  /** Dataset name → the id the server answered with. */
  const acknowledged = new Map<string, number>();
  let attempted = 0;
  /** MxDC's key, registered before the kill. */
  const signer = new MxdcSigner();

  before(async () => {
    database = await freshDatabase();
    const roots = fs.realpathSync(database.dataDir);
    env = testEnv(database, { LIGHTPATH_DATA_ROOTS: roots, LIGHTPATH_DATA_USER_ROOT: roots, LOG_LEVEL: 'warn' });
    const loaded = await runLightpath(['load', DEMO_FACILITY], env);
    assert.equal(loaded.code, 0, loaded.output);
    sessionDir = path.join(roots, 'demo', sessionKey('SIM-1'));
  });
  after(() => database.drop());

  test('uploads from several clients, the server killed part way', async () => {
    const { server, base } = await serve(env);
    try {
      const setup = new MxdcClient(base, 'demo', signer);
      assert.equal((await setup.register()).status, 200);
      assert.equal((await setup.launch('SIM-1', path.basename(sessionDir))).status, 200);

      const upload = async (client: number) => {
        const mxdc = new MxdcClient(base, 'demo', signer);
        for (let i = 0; i < 2000; i++) {
          const name = `c${client}-${i}`;
          const directory = path.join(sessionDir, name);
          fs.mkdirSync(directory, { recursive: true });
          attempted++;
          let reply;
          try {
            reply = await mxdc.addData('SIM-1', { name, type: 'DATA', frames: '1-10', filename: `${name}_{:05d}.cbf`, energy: 12.658, exposure: 0.1, directory });
          } catch {
            return; // the server is gone
          }
          assert.equal(reply.status, 200, reply.text);
          assert.equal(typeof reply.body.id, 'number', reply.text);
          acknowledged.set(name, reply.body.id);
        }
      };
      const clients = Promise.all(Array.from({ length: CLIENTS }, (_, n) => upload(n)));
      await waitFor(`${BEFORE_KILL} acknowledged uploads`, async () => acknowledged.size >= BEFORE_KILL, 60000, 5);
      server.child.kill('SIGKILL');
      await server.exited;
      await clients;
    } finally {
      server.child.kill('SIGKILL');
    }
    assert.ok(attempted > acknowledged.size, 'uploads were still being sent when the server died');
  });

  test('after a restart every acknowledged upload is there whole, and nothing is there in part', async () => {
    const { server, base } = await serve(env);
    const handle = openDatabase(loadConfig(env), { poolSize: 1 });
    try {
      const datasets = await handle.db.selectFrom('datasets').select(['id', 'name', 'proxy_key']).where('name', 'like', 'c%-%').execute();
      const keys = await handle.db.selectFrom('proxy_keys').select(['key', 'path']).where('path', 'like', `${sessionDir}/%`).execute();
      const entries = await handle.db.selectFrom('activity_log').select('object_id').where('object_type', '=', 'dataset').execute();
      const events = await handle.db.selectFrom('events').select('subject').where('kind', '=', 'dataset.created').execute();

      const byName = new Map(datasets.map((d) => [d.name, d]));
      const keyPaths = new Map(keys.map((k) => [k.key, k.path]));
      const logged = new Set(entries.map((e) => e.object_id));
      const announced = new Set(events.map((e) => (JSON.parse(e.subject) as { dataset_id: number }).dataset_id));
      for (const [name, id] of acknowledged) {
        const dataset = byName.get(name);
        assert.equal(dataset?.id, id, `acknowledged upload ${name} (id ${id}) is in the database`);
      }
      // Whole: each upload (acknowledged or not) has its key, activity entry and event; and each key
      // made for an upload belongs to a dataset.
      for (const dataset of datasets) {
        assert.equal(keyPaths.get(dataset.proxy_key!), path.join(sessionDir, dataset.name), `dataset ${dataset.name} has its proxy key`);
        assert.ok(logged.has(dataset.id), `dataset ${dataset.name} has its activity entry`);
        assert.ok(announced.has(dataset.id), `dataset ${dataset.name} has its event`);
      }
      assert.equal(keys.length, datasets.length, 'no proxy key without its dataset');
      const ids = new Set(datasets.map((d) => d.id));
      assert.deepEqual([...logged].filter((id) => id !== null && !ids.has(id)), [], 'no activity entry without its dataset');
      assert.ok(datasets.length >= acknowledged.size);

      // The restarted server goes on taking uploads.
      const mxdc = new MxdcClient(base, 'demo', signer);
      const directory = path.join(sessionDir, 'after-restart');
      fs.mkdirSync(directory);
      const reply = await mxdc.addData('SIM-1', { name: 'after-restart', type: 'DATA', frames: '1', energy: 12.658, directory });
      assert.equal(reply.status, 200, reply.text);
    } finally {
      await handle.close();
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
