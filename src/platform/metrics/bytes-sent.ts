// Counts the body bytes a route sends: buffers and strings by their length, streams chunk by
// chunk as they pass to the client (a download cut short counts what was sent). Error answers
// and HEAD requests send no data and count nothing.
import { Transform, pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { dataProxyBytesSent } from './process-metrics.ts';

/** Emitted by a body stream, with a byte count, for bytes it sent to the client itself (sendfile). */
export const BYTES_SENT_ASIDE = 'bytesSentAside';

export function countBytesSent(kind: string) {
  const counter = dataProxyBytesSent.labels({ kind });
  // Only what it reads is typed, so the hook fits any route's request and reply types.
  return async (request: { method: string }, reply: { statusCode: number }, payload: unknown): Promise<unknown> => {
    if (request.method === 'HEAD' || reply.statusCode >= 400 || payload === null || payload === undefined) return payload;
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      counter.inc(Buffer.byteLength(payload));
      return payload;
    }
    if (typeof (payload as Readable).pipe !== 'function') return payload;
    (payload as Readable).on(BYTES_SENT_ASIDE, (bytes: number) => counter.inc(bytes));
    const counting = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        counter.inc(chunk.length);
        done(null, chunk);
      },
    });
    // Errors and early ends travel both ways: a failed read reaches Fastify, a client gone closes the file.
    pipeline(payload as Readable, counting, () => {});
    return counting;
  };
}
