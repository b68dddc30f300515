// A server-sent-event response: the headers that keep proxies from buffering it, a comment line
// every 15 s so an idle stream is not closed, and one clean-up however it ends (the client goes
// away, or the server ends it at shutdown through the registry it was opened in).
import type { FastifyReply, FastifyRequest } from 'fastify';

const KEEPALIVE_MS = 15000;

export interface EventStream {
  readonly closed: boolean;
  /** Writes raw SSE text (one or more complete events); ignored once closed. */
  write(text: string): void;
  /** Runs once when the stream ends, for whatever reason. */
  onClose(cleanup: () => void): void;
  /** Ends it from the server's side. */
  end(): void;
}

/** The streams one server has open, so it can end them when it shuts down (they would hold it open). */
export class OpenStreams {
  private readonly ends = new Set<() => void>();
  add(end: () => void): () => void {
    this.ends.add(end);
    return () => this.ends.delete(end);
  }
  endAll(): void {
    for (const end of [...this.ends]) end();
  }
}

export function openEventStream(request: FastifyRequest, reply: FastifyReply, open: OpenStreams): EventStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  const cleanups: Array<() => void> = [];
  let closed = false;
  const keepalive = setInterval(() => raw.write(': keep-alive\n\n'), KEEPALIVE_MS);
  const close = () => {
    if (closed) return;
    closed = true;
    forget();
    clearInterval(keepalive);
    for (const cleanup of cleanups) cleanup();
  };
  const end = () => {
    close();
    raw.end();
  };
  const forget = open.add(end);
  request.raw.on('close', close);
  raw.on('close', close);
  return {
    get closed() {
      return closed;
    },
    write(text) {
      if (!closed) raw.write(text);
    },
    onClose(cleanup) {
      if (closed) cleanup();
      else cleanups.push(cleanup);
    },
    end,
  };
}
