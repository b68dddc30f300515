// The kept row counts (migration 0019) after operators' commands, run as an operator would:
// `lightpath restore` recounts what it restored, `lightpath doctor` warns of a count that differs
// from the rows (as after a bulk load with triggers off), and `lightpath migrate --recount` mends it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { loadConfig } from '../../../src/config.ts';
import { openDatabase } from '../../../src/platform/db/database.ts';
import { countDifferences } from '../../../src/platform/db/row-counts.ts';
import { freshDatabase, tempDir } from '../../helpers/database.ts';
import type { TestDatabase } from '../../helpers/database.ts';
import { testEnv } from '../../helpers/platform.ts';
import { runLightpath } from '../../helpers/processes.ts';
import { backupOf, restoreInto } from '../../platform/backup/backup-bench.ts';
import { beamlineRecords, draftShipment, startWorld } from './world.ts';
import type { World } from './world.ts';

async function differencesIn(database: TestDatabase) {
  const handle = openDatabase(loadConfig(testEnv(database)), { poolSize: 1 });
  try {
    return await countDifferences(handle.db);
  } finally {
    await handle.close();
  }
}

/** The doctor's lines about row counts, each with its fix line. */
async function rowCountFindings(database: TestDatabase): Promise<string[]> {
  const { output } = await runLightpath(['doctor'], testEnv(database));
  const lines = output.split('\n');
  return lines.flatMap((line, i) => (/^\[\w+\]\s+row counts: /.test(line) ? [`${line}${lines[i + 1]?.trim().startsWith('fix: ') ? `\n${lines[i + 1].trim()}` : ''}`] : []));
}

describe('kept row counts and the operator\'s commands', () => {
  let world: World;
  let target: TestDatabase;
  before(async () => {
    world = await startWorld();
    const shipment = await draftShipment(world, 'alice', 'A1');
    await beamlineRecords(world, 'alice', shipment.samples[0], 'BL1-alice-1');
    target = await freshDatabase();
    // As if rows had been written with triggers off: the kept counts are wrong from here on.
    await sql`update row_counts set samples = samples + 7, datasets = datasets - 1 where slot = 0`.execute(world.server.platform.db);
  });
  after(async () => {
    await world.close();
    await target.drop();
  });

  test('the doctor warns of each count that differs from the rows and names the fix; migrate --recount mends them', async () => {
    const found = await rowCountFindings(world.server.database);
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(found[0], /^\[warning\] row counts: the kept count of samples is 9, but it has 2 rows .*\nfix: run `lightpath migrate --recount`/);
    assert.match(found[1], /^\[warning\] row counts: the kept count of datasets is 0, but it has 1 rows/);
    const migrated = await runLightpath(['migrate', '--recount'], testEnv(world.server.database));
    assert.equal(migrated.code, 0, migrated.output + migrated.stderr);
    assert.match(migrated.output, /Row counts recounted\./);
    assert.deepEqual(await differencesIn(world.server.database), []);
  });

  test('a restore recounts, even from a backup whose kept counts were wrong', async () => {
    await sql`update row_counts set shipments = shipments + 3 where slot = 0`.execute(world.server.platform.db);
    assert.equal((await world.ok('staff', 'GET', '/shipments')).count, 4, 'the wrong count is what staff see before');
    const backup = await backupOf(world.server.database, tempDir('lightpath-counts-backup-'));
    assert.equal(backup.code, 0, backup.output + backup.stderr);
    const restored = await restoreInto(target, backup.directory);
    assert.equal(restored.code, 0, restored.output + restored.stderr);
    assert.deepEqual(await differencesIn(target), []);
  });
});
