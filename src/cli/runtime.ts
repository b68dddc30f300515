// Start-up pieces the long-running commands share: configuration, logging, platform, shutdown.
import pino from 'pino';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { openPlatform } from '../platform/context.ts';
import type { Platform } from '../platform/context.ts';
import { defineDomainJobs } from '../modules.ts';
import { reachDatabase } from './failure-causes.ts';
import { LocalFileStore } from '../platform/storage/local-store.ts';
import { removeAbandonedScratch } from '../platform/storage/scratch.ts';

export function makeLogger(config: Config, quiet = false): Logger {
  return pino({ level: quiet && config.logLevel !== 'silent' ? 'warn' : config.logLevel, base: { pid: process.pid } });
}

export async function openForCommand(config: Config, log: Logger): Promise<Platform> {
  return reachDatabase(config, () => openPlatform(config, log, { defineJobs: defineDomainJobs }));
}

/**
 * What killed processes left behind: scratch directories of pipeline runs and downloads (before any
 * job starts here), and half-written files in the store (in the background: it walks the store).
 */
export async function removeLeftovers(platform: Platform, log: Logger): Promise<void> {
  const scratch = await removeAbandonedScratch();
  if (scratch > 0) log.info({ removed: scratch }, 'removed scratch directories of stopped processes');
  if (!(platform.files instanceof LocalFileStore)) return;
  platform.files.removeAbandonedPartials().then(
    (removed) => removed > 0 && log.info({ removed }, 'removed half-written files of stopped processes'),
    (error) => log.warn({ err: error }, 'could not remove half-written files'),
  );
}

/** Runs `stop` once on SIGINT/SIGTERM; a second signal exits at once. */
export function onShutdown(log: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    stop().then(() => process.exit(0), (error) => {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}
