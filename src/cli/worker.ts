import type { Command } from './command.ts';
import { parseOptions } from './command.ts';
import { makeLogger, onShutdown, openForCommand, removeLeftovers } from './runtime.ts';
import { loadConfig } from '../config.ts';
import { startObservationScheduler } from '../tom/observations/scheduler.ts';

export const worker: Command = {
  name: 'worker',
  summary: 'execute queued jobs (timelapses, pipelines, polling, email)',
  help: `Usage: lightpath worker

Executes queued jobs until stopped. With DATABASE_URL=postgres://… jobs come through pg-boss and
any number of workers may run, on any machine that reaches the database and the file store.
On SQLite, jobs are taken from the database file (same machine only).
LIGHTPATH_JOB_CONCURRENCY sets how many jobs of each type one worker runs at once.
On SIGTERM or SIGINT it takes no new jobs and waits for running ones to finish.`,
  async run(args) {
    parseOptions(args, {});
    const config = loadConfig();
    const log = makeLogger(config);
    const platform = await openForCommand(config, log);
    await removeLeftovers(platform, log);
    await platform.jobs.startWorking();
    const stopScheduler = startObservationScheduler(platform.db, platform.jobs, log, config.tom.observationPollSeconds);
    onShutdown(log, async () => {
      stopScheduler();
      await platform.close();
    });
    log.info({ backend: platform.jobs.backend, types: platform.jobRegistry.types() }, 'worker ready');
    return new Promise<number>(() => {});
  },
};
