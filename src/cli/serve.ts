import type { Command } from './command.ts';
import { parseOptions } from './command.ts';
import { configOrExit, makeLogger, onShutdown, openForCommand, removeLeftovers } from './runtime.ts';
import { startObservationScheduler } from '../tom/observations/scheduler.ts';
import { buildApp } from '../app.ts';

export const serve: Command = {
  name: 'serve',
  summary: 'run the HTTP server (and, by default, the job queue)',
  help: `Usage: lightpath serve

Runs the HTTP server on HOST:PORT (default 127.0.0.1:3000). Applies pending database migrations
first. With LIGHTPATH_SERVE_RUNS_JOBS=true (the default) this process also executes queued jobs;
set it to false when dedicated \`lightpath worker\` processes run them.
On SIGTERM or SIGINT it stops accepting connections, finishes requests in flight and running jobs,
then exits. Configuration: docs/configuration.md.`,
  async run(args) {
    parseOptions(args, {});
    const config = configOrExit();
    const log = makeLogger(config);
    const platform = await openForCommand(config, log);
    await removeLeftovers(platform, log);
    const app = await buildApp(platform);
    let stopScheduler = () => {};
    if (config.serveRunsJobs) {
      await platform.jobs.startWorking();
      stopScheduler = startObservationScheduler(platform.db, platform.jobs, log, config.tom.observationPollSeconds);
    }
    onShutdown(log, async () => {
      stopScheduler();
      await app.close();
      await platform.close();
    });
    await app.listen({ port: config.port, host: config.host });
    return new Promise<number>(() => {}); // runs until a signal
  },
};
