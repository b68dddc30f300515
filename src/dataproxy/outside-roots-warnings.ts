// Tells the operator that beamline data lands outside the data roots (decision D17): once per
// parent directory, not once per upload, so a busy beamline does not flood the log.
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { DATA_ROOTS_HINT } from './service.ts';

const REMEMBERED = 10_000;

export class OutsideRootsWarnings {
  private readonly seen = new Set<string>();

  constructor(private readonly log: Pick<FastifyBaseLogger, 'warn'>) {}

  note(directory: string): void {
    const prefix = path.dirname(path.normalize(directory));
    if (this.seen.has(prefix)) return;
    // Bounded memory: after very many distinct prefixes, start over (and so warn again).
    if (this.seen.size >= REMEMBERED) this.seen.clear();
    this.seen.add(prefix);
    this.log.warn({ directory, prefix },
      `Data under ${prefix} is outside the configured data roots: its records are kept without files and their download links answer 404. ${DATA_ROOTS_HINT} (Reported once per directory.)`);
  }
}
