// Every metric the example Grafana dashboard (docs/grafana-dashboard.json) queries is in a scrape
// of this database's kind, so the dashboard shows no empty panel for a missing name.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { TEST_DB } from '../../helpers/database.ts';
import { scrape } from './scrape.ts';

const DASHBOARD = path.resolve(import.meta.dirname, '../../../docs/grafana-dashboard.json');
/** Each database reports its own kind of metric: a pool for PostgreSQL, file sizes for SQLite. */
const ONLY_ON = { postgres: 'lightpath_db_pool_connections', sqlite: 'lightpath_sqlite_file_bytes' };

function queriedMetrics(): Set<string> {
  const dashboard = JSON.parse(fs.readFileSync(DASHBOARD, 'utf8')) as { panels: Array<{ targets: Array<{ expr: string }> }> };
  const names = new Set<string>();
  for (const panel of dashboard.panels) {
    for (const target of panel.targets) {
      for (const match of target.expr.matchAll(/\b(?:lightpath|nodejs|process)_[a-z0-9_]+/g)) names.add(match[0]);
    }
  }
  return names;
}

describe('the Grafana dashboard', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test(`queries only metrics that a scrape declares (${TEST_DB})`, async () => {
    const declared = (await scrape(server.app)).names();
    const queried = queriedMetrics();
    assert.ok(queried.size >= 15, `only ${queried.size} metrics queried`);
    const other = TEST_DB === 'sqlite' ? ONLY_ON.postgres : ONLY_ON.sqlite;
    assert.ok(queried.has(other) && queried.has(ONLY_ON[TEST_DB]), 'the dashboard shows both databases');
    const missing = [...queried].filter((name) => name !== other)
      // Histograms are declared by their base name and queried by their series.
      .filter((name) => !declared.has(name) && !declared.has(name.replace(/_(bucket|count|sum)$/, '')));
    assert.deepEqual(missing, []);
    assert.ok(!declared.has(other), `${other} is only for the other database`);
  });

  test('the scrape has memory, event-loop lag and database metrics with values', async () => {
    const metrics = await scrape(server.app);
    assert.ok(metrics.value('process_resident_memory_bytes')! > 0);
    assert.ok(metrics.value('nodejs_eventloop_lag_seconds')! >= 0);
    assert.equal(metrics.value('lightpath_database_up'), 1);
    if (TEST_DB === 'sqlite') {
      assert.ok(metrics.value('lightpath_sqlite_file_bytes', { file: 'database' })! > 0);
    } else {
      const pool = (state: string) => metrics.value('lightpath_db_pool_connections', { state });
      assert.equal(pool('max'), 10);
      assert.ok(pool('total')! >= 1 && pool('total')! <= 10);
      assert.ok(pool('idle')! <= pool('total')!);
      // The scrape's own queries may be waiting for a connection at that moment.
      assert.ok(pool('waiting')! >= 0);
    }
  });
});
