// The stream an upload passes through on its way into the file store: it counts bytes against
// the size limit and shows them to the content check. Failing here fails the store's write, which
// then never puts the file in place, so a refused upload leaves nothing behind.
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { badRequest, HttpError } from '../../platform/http/errors.ts';
import { UploadContentError } from './inspector.ts';
import type { ContentInspector } from './inspector.ts';

export interface CheckOptions {
  fileName: string;
  /** What the file claims to be ("FITS file"), for the message; null when nothing is checked. */
  label: string | null;
  inspector: ContentInspector | null;
  limitBytes: number;
}

/** Largest data product upload or loaded file: a night of large FITS frames fits, a runaway upload does not. */
export const UPLOAD_LIMIT_BYTES = 1024 ** 3;

export function tooLarge(limitBytes: number): HttpError {
  return new HttpError(413, `The file is larger than the upload limit of ${formatBytes(limitBytes)}.`);
}

export function formatBytes(bytes: number): string {
  for (const [unit, size] of [['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}

export function checkedUpload(options: CheckOptions): Transform {
  let size = 0;
  const refuse = (error: unknown): Error => {
    if (error instanceof UploadContentError) return badRequest(`"${options.fileName}" is not a valid ${options.label}: ${error.message}.`, { file: [error.message] });
    return error as Error;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      size += chunk.length;
      if (size > options.limitBytes) return callback(tooLarge(options.limitBytes));
      try {
        options.inspector?.push(chunk);
      } catch (error) {
        return callback(refuse(error));
      }
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      if (size === 0) return callback(badRequest(`"${options.fileName}" is empty.`, { file: ['is empty'] }));
      try {
        options.inspector?.end();
      } catch (error) {
        return callback(refuse(error));
      }
      callback();
    },
  });
}
