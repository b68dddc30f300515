// A file body sent with sendfile(2) (native/sendfile.c) on a plain TCP connection: the bytes go
// from the page cache to the socket without being copied through JavaScript buffers.
//
// Fastify still sends the answer: the status line and headers go out through Node (so the
// onSend hooks, the request id and the security headers stay as they are), the body stream itself
// carries no bytes and ends when the copy has sent them all, and Fastify then ends the response
// (Content-Length is already sent), keeping the connection alive for the next request.
//
// The copy writes to the socket behind Node's back, so it starts only once the headers have left
// Node's buffers and while this response owns the socket; Node queues the answers to pipelined
// requests until this one ends, so nothing else writes meanwhile. Whatever keeps the copy from
// starting, or stops it before the end while the client still reads (a client that stops reading
// for LIGHTPATH_SENDFILE_STALL_SECONDS), hands the rest of the file to Node's stream: the
// download goes on, only slower.
import type { FileHandle } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { BYTES_SENT_ASIDE } from '../metrics/bytes-sent.ts';
import { sendfileAddon } from './sendfile-addon.ts';
import type { CopyJob, CopyOutcome, SendfileAddon } from './sendfile-addon.ts';
import { sendfileBytes, sendfileCopies, sendfileFallbacks } from './sendfile-metrics.ts';

// A copy holds a thread of libuv's pool (4 unless UV_THREADPOOL_SIZE says otherwise) for the
// whole download, and file reads, hashing and gzip share that pool: copies take at most half of
// it. Downloads beyond that are streamed through Node.
const POOL_THREADS = Number(process.env.UV_THREADPOOL_SIZE) || 4;
const MAX_COPIES = Math.max(1, Math.floor(POOL_THREADS / 2));
let copiesRunning = 0;

type NodeSocket = Socket & { _handle?: { fd?: number } | null; _httpMessage?: unknown };

/** The socket's descriptor when the connection is plain TCP (not TLS, not an injected request); else null. */
function plainTcpDescriptor(socket: NodeSocket | null | undefined): number | null {
  if (!socket || (socket as { encrypted?: boolean }).encrypted || socket.destroyed) return null;
  const fd = socket._handle?.fd;
  return typeof fd === 'number' && fd >= 0 ? fd : null;
}

/** Bytes `from`–`last` (inclusive) of the opened file, read from a given position on: the stream to fall back on. */
export type ReadFrom = (position: number) => Readable;

/**
 * A body sending bytes `from`–`last` of `handle` with sendfile(2), or null where it cannot be used
 * (turned off, addon not built, TLS or no real socket): the caller then streams the file as before.
 * A body returned owns the handle: it closes it when it ends or is destroyed.
 */
export function sendfileBody(request: FastifyRequest, reply: FastifyReply, handle: FileHandle, from: number, last: number, readFrom: ReadFrom): SendfileBody | null {
  const settings = request.server.sendfile;
  const addon = settings?.enabled ? sendfileAddon() : null;
  if (addon === null || plainTcpDescriptor(request.raw.socket) === null) return null;
  return new SendfileBody(addon, handle, from, last, readFrom, settings.stallSeconds * 1000, request.log).attach(reply.raw);
}

export class SendfileBody extends PassThrough {
  #job: CopyJob | null = null;
  #stream: Readable | null = null;
  #handleClosed = false;
  #response: ServerResponse | null = null;

  constructor(
    private readonly addon: SendfileAddon,
    private readonly handle: FileHandle,
    private readonly from: number,
    private readonly last: number,
    private readonly readFrom: ReadFrom,
    private readonly stallMs: number,
    private readonly log: FastifyBaseLogger,
  ) {
    super();
  }

  /**
   * Starts once Fastify pipes the body (or the byte counter around it) into `response`: by then
   * it has set the status and every header.
   */
  attach(response: ServerResponse): this {
    this.#response = response;
    response.once('pipe', () => {
      if (this.destroyed) return;
      // An empty write sends the headers; its callback comes once they are in the kernel's hands.
      response.write('', () => this.#startCopy());
    });
    return this;
  }

  #startCopy(): void {
    const response = this.#response!;
    if (this.destroyed) return;
    const socket = response.socket as NodeSocket | null;
    const fd = plainTcpDescriptor(socket);
    if (fd === null || socket!._httpMessage !== response || socket!.writableLength !== 0) {
      this.#streamFrom(this.from, 'refused');
      return;
    }
    if (copiesRunning >= MAX_COPIES) {
      this.#streamFrom(this.from, 'busy');
      return;
    }
    try {
      this.#job = this.addon.start(fd, this.handle.fd, this.from, this.last - this.from + 1, this.stallMs,
        (outcome, sent, error) => this.#copied(outcome, sent, error));
    } catch (error) {
      this.log.warn({ err: error }, 'sendfile could not start; streaming the file instead');
      this.#streamFrom(this.from, 'refused');
      return;
    }
    copiesRunning++;
    sendfileCopies.inc();
  }

  #copied(outcome: CopyOutcome, sent: number, error: string | null): void {
    this.#job = null;
    copiesRunning--;
    sendfileCopies.dec();
    if (sent > 0) {
      sendfileBytes.inc(sent);
      this.emit(BYTES_SENT_ASIDE, sent);
    }
    // Cancelled: the response was given up already.
    if (this.destroyed) return;
    if (outcome === 'done') {
      this.#closeHandle();
      this.end();
    } else if (outcome === 'stalled') {
      this.#streamFrom(this.from + sent, 'stalled');
    } else if (outcome === 'error' && sent === 0) {
      this.log.warn({ error }, 'sendfile failed before the first byte; streaming the file instead');
      this.#streamFrom(this.from, 'refused');
    } else {
      // The client left, the file shrank, or the copy broke midway: the answer cannot be completed.
      if (outcome !== 'client-gone') this.log.warn({ outcome, error, sent }, 'sendfile stopped before the end of the file');
      this.#response?.destroy();
    }
  }

  #streamFrom(position: number, reason: 'busy' | 'refused' | 'stalled'): void {
    sendfileFallbacks.inc({ reason });
    const source = this.readFrom(position);
    this.#stream = source;
    source.on('error', (error) => this.destroy(error));
    source.pipe(this);
  }

  #closeHandle(): void {
    if (this.#handleClosed) return;
    this.#handleClosed = true;
    this.handle.close().catch(() => {});
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // The copy works on its own duplicates of both descriptors: closing ours here is safe.
    if (this.#job !== null) this.addon.cancel(this.#job);
    if (this.#stream !== null) this.#stream.destroy();
    else this.#closeHandle();
    callback(error);
  }
}
