// Server-sent events of a target's processes: the async-status body is sent at once and again
// whenever it changes, so a page learns of a finished timelapse without polling. Changes made in
// this process wake the stream at once; a one-second re-read catches changes made by workers
// elsewhere. A comment line every 15 s keeps proxies from closing an idle stream.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { onProcessChange } from '../process-events.ts';

const REREAD_MS = 1000;
const open = new Set<() => void>();

/** Ends every open stream (at shutdown: a stream would otherwise hold the server open). */
export function endAllStreams(): void {
  for (const end of [...open]) end();
}
const KEEPALIVE_MS = 15000;

export async function streamProcessChanges(
  request: FastifyRequest,
  reply: FastifyReply,
  read: () => Promise<{ timestamp: number; processes: unknown[] }>,
  targetId: number,
): Promise<FastifyReply> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  let last = '';
  let closed = false;
  let reading = false;
  const send = async () => {
    if (closed || reading) return;
    reading = true;
    try {
      const body = await read();
      // Compare without the timestamp, which changes on every read.
      const signature = JSON.stringify(body.processes);
      if (signature !== last && !closed) {
        last = signature;
        raw.write(`event: processes\ndata: ${JSON.stringify(body)}\n\n`);
      }
    } catch (error) {
      request.log.warn({ err: error }, 'process stream read failed');
    } finally {
      reading = false;
    }
  };
  const stopListening = onProcessChange(targetId, () => void send());
  const reread = setInterval(() => void send(), REREAD_MS);
  const keepalive = setInterval(() => raw.write(': keep-alive\n\n'), KEEPALIVE_MS);
  const close = () => {
    if (closed) return;
    closed = true;
    open.delete(end);
    stopListening();
    clearInterval(reread);
    clearInterval(keepalive);
  };
  const end = () => {
    close();
    raw.end();
  };
  open.add(end);
  request.raw.on('close', close);
  raw.on('close', close);
  await send();
  return reply;
}
