import type { Command } from './command.ts';
import { parseOptions } from './command.ts';
import { makeLogger, onShutdown, openForCommand, removeLeftovers } from './runtime.ts';
import { loadConfig } from '../config.ts';
import { startObservationScheduler } from '../tom/observations/scheduler.ts';
import { buildApp } from '../app.ts';
import { listenOrFail } from './failure-causes.ts';
import { startDirectoryRefresh } from '../platform/auth/ldap/directory-refresh.ts';

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
    const config = loadConfig();
    const log = makeLogger(config);
    const platform = await openForCommand(config, log);
    await removeLeftovers(platform, log);
    const app = await buildApp(platform);
    let stopScheduler = () => {};
    let stopDirectoryRefresh = () => {};
    const stop = async () => {
      stopScheduler();
      stopDirectoryRefresh();
      await app.close();
      await platform.close();
    };
    onShutdown(log, stop);
    // Listen before taking jobs: a busy port ends the command before any job has started.
    await listenOrFail(() => app.listen({ port: config.port, host: config.host }), config, 'PORT', stop);
    stopDirectoryRefresh = startDirectoryRefresh(platform);
    if (config.serveRunsJobs) {
      await platform.jobs.startWorking();
      stopScheduler = startObservationScheduler(platform.db, platform.jobs, log, config.tom.observationPollSeconds);
    }
    return new Promise<number>(() => {}); // runs until a signal
  },
};
