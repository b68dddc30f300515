// Records the SQL this code runs for the hot paths (test/platform/upgrade/hot-paths.ts) on a fresh,
// fully migrated database, as test/platform/upgrade/queries/<release>/<sqlite|postgres>.json. Run
// it from the checkout of a release when that release is made (docs/deployment.md#upgrades):
//   LIGHTPATH_TEST_POSTGRES_URL=postgres://… npx tsx scripts/record-hot-path-queries.ts 0.9
// The next release's tests replay these queries against its own schema.
import fs from 'node:fs';
import path from 'node:path';
import { observeQueries } from '../src/platform/db/database.ts';
import { freshDatabase, POSTGRES_ADMIN_URL, tempDir } from '../test/helpers/database.ts';
import { startTestServer } from '../test/helpers/platform.ts';
import { hotPathEnv, runHotPaths } from '../test/platform/upgrade/hot-paths.ts';
import type { RecordedQuery } from '../test/platform/upgrade/replay.ts';

const release = process.argv[2];
if (!release || !/^[\w.-]+$/.test(release)) {
  console.error('Usage: npx tsx scripts/record-hot-path-queries.ts <release, e.g. 0.9>');
  process.exit(64);
}
if (!POSTGRES_ADMIN_URL) {
  console.error('Set LIGHTPATH_TEST_POSTGRES_URL (scripts/test-postgres.sh start prints one): both databases are recorded.');
  process.exit(64);
}
const outDir = path.resolve(import.meta.dirname, '..', 'test', 'platform', 'upgrade', 'queries', release);
fs.mkdirSync(outDir, { recursive: true });

for (const kind of ['sqlite', 'postgres'] as const) {
  const database = await freshDatabase(kind);
  const dataRoot = fs.realpathSync(tempDir('lightpath-record-'));
  const server = await startTestServer({ database, env: hotPathEnv(dataRoot) });
  const queries: RecordedQuery[] = [];
  observeQueries((event) => {
    if (event.level === 'query') queries.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
  });
  try {
    await runHotPaths(server, dataRoot);
  } finally {
    observeQueries(null);
    await server.close();
    await database.drop();
    fs.rmSync(dataRoot, { recursive: true, force: true });
  }
  const file = path.join(outDir, `${kind}.json`);
  fs.writeFileSync(file, `${JSON.stringify(queries, null, 1)}\n`);
  console.log(`${kind}: ${queries.length} queries written to ${path.relative(process.cwd(), file)}`);
}
