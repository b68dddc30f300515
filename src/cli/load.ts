import type { Command } from './command.ts';
import { parseOptions, UsageError } from './command.ts';
import { makeLogger, openForCommand } from './runtime.ts';
import { loadConfig } from '../config.ts';
import { loadFile, LoadError } from '../loader/load-file.ts';
import { HttpError } from '../platform/http/errors.ts';
import { loadSections } from '../modules.ts';
import { CommandFailure } from './failures.ts';

export const load: Command = {
  name: 'load',
  summary: 'create or update users, facility set-up and demo data from a YAML/JSON file',
  help: `Usage: lightpath load FILE

Reads FILE (YAML, or JSON when it ends in .json) and creates or updates what it describes: the
format is in docs/fixtures.md. Everything is checked before anything is written, and the whole
file is applied in one transaction. Prints what was created, updated or left unchanged; loading the
same file again changes nothing.`,
  async run(args) {
    const { positionals } = parseOptions(args, {});
    if (positionals.length !== 1) throw new UsageError('load needs exactly one FILE');
    const config = loadConfig();
    const platform = await openForCommand(config, makeLogger(config, true));
    try {
      const report = await loadFile(platform, positionals[0], loadSections);
      process.stdout.write(`${report.format()}\n`);
      return 0;
    } catch (error) {
      if (error instanceof LoadError || error instanceof HttpError) {
        throw new CommandFailure(`${error.message}\nNothing was changed.`, 1, { cause: error });
      }
      throw error;
    } finally {
      await platform.close();
    }
  },
};
