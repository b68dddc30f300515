// `lightpath doctor`: checks a deployment and prints every finding with what to do about it.
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Command } from './command.ts';
import { parseOptions } from './command.ts';
import { ConfigError, loadConfig } from '../config.ts';
import type { Config } from '../config.ts';
import { openDatabase } from '../platform/db/database.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { appliedMigrations } from '../platform/db/migration-plan.ts';
import { runDoctor } from '../platform/doctor/checks.ts';
import type { CheckedFinding } from '../platform/doctor/checks.ts';
import type { DoctorContext } from '../platform/doctor/finding.ts';
import { reachDatabase } from './failure-causes.ts';

export const doctor: Command = {
  name: 'doctor',
  summary: 'check a deployment: settings, database, clock, directories, data, ffmpeg, SMTP',
  help: `Usage: lightpath doctor

Checks this deployment with the settings \`lightpath serve\` would use: the settings themselves
(and risky values), the database and its migrations, this machine's clock against the database's,
the directories Lightpath writes to and their free space, the data roots and a sample of the files
the database records, ffmpeg, and the SMTP server. Prints every finding with its fix. Changes
nothing (it writes and removes a small probe file in the directories it writes to).
Exits 1 when anything is an error; warnings alone exit 0. See docs/deployment.md.`,
  async run(args) {
    parseOptions(args, {});
    let config: Config;
    try {
      config = loadConfig();
    } catch (problem) {
      if (!(problem instanceof ConfigError)) throw problem;
      const findings = problem.problems.map((message): CheckedFinding => ({ check: 'settings', level: 'error', message, fix: 'correct it (docs/configuration.md)' }));
      print(findings);
      process.stdout.write('\nThe other checks run once the settings are valid.\n');
      return summary(findings);
    }
    const { database, problem } = await connect(config);
    try {
      process.stdout.write(`Checking the deployment with data directory ${config.dataDir} and ${config.database.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}.\n\n`);
      const findings = await runDoctor({ config, env: process.env, database, databaseProblem: problem }, undefined, print);
      return summary(findings);
    } finally {
      await database?.close();
    }
  },
};

/** The database, ready for queries, or why not. A SQLite file that does not exist is not created. */
async function connect(config: Config): Promise<{ database: DatabaseHandle | null; problem: DoctorContext['databaseProblem'] }> {
  const migrate = 'run `lightpath migrate` (or start `lightpath serve`, which migrates first)';
  if (config.database.kind === 'sqlite' && !fs.existsSync(config.database.sqliteFile)) {
    return { database: null, problem: { message: `there is no database at ${config.database.sqliteFile} yet`, fix: migrate } };
  }
  try {
    const database = await reachDatabase(config, async () => {
      const handle = openDatabase(config, { poolSize: 2 });
      try {
        await sql`select 1`.execute(handle.db);
        if ((await appliedMigrations(handle)).length === 0) {
          await handle.close();
          return null;
        }
        return handle;
      } catch (error) {
        await handle.close();
        throw error;
      }
    });
    return database ? { database, problem: null } : { database: null, problem: { message: 'the database has no tables yet', fix: migrate } };
  } catch (error) {
    const fix = config.database.kind === 'sqlite' ? 'check LIGHTPATH_DATA_DIR (or DATABASE_URL) and the permissions of the database file'
      : 'start PostgreSQL, or correct DATABASE_URL';
    return { database: null, problem: { message: (error as Error).message, fix } };
  }
}

const WIDTH = '[warning] '.length;

function print(findings: CheckedFinding[]): void {
  for (const finding of findings) {
    const lines = [`${`[${finding.level}]`.padEnd(WIDTH)}${finding.check}: ${finding.message}`];
    if (finding.fix && finding.level !== 'ok') lines.push(`${' '.repeat(WIDTH)}fix: ${finding.fix}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

function summary(findings: CheckedFinding[]): number {
  const count = (level: string) => findings.filter((f) => f.level === level).length;
  const errors = count('error');
  const warnings = count('warning');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  process.stdout.write(`\n${errors === 0 && warnings === 0 ? 'Everything checked is in order.'
    : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}.${errors > 0 ? ' Fix the errors and run lightpath doctor again.' : ''}`}\n`);
  return errors > 0 ? 1 : 0;
}
