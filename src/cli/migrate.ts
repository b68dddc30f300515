import type { Command } from './command.ts';
import { parseOptions } from './command.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { reachDatabase } from './failure-causes.ts';

export const migrate: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations',
  help: `Usage: lightpath migrate

Applies every pending migration to the configured database (SQLite file or DATABASE_URL) and
prints their names. \`serve\` and \`worker\` do this on start as well; running it on its own is
useful before starting several servers at once.`,
  async run(args) {
    parseOptions(args, {});
    const config = loadConfig();
    const { applied } = await reachDatabase(config, async () => {
      const database = openDatabase(config);
      try {
        return await migrateToLatest(database.db, database.kind);
      } finally {
        await database.close();
      }
    });
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
    return 0;
  },
};
