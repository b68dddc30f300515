// Where Lightpath keeps files (data products, timelapses, uploads). Keys are relative paths such
// as "m13/none/timelapse_m13_2019-08-02-100944.webm"; backends confine them to their root.
import type { Readable } from 'node:stream';

export interface StoredFileInfo {
  size: number;
  modifiedAt: Date;
}

export interface ByteRange {
  start: number;
  /** Inclusive, as in HTTP Range. */
  end: number;
}

export interface FileStore {
  /** Streams `source` into `key`, replacing any file there only once the write has completed. */
  write(key: string, source: Readable | Buffer): Promise<StoredFileInfo>;
  read(key: string, range?: ByteRange): Promise<Readable>;
  stat(key: string): Promise<StoredFileInfo | null>;
  delete(key: string): Promise<boolean>;
  /** Keys under a prefix, depth first. */
  list(prefix: string): AsyncIterable<string>;
  /** A path on this machine for tools that need one (ffmpeg); null for remote backends. */
  localPath(key: string): Promise<string | null>;
}

export class StoragePathError extends Error {}

const MAX_KEY_LENGTH = 1024;

/** Checks a key's shape: relative, "/"-separated, no empty, "." or ".." segments, no NUL or backslash. */
export function checkKey(key: string): string[] {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) throw new StoragePathError('file key must be 1 to 1024 characters');
  if (key.includes('\0') || key.includes('\\')) throw new StoragePathError('file key contains a forbidden character');
  const segments = key.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) throw new StoragePathError(`file key "${key}" is not a plain relative path`);
  return segments;
}
