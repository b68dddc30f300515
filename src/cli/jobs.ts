import type { Command } from './command.ts';
import { parseOptions, UsageError } from './command.ts';
import { makeLogger, openForCommand } from './runtime.ts';
import { loadConfig } from '../config.ts';

const HELP = `Usage: lightpath jobs <selftest|show> …
  lightpath jobs selftest [--sleep-ms N]   enqueue a self-test job and print its id
  lightpath jobs show ID                   print a job's record as JSON

The self-test job waits N milliseconds and records which process ran it: a quick check that
workers are taking jobs.`;

export const jobs: Command = {
  name: 'jobs',
  summary: 'enqueue a self-test job, show a job',
  help: HELP,
  async run(args) {
    const [action, ...rest] = args;
    const { values, positionals } = parseOptions(rest, { 'sleep-ms': { type: 'string' } });
    if (!action || values.help || action === '--help') {
      process.stdout.write(`${HELP}\n`);
      return action ? 0 : 64;
    }
    const config = loadConfig();
    const platform = await openForCommand(config, makeLogger(config, true));
    try {
      if (action === 'selftest') {
        const sleepMs = Number(values['sleep-ms'] ?? 0);
        if (!Number.isInteger(sleepMs) || sleepMs < 0) throw new UsageError('--sleep-ms must be a whole number');
        process.stdout.write(`${await platform.jobs.enqueue('selftest', { sleepMs })}\n`);
        return 0;
      }
      if (action === 'show') {
        const id = Number(positionals[0]);
        const job = Number.isInteger(id) ? await platform.jobs.get(id) : null;
        if (!job) {
          process.stderr.write(`No job ${positionals[0] ?? ''}.\n`);
          return 1;
        }
        process.stdout.write(`${JSON.stringify(job, null, 2)}\n`);
        return 0;
      }
      throw new UsageError(`unknown action "${action}"`);
    } finally {
      await platform.close();
    }
  },
};
