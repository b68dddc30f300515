// The database answers, and its schema matches this code: pending migrations are applied by the
// next `serve` (a warning), migrations this code does not know mean an older Lightpath (an error).
import { appliedMigrations } from '../db/migration-plan.ts';
import { migrations } from '../db/migrations/index.ts';
import type { DoctorCheck, Finding } from './finding.ts';
import { error, ok, warning } from './finding.ts';

export const databaseCheck: DoctorCheck = {
  name: 'database',
  async run({ config, database, databaseProblem }) {
    if (!database) {
      return [error(databaseProblem?.message ?? 'the database could not be reached', databaseProblem?.fix ?? 'check DATABASE_URL')];
    }
    const applied = await appliedMigrations(database);
    const unknown = applied.filter((name) => !(name in migrations));
    const pending = Object.keys(migrations).filter((name) => !applied.includes(name));
    const where = config.database.kind === 'sqlite' ? `SQLite file ${config.database.sqliteFile}` : 'PostgreSQL';
    const findings: Finding[] = [ok(`${where} answers; ${applied.length} migration(s) applied`)];
    if (unknown.length > 0) {
      findings.push(error(`the database was migrated by a newer Lightpath (${unknown.join(', ')} unknown here)`,
        'run the newer version, or restore a backup taken before that upgrade'));
    }
    if (pending.length > 0) {
      findings.push(warning(`${pending.length} migration(s) not applied yet (${pending.join(', ')}); serve and worker apply them on start`,
        'run `lightpath migrate` (`lightpath migrate --dry-run` shows what it would do)'));
    }
    return findings;
  },
};
