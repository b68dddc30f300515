// Sends one file of the built web app: its precompressed sibling (.br, .gz, written by the build)
// when the client accepts it, validators so that a revalidation costs a 304, and its cache rule.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { openRegularFile } from './send-file.ts';
import { webContentType } from './web-headers.ts';

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The encodings an Accept-Encoding header allows, most preferred (smallest) first. */
export function acceptedEncodings(header: string | undefined): Array<(typeof ENCODINGS)[number]> {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find(Boolean);
    if (name) weights.set(name, q ? Number(q[1]) : 1);
  }
  const allowed = (name: string) => (weights.get(name) ?? (name === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0) > 0;
  return ENCODINGS.filter((encoding) => allowed(encoding.name));
}

function isFreshFor(request: FastifyRequest, etag: string, modified: Date): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  // HTTP dates have whole seconds.
  return !Number.isNaN(since) && Math.floor(modified.getTime() / 1000) * 1000 <= since;
}

/**
 * Sends the regular file at `realPath` (already confined to the bundle) with `headers`; false,
 * nothing sent, when it is not a regular file.
 */
export async function sendWebFile(request: FastifyRequest, reply: FastifyReply, realPath: string, headers: Record<string, string>): Promise<boolean> {
  let opened = await openRegularFile(realPath);
  if (opened === null) return false;
  let encoding: string | null = null;
  for (const candidate of acceptedEncodings(request.headers['accept-encoding'])) {
    // A sibling that is a symlink, or gone, is passed over: openRegularFile demands that very file.
    const variant = await openRegularFile(realPath + candidate.suffix);
    if (variant === null) continue;
    await opened.handle.close();
    opened = variant;
    encoding = candidate.name;
    break;
  }
  const { handle, size, modified } = opened;
  // Each encoding is its own representation, with its own tag.
  const etag = `"${size.toString(16)}-${Math.floor(modified.getTime()).toString(16)}${encoding ? `-${encoding}` : ''}"`;
  reply.headers(headers).header('content-type', webContentType(realPath)).header('x-content-type-options', 'nosniff')
    .header('vary', 'Accept-Encoding').header('etag', etag).header('last-modified', modified.toUTCString());
  if (encoding) reply.header('content-encoding', encoding);
  if (isFreshFor(request, etag, modified)) {
    await handle.close();
    reply.code(304).send();
    return true;
  }
  reply.header('content-length', String(size));
  if (request.method === 'HEAD' || size === 0) {
    await handle.close();
    reply.send();
    return true;
  }
  reply.send(handle.createReadStream({ autoClose: true }));
  return true;
}
