// CSV and other text uploads must be text: valid UTF-8 throughout and no NUL bytes (the mark of
// a binary file). The decoder runs in streaming mode, so a character split between chunks is fine.
import { UploadContentError } from './inspector.ts';
import type { ContentInspector } from './inspector.ts';

export class TextInspector implements ContentInspector {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private offset = 0;

  push(chunk: Buffer): void {
    const nul = chunk.indexOf(0);
    if (nul >= 0) throw new UploadContentError(`it has a NUL byte at offset ${this.offset + nul}, so it is not text`);
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      throw new UploadContentError(`it is not valid UTF-8 text (near offset ${this.offset})`);
    }
    this.offset += chunk.length;
  }

  end(): void {
    try {
      this.decoder.decode();
    } catch {
      throw new UploadContentError('it ends inside a UTF-8 character');
    }
  }
}
