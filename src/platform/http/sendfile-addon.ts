// The sendfile(2) addon (native/sendfile.c, built by scripts/build-native.js), or null where it was
// not built (no compiler, not Linux, LIGHTPATH_NATIVE=off at install): files are then streamed.
import { createRequire } from 'node:module';
import path from 'node:path';

export type CopyOutcome = 'done' | 'client-gone' | 'stalled' | 'cancelled' | 'short-file' | 'error';
export type CopyJob = { readonly __copyJob: unique symbol };

export interface SendfileAddon {
  /** Copies `length` bytes of the file from `offset` to the socket on the thread pool; throws when either descriptor is unfit. */
  start(socketFd: number, fileFd: number, offset: number, length: number, stallMs: number,
    done: (outcome: CopyOutcome, sent: number, error: string | null) => void): CopyJob;
  /** Asks a running copy to stop; its `done` still comes, with "cancelled". */
  cancel(job: CopyJob): void;
}

const ADDON = path.resolve(import.meta.dirname, '..', '..', '..', 'native', 'build', 'sendfile.node');

let loaded: SendfileAddon | null | undefined;

export function sendfileAddon(): SendfileAddon | null {
  if (loaded === undefined) {
    try {
      loaded = process.platform === 'linux' ? (createRequire(import.meta.url)(ADDON) as SendfileAddon) : null;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}
