// When nginx in front sends the bytes (X-Accel-Redirect): Lightpath has found and confined the
// file as always; it answers with where nginx finds that file under an internal location, the
// headers the file gets (type, security), and no body. nginx then serves it, ranges included,
// from an `internal` location per data root (docs/deployment.md).
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { contentTypeFor } from './content-types.ts';
import { dataHeaders, openRegularFile } from './send-file.ts';
import { isInside } from '../storage/descriptor-paths.ts';

/**
 * `<prefix>/<index of the root>/<path inside the root>` for a real path inside one of the real
 * roots (the first that holds it), each segment percent-encoded; null outside every root.
 */
export function accelRedirectUri(prefix: string, realRoots: readonly string[], realPath: string): string | null {
  const index = realRoots.findIndex((root) => root !== realPath && isInside(root, realPath));
  if (index < 0) return null;
  const inside = path.relative(realRoots[index], realPath).split(path.sep).map(encodeURIComponent).join('/');
  return `${prefix}/${index}/${inside}`;
}

/**
 * Hands the regular file at `realPath` to nginx; false (nothing sent) when it is not a regular
 * file or lies in no root. nginx follows no symlink below the root (disable_symlinks), so a
 * directory swapped for a symlink after this check cannot lead it elsewhere.
 */
export async function sendAccelRedirect(reply: FastifyReply, realPath: string, typeName: string, prefix: string, realRoots: readonly string[]): Promise<boolean> {
  const uri = accelRedirectUri(prefix, realRoots, realPath);
  const opened = uri === null ? null : await openRegularFile(realPath);
  if (opened === null) return false;
  await opened.handle.close();
  dataHeaders(reply, contentTypeFor(typeName)).header('x-accel-redirect', uri!);
  reply.send();
  return true;
}
