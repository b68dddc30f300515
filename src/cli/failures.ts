// What a command says when it cannot do its work. Expected failures (a busy port, a database out
// of reach, a missing file, bad settings) are one line that says what to do; the stack trace is
// for LOG_LEVEL=debug. Anything else is a bug: its message, and the stack at debug.
import { inspect } from 'node:util';
import { ConfigError } from '../config.ts';

/** An expected failure, already worded for the operator. */
export class CommandFailure extends Error {
  constructor(message: string, readonly exitCode = 1, options?: ErrorOptions) {
    super(message, options);
  }
}

/** Writes the failure to stderr and returns the exit code. */
export function reportFailure(command: string, error: unknown, env: NodeJS.ProcessEnv = process.env): number {
  const debug = env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace';
  const expected = expectedFailure(error);
  if (expected) {
    process.stderr.write(`lightpath ${command}: ${expected.message}\n`);
  } else {
    const hint = debug ? '' : ' (LOG_LEVEL=debug shows where it happened)';
    process.stderr.write(`lightpath ${command}: unexpected error: ${messageOf(error)}${hint}\n`);
  }
  if (debug) process.stderr.write(`${inspect(error, { depth: 4 })}\n`);
  return expected?.exitCode ?? 1;
}

function expectedFailure(error: unknown): { message: string; exitCode: number } | null {
  if (error instanceof CommandFailure) return error;
  if (error instanceof ConfigError) return { message: `${error.message}\nSee docs/configuration.md.`, exitCode: 2 };
  const fileProblem = describeFileError(error);
  return fileProblem ? { message: fileProblem, exitCode: 1 } : null;
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/** "cannot open /x/y: no such file or directory" for a file-system error that names its path. */
export function describeFileError(error: unknown): string | null {
  const { code, path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code || !path || !(code in FILE_ERRORS)) return null;
  return `cannot ${syscall ?? 'open'} ${path}: ${FILE_ERRORS[code]}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
