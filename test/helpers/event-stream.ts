// Reads a server-sent-event stream over plain fetch, the way EventSource would, for tests: the
// events (id, event, data), the comment lines, and a bounded wait for an expected event.
import assert from 'node:assert/strict';

export interface StreamEvent {
  id: string | null;
  event: string;
  data: string;
  /** data as JSON. */
  json: any;
}

export class EventStreamReader {
  readonly events: StreamEvent[] = [];
  readonly comments: string[] = [];
  private buffer = '';
  private ended = false;
  private changed: () => void = () => {};

  private constructor(private readonly abort: AbortController, readonly response: Response) {}

  /** Opens the stream, checks it is one, and waits for `firstComment` (the server says it is subscribed). */
  static async open(url: string, headers: Record<string, string> = {}, firstComment = 'connected'): Promise<EventStreamReader> {
    const abort = new AbortController();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
    assert.equal(response.status, 200, `${url}: ${response.status}`);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    const reader = new EventStreamReader(abort, response);
    void reader.pump();
    await reader.waitForComment(firstComment);
    return reader;
  }

  private async pump(): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of this.response.body!) {
        this.buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        this.parse();
        this.changed();
      }
    } catch {
      // Aborted by close().
    }
    this.ended = true;
    this.changed();
  }

  private parse(): void {
    for (let end = this.buffer.search(/\r?\n\r?\n/); end >= 0; end = this.buffer.search(/\r?\n\r?\n/)) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      let id: string | null = null;
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith(':')) {
          this.comments.push(line.slice(1).trim());
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') id = value;
        else if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length === 0) continue;
      const text = data.join('\n');
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      this.events.push({ id, event, data: text, json });
    }
  }

  private async until<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = probe();
      if (found !== undefined) return found;
      if (this.ended) throw new Error(`the stream ended before ${what}; events: ${JSON.stringify(this.events.map((e) => e.event))}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; events so far: ${JSON.stringify(this.events.map((e) => [e.id, e.event, e.json]))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.changed = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  waitForComment(text: string, timeoutMs = 10000): Promise<string> {
    return this.until(`the comment "${text}"`, () => this.comments.find((c) => c === text), timeoutMs);
  }

  /** The first event (in arrival order) matching, waiting for it if needed. */
  waitFor(what: string, match: (event: StreamEvent) => boolean, timeoutMs = 15000): Promise<StreamEvent> {
    return this.until(what, () => this.events.find(match), timeoutMs);
  }

  /** Waits until the server ends the stream. */
  waitForEnd(timeoutMs = 15000): Promise<true> {
    return this.until('the stream to end', () => (this.ended ? true : undefined), timeoutMs);
  }

  /** Ends the stream from the client's side, as a closed browser tab does. */
  close(): void {
    this.abort.abort();
  }
}
