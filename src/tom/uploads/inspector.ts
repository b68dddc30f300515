// What every upload content check looks like: it sees the bytes in order as they stream past and
// throws UploadContentError (with the reason only; the caller names the file) as soon as it can
// tell the file is not what it claims to be.
export interface ContentInspector {
  push(chunk: Buffer): void;
  /** The whole file has been seen. */
  end(): void;
}

export class UploadContentError extends Error {}
