// The shape of a `lightpath` sub-command, and the option parsing they share.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';

export interface Command {
  name: string;
  summary: string;
  /** Full help: usage line, description, options. */
  help: string;
  run(args: string[]): Promise<number>;
}

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses options strictly; unknown options are usage errors rather than silently ignored. */
export function parseOptions<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
