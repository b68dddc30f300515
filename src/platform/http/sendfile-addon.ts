// The sendfile(2) addon (native/sendfile.c, built by scripts/build-native.js), or null where it was
// not built (no compiler, not Linux, LIGHTPATH_NATIVE=off at install): files are then streamed.
import { nativeAddon } from '../native-addon.ts';

export type CopyOutcome = 'done' | 'client-gone' | 'stalled' | 'cancelled' | 'short-file' | 'error';
export type CopyJob = { readonly __copyJob: unique symbol };

export interface SendfileAddon {
  /** Copies `length` bytes of the file from `offset` to the socket on the thread pool; throws when either descriptor is unfit. */
  start(socketFd: number, fileFd: number, offset: number, length: number, stallMs: number,
    done: (outcome: CopyOutcome, sent: number, error: string | null) => void): CopyJob;
  /** Asks a running copy to stop; its `done` still comes, with "cancelled". */
  cancel(job: CopyJob): void;
}

export function sendfileAddon(): SendfileAddon | null {
  return nativeAddon<SendfileAddon>('sendfile');
}
