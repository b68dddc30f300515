/**
 * Finding and running ffmpeg (and ffprobe).
 *
 * Lookup order for ffmpeg:
 *   1. the configured path (LIGHTPATH_FFMPEG, `config.ffmpegPath`) - an operator's explicit
 *      choice, so a wrong value is an error rather than a silent fallback;
 *   2. `ffmpeg` on the PATH (the distribution's build: newest codecs, security updates);
 *   3. the static build shipped inside the npm package @ffmpeg-installer/ffmpeg (its
 *      platform package carries the binary in the tarball, so `npm install` alone is enough
 *      on a machine without a system ffmpeg).
 * ffprobe: next to a configured ffmpeg, else on the PATH; the npm package has none, so it
 * may be null (Lightpath only needs it for diagnostics and tests).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Writable } from 'node:stream';

export type FfmpegSource = 'configured' | 'system' | 'npm';

export interface MediaTools {
  /** Absolute path of the ffmpeg executable. */
  ffmpeg: string;
  /** ffprobe, when one was found. */
  ffprobe: string | null;
  /** Where the ffmpeg came from. */
  source: FfmpegSource;
}

export interface LocateOptions {
  /** LIGHTPATH_FFMPEG (config.ffmpegPath); null/undefined = automatic lookup. */
  configuredPath?: string | null;
  /** The PATH to search; defaults to process.env.PATH. Tests pass '' to force the npm fallback. */
  searchPath?: string;
  /** Whether to consider the npm-shipped binary (default true). */
  allowNpm?: boolean;
}

/** No usable ffmpeg: a deployment problem, with what to do about it. */
export class FfmpegNotFoundError extends Error {
  override readonly name = 'FfmpegNotFoundError';
}

/** ffmpeg ran but failed; `stderrTail` holds the end of what it printed. */
export class FfmpegError extends Error {
  override readonly name = 'FfmpegError';
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly exitSignal: NodeJS.Signals | null,
    readonly stderrTail: string,
  ) {
    super(message);
  }
}

const NPM_PACKAGE = '@ffmpeg-installer/ffmpeg';

// Lookups touch the file system only; caching them per option set keeps each render from
// re-walking the PATH while still letting tests ask with different options.
const cache = new Map<string, Promise<MediaTools>>();

export function locateMediaTools(options: LocateOptions = {}): Promise<MediaTools> {
  const key = JSON.stringify([options.configuredPath ?? null, options.searchPath ?? process.env.PATH ?? '', options.allowNpm ?? true]);
  let found = cache.get(key);
  if (!found) {
    found = locate(options);
    cache.set(key, found);
    // A failed lookup is not remembered: the operator may install ffmpeg and retry.
    found.catch(() => cache.delete(key));
  }
  return found;
}

async function locate(options: LocateOptions): Promise<MediaTools> {
  const searchPath = options.searchPath ?? process.env.PATH ?? '';
  const configured = options.configuredPath?.trim();
  if (configured) {
    const ffmpeg = path.resolve(configured);
    if (!(await isExecutableFile(ffmpeg))) {
      throw new FfmpegNotFoundError(`LIGHTPATH_FFMPEG is set to ${configured}, which is not an executable file`);
    }
    const sibling = path.join(path.dirname(ffmpeg), 'ffprobe');
    const ffprobe = (await isExecutableFile(sibling)) ? sibling : await findOnPath('ffprobe', searchPath);
    return { ffmpeg, ffprobe, source: 'configured' };
  }

  const system = await findOnPath('ffmpeg', searchPath);
  if (system) return { ffmpeg: system, ffprobe: await findOnPath('ffprobe', searchPath), source: 'system' };

  if (options.allowNpm ?? true) {
    const shipped = npmFfmpegPath();
    if (shipped && (await isExecutableFile(shipped))) {
      return { ffmpeg: shipped, ffprobe: await findOnPath('ffprobe', searchPath), source: 'npm' };
    }
  }
  throw new FfmpegNotFoundError(
    'ffmpeg not found: set LIGHTPATH_FFMPEG to an ffmpeg executable, install ffmpeg on the PATH ' +
      `(e.g. apt-get install ffmpeg), or run npm install so that ${NPM_PACKAGE} provides one for this platform`,
  );
}

