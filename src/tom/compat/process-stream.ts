// Server-sent events of a target's processes: the async-status body is sent at once and again
// whenever it changes, so a page learns of a finished timelapse without polling. Changes made in
// this process wake the stream at once; a one-second re-read catches changes made by workers
// elsewhere.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OpenStreams, openEventStream } from '../../platform/http/event-stream.ts';
import { onProcessChange } from '../process-events.ts';

const REREAD_MS = 1000;
const open = new OpenStreams();

/** Ends every open stream (at shutdown: a stream would otherwise hold the server open). */
export function endAllStreams(): void {
  open.endAll();
}

export async function streamProcessChanges(
  request: FastifyRequest,
  reply: FastifyReply,
  read: () => Promise<{ timestamp: number; processes: unknown[] }>,
  targetId: number,
): Promise<FastifyReply> {
  const stream = openEventStream(request, reply, open);
  let last = '';
  let reading = false;
  const send = async () => {
    if (stream.closed || reading) return;
    reading = true;
    try {
      const body = await read();
      // Compare without the timestamp, which changes on every read.
      const signature = JSON.stringify(body.processes);
      if (signature !== last) {
        last = signature;
        stream.write(`event: processes\ndata: ${JSON.stringify(body)}\n\n`);
      }
    } catch (error) {
      request.log.warn({ err: error }, 'process stream read failed');
    } finally {
      reading = false;
    }
  };
  stream.onClose(onProcessChange(targetId, () => void send()));
  const reread = setInterval(() => void send(), REREAD_MS);
  stream.onClose(() => clearInterval(reread));
  await send();
  return reply;
}
