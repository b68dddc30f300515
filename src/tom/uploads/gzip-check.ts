// A gzip-compressed file (.fits.gz) is only recognised by its two magic bytes: its content is not
// decompressed while uploading.
import { UploadContentError } from './inspector.ts';
import type { ContentInspector } from './inspector.ts';

export class GzipInspector implements ContentInspector {
  private head = Buffer.alloc(0);

  push(chunk: Buffer): void {
    if (this.head.length >= 2) return;
    this.head = Buffer.concat([this.head, chunk.subarray(0, 2 - this.head.length)]);
    if (this.head.length === 2) this.check();
  }

  end(): void {
    if (this.head.length < 2) this.check();
  }

  private check(): void {
    if (this.head[0] !== 0x1f || this.head[1] !== 0x8b) throw new UploadContentError('it does not start with the gzip signature');
  }
}
