// Sample snapshots: the image as named, else the same name with another image suffix, else a
// placeholder — always 200, so a page of thumbnails never shows broken images (as MxLIVE did).
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { dataHeaders } from '../platform/http/send-file.ts';

export const SNAPSHOT_SUFFIXES = ['.webp', '.png', '.gif'];

const PLACEHOLDER = fs.readFileSync(new URL('./assets/snapshot-missing.png', import.meta.url));

/** Names to try, in order: as asked, then the extension replaced by each image suffix. */
export function snapshotCandidates(relative: string): string[] {
  const extension = path.posix.extname(relative);
  const stem = relative.slice(0, relative.length - extension.length);
  return [...new Set([relative, ...SNAPSHOT_SUFFIXES.map((suffix) => stem + suffix)])];
}

export function sendPlaceholder(reply: FastifyReply): FastifyReply {
  // Not cached: the real snapshot may be written a moment later.
  return dataHeaders(reply, 'image/png').code(200).header('cache-control', 'no-store').send(PLACEHOLDER);
}
