// The observe throttle holds across server processes: two `lightpath serve` processes sharing
// one PostgreSQL database count the same client together. PostgreSQL tier only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase, TEST_DB } from '../../helpers/database.ts';
import type { TestDatabase } from '../../helpers/database.ts';
import { testEnv } from '../../helpers/platform.ts';
import { freePort, spawnLightpath } from '../../helpers/processes.ts';
import type { Spawned } from '../../helpers/processes.ts';
import { waitFor } from '../../helpers/wait.ts';

const skip = TEST_DB !== 'postgres' ? 'several server processes share PostgreSQL: runs in the PostgreSQL tier' : false;

describe('the observe throttle across processes', { skip }, () => {
  let database: TestDatabase;
  const servers: Array<{ process: Spawned; url: string }> = [];

  before(async () => {
    database = await freshDatabase();
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const process = spawnLightpath(['serve'], testEnv(database, { PORT: String(port), LIGHTPATH_SERVE_RUNS_JOBS: 'false' }));
      const url = `http://127.0.0.1:${port}`;
      await waitFor(`server ${i} to listen`, async () => (await fetch(`${url}/healthz`)).ok, 60000);
      servers.push({ process, url });
    }
  });
  after(async () => {
    for (const server of servers) {
      server.process.child.kill('SIGTERM');
      await server.process.exited;
    }
    await database.drop();
  });

  test('six requests spread over two servers use the allowance; the seventh is refused by either', async () => {
    const post = (url: string) => fetch(`${url}/api/observe/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(servers[i % 2].url)).status);
    assert.deepEqual(statuses, [400, 400, 400, 400, 400, 400]);
    for (const server of servers) {
      const refused = await post(server.url);
      assert.equal(refused.status, 429);
      assert.match((await refused.json()).detail, /^Request was throttled\. Expected available in \d+ seconds?\.$/);
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
    }
  });
});
