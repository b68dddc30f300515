// The row counts kept by triggers (migration 0019) match the rows: staff's unfiltered lists
// answer them as their `count`. Rows written with triggers switched off make them drift.
import { countDifferences } from '../db/row-counts.ts';
import type { DoctorCheck } from './finding.ts';
import { databaseOrSkip, ok, warning } from './finding.ts';

export const rowCountsCheck: DoctorCheck = {
  name: 'row counts',
  async run(context) {
    const database = databaseOrSkip(context);
    if ('level' in database) return [database];
    const differences = await countDifferences(database.db);
    if (differences.length === 0) return [ok('the kept row counts match the rows')];
    return differences.map(({ table, kept, actual }) => warning(
      `the kept count of ${table} is ${kept}, but it has ${actual} rows (staff's list of them shows the wrong total)`,
      'run `lightpath migrate --recount`; rows were written with triggers switched off (e.g. a bulk load as a PostgreSQL superuser with session_replication_role = replica)',
    ));
  },
};
