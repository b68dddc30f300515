// Images are recognised by their magic bytes: PNG, JPEG, GIF and WebP, the formats browsers show.
import { UploadContentError } from './inspector.ts';
import type { ContentInspector } from './inspector.ts';

export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp';

export const IMAGE_LABELS: Record<ImageKind, string> = { png: 'PNG', jpeg: 'JPEG', gif: 'GIF', webp: 'WebP' };
const NEEDED = 12;

export function imageKindOf(head: Buffer): ImageKind | null {
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  const ascii = head.toString('latin1');
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return 'gif';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'webp';
  return null;
}

export class ImageInspector implements ContentInspector {
  private head = Buffer.alloc(0);
  private decided = false;

  /** `expected`: the kinds the claim allows (one, from the file name's extension, or all four). */
  constructor(private readonly expected: ImageKind[]) {}

  push(chunk: Buffer): void {
    if (this.decided) return;
    this.head = Buffer.concat([this.head, chunk.subarray(0, NEEDED - this.head.length)]);
    if (this.head.length >= NEEDED) this.decide();
  }

  end(): void {
    if (!this.decided) this.decide();
  }

  private decide(): void {
    this.decided = true;
    const kind = imageKindOf(this.head);
    if (kind !== null && this.expected.includes(kind)) return;
    throw new UploadContentError(kind === null ? 'its first bytes are no image signature' : `its bytes are a ${IMAGE_LABELS[kind]} image`);
  }
}
