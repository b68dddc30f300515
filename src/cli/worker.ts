import type { Command } from './command.ts';
import { parseOptions } from './command.ts';
import { makeLogger, onShutdown, openForCommand, removeLeftovers } from './runtime.ts';
import { loadConfig } from '../config.ts';
import { startObservationScheduler } from '../tom/observations/scheduler.ts';
import { createHttpServer } from '../platform/http/server.ts';
import { listenOrFail } from './failure-causes.ts';

export const worker: Command = {
  name: 'worker',
  summary: 'execute queued jobs (timelapses, pipelines, polling, email)',
  help: `Usage: lightpath worker

Executes queued jobs until stopped. With DATABASE_URL=postgres://… jobs come through pg-boss and
any number of workers may run, on any machine that reaches the database and the file store.
On SQLite, jobs are taken from the database file (same machine only).
LIGHTPATH_JOB_CONCURRENCY sets how many jobs of each type one worker runs at once.
With LIGHTPATH_WORKER_METRICS_PORT set it answers GET /metrics, /healthz and /readyz on
HOST:that port, for Prometheus (docs/deployment.md#metrics-and-health).
On SIGTERM or SIGINT it takes no new jobs and waits for running ones to finish.`,
  async run(args) {
    parseOptions(args, {});
    const config = loadConfig();
    const log = makeLogger(config);
    const platform = await openForCommand(config, log);
    await removeLeftovers(platform, log);
    // Its counters (job attempts, timelapses, emails) are its own: without a listener nobody sees them.
    const monitor = config.metrics.workerPort === null ? null : await createHttpServer(platform, { publicPrefixes: [] });
    if (monitor) {
      const where = { port: config.metrics.workerPort!, host: config.host };
      await listenOrFail(() => monitor.listen(where), where, 'LIGHTPATH_WORKER_METRICS_PORT', async () => {
        await monitor.close();
        await platform.close();
      });
    }
    await platform.jobs.startWorking();
    const stopScheduler = startObservationScheduler(platform.db, platform.jobs, log, config.tom.observationPollSeconds);
    onShutdown(log, async () => {
      stopScheduler();
      await monitor?.close();
      await platform.close();
    });
    log.info({ backend: platform.jobs.backend, types: platform.jobRegistry.types() }, 'worker ready');
    return new Promise<number>(() => {});
  },
};