/** The binary inside @ffmpeg-installer's platform package, or null if absent/unsupported. */
export function npmFfmpegPath(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const installer = require(NPM_PACKAGE) as { path?: unknown };
    return typeof installer.path === 'string' ? installer.path : null;
  } catch {
    // The package throws (a string, not an Error) on platforms it has no build for.
    return null;
  }
}

async function findOnPath(name: string, searchPath: string): Promise<string | null> {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.resolve(dir, name);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return null;
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    await access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------

export interface StartOptions {
  /** Aborting kills ffmpeg (SIGKILL: there is no partial output worth finalising). */
  signal?: AbortSignal;
  /** 'pipe' to feed input on stdin (e.g. rawvideo frames); default 'ignore'. */
  stdin?: 'pipe' | 'ignore';
  /** How much of stderr to keep for error messages (default 4000 characters). */
  stderrTailChars?: number;
}

export interface FfmpegProcess {
  readonly pid: number | undefined;
  /** Writable when started with stdin: 'pipe', else null. Write errors (EPIPE) are swallowed; see `done`. */
  readonly stdin: Writable | null;
  /** True once the process has exited. */
  readonly exited: boolean;
  /**
   * Settles when the process has exited: resolves on exit code 0; rejects with the abort
   * reason if the signal fired, else with an FfmpegError carrying the stderr tail.
   */
  readonly done: Promise<void>;
  /** The end of stderr so far. */
  stderrTail(): string;
  /** SIGKILLs the process if it is still running (the `done` promise then rejects). */
  kill(): void;
}

/** Starts ffmpeg with `args` (without the executable). */
export function startFfmpeg(ffmpegPath: string, args: readonly string[], options: StartOptions = {}): FfmpegProcess {
  const { signal } = options;
  const tailLimit = options.stderrTailChars ?? 4000;
  signal?.throwIfAborted();

  const child: ChildProcess = spawn(ffmpegPath, args, {
    stdio: [options.stdin === 'pipe' ? 'pipe' : 'ignore', 'ignore', 'pipe'],
    windowsHide: true,
  });
  let tail = '';
  let exited = false;
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-tailLimit);
  });
  // EPIPE when ffmpeg exits before reading all input; the exit status tells the real story.
  child.stdin?.on('error', () => {});

  const kill = () => {
    if (!exited) child.kill('SIGKILL');
  };
  const onAbort = () => kill();
  signal?.addEventListener('abort', onAbort, { once: true });

  const done = new Promise<void>((resolve, reject) => {
    child.once('error', (error) => {
      // spawn failure (ENOENT, EACCES): 'close' may never come.
      exited = true;
      signal?.removeEventListener('abort', onAbort);
      reject(new FfmpegError(`cannot run ffmpeg (${ffmpegPath}): ${error.message}`, null, null, tail));
    });
    child.once('close', (code, exitSignal) => {
      exited = true;
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) reject(signal.reason);
      else if (code === 0) resolve();
      else {
        const how = code !== null ? `exit code ${code}` : `signal ${exitSignal}`;
        const last = lastLines(tail, 5);
        reject(new FfmpegError(`ffmpeg failed (${how})${last ? `: ${last}` : ''}`, code, exitSignal, tail));
      }
    });
  });
  // Callers that bail out early (e.g. a frame failed to decode) kill the process and may
  // never await `done`; that must not become an unhandled rejection.
  done.catch(() => {});

  return {
    get pid() {
      return child.pid;
    },
    stdin: child.stdin ?? null,
    get exited() {
      return exited;
    },
    done,
    stderrTail: () => tail,
    kill,
  };
}

/** Runs ffmpeg to completion (no stdin); rejects like `startFfmpeg().done`. */
export async function runFfmpeg(ffmpegPath: string, args: readonly string[], options: Omit<StartOptions, 'stdin'> = {}): Promise<void> {
  await startFfmpeg(ffmpegPath, args, options).done;
}

function lastLines(text: string, count: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-count)
    .join(' | ');
}
